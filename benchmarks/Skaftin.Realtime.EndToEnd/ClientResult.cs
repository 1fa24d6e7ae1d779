using System.Text.Json.Serialization;

namespace Skaftin.Realtime.EndToEnd;

/// <summary>What one client process measured (the <c>RESULT</c> line, camelCase JSON; the Node client writes the same).</summary>
internal sealed record ClientResult
{
    public string Kind { get; init; } = "";

    public int Events { get; init; }

    /// <summary>Measured events that reached the handler.</summary>
    public int Received { get; init; }

    /// <summary>Events the client received but did not deliver (full dispatch queue, decode failure).</summary>
    public int Dropped { get; init; }

    public bool Stalled { get; init; }

    public string? Error { get; init; }

    /// <summary>First measured event's send time to the last one's arrival.</summary>
    public double ElapsedMs { get; init; }

    public double EventsPerSecond { get; init; }

    /// <summary>The process's CPU time (user + system) over the measured stream.</summary>
    public double CpuSeconds { get; init; }

    /// <summary>Managed bytes allocated by the whole process over the measured stream, per event; null for Node.</summary>
    public double? AllocatedBytesPerEvent { get; init; }

    /// <summary>Gen0/1/2 collections over the measured stream; null for Node.</summary>
    public int? Gen0Collections { get; init; }

    public int? Gen2Collections { get; init; }

    /// <summary>
    /// Time the JIT spent compiling in the measured window (all threads), ms; null for Node. More than a few ms means
    /// the warm-up was too short and the figures include tiering.
    /// </summary>
    public double? JitMs { get; init; }

    /// <summary>Thread-pool work items completed in the measured window (each may have woken a worker); null for Node.</summary>
    public long? PoolWorkItems { get; init; }

    /// <summary>Peak resident set (VmHWM) of the process, KiB.</summary>
    public long PeakRssKb { get; init; }

    public double? P50Ms { get; init; }

    public double? P99Ms { get; init; }

    public double? MaxMs { get; init; }

    public string? Runtime { get; init; }

    /// <summary>Filled in by the harness: the server's own emit rate for the measured stream.</summary>
    public double? ServerEventsPerSecond { get; init; }

    [JsonIgnore]
    public bool Ok => Error is null && !Stalled && Received + Dropped >= Events;
}
