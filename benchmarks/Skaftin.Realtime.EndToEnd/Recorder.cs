using System;
using System.Threading;
using System.Threading.Tasks;

namespace Skaftin.Realtime.EndToEnd;

/// <summary>
/// Counts a client's events and records each measured one's dispatch latency, allocation-free on the event path:
/// the first <c>warmup</c> events only count (JIT, tiering, buffers), the next <c>events</c> are measured.
/// <see cref="Record"/> is called by the client's handler, one thread at a time (the handler's thread);
/// <see cref="Lost"/> (an event the client could not deliver) may come from another thread.
/// </summary>
internal sealed class Recorder
{
    private static readonly long UnixEpochTicks = DateTime.UnixEpoch.Ticks;

    private readonly int _warmup;
    private readonly int _events;
    private readonly int _total;
    private readonly double[] _latencies;
    private readonly TaskCompletionSource _warm = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _delivered;
    private int _lost;
    private int _measured;
    private double _firstSentMs;
    private double _lastReceivedMs;
    private string? _firstLoss;

    public Recorder(int warmup, int events)
    {
        _warmup = warmup;
        _events = events;
        _total = warmup + events;
        _latencies = new double[events];
    }

    public Task Warm => _warm.Task;

    public Task Done => _done.Task;

    /// <summary>Events delivered or lost so far (for stall detection).</summary>
    public int Progress => Volatile.Read(ref _delivered) + Volatile.Read(ref _lost);

    public int Measured => Volatile.Read(ref _measured);

    public int LostCount => Volatile.Read(ref _lost);

    public string? FirstLoss => Volatile.Read(ref _firstLoss);

    /// <summary>First measured event's send time to the last one's arrival (wall clock, ms).</summary>
    public double ElapsedMs => _measured > 0 ? _lastReceivedMs - _firstSentMs : 0;

    public ReadOnlySpan<double> Latencies => _latencies.AsSpan(0, Math.Min(Measured, _events));

    /// <summary>The wall clock (CLOCK_REALTIME on Linux) in Unix milliseconds, 100 ns resolution.</summary>
    public static double WallMs() => (DateTime.UtcNow.Ticks - UnixEpochTicks) / (double)TimeSpan.TicksPerMillisecond;

    /// <summary>One event reached the handler; <paramref name="sentAtMs"/> is the server's send time.</summary>
    public void Record(double sentAtMs)
    {
        var now = WallMs();
        // The event's position in the stream counts the lost ones too, so losses in the warm-up do not shift it.
        var i = _delivered + Volatile.Read(ref _lost);
        Volatile.Write(ref _delivered, _delivered + 1);
        if (i < _warmup)
        {
            if (i + 1 == _warmup)
            {
                _warm.TrySetResult();
            }

            return;
        }

        var j = _measured;
        if (j < _events)
        {
            if (j == 0)
            {
                _firstSentMs = sentAtMs;
            }

            _latencies[j] = now - sentAtMs;
            _lastReceivedMs = now;
            Volatile.Write(ref _measured, j + 1);
        }

        CheckDone();
    }

    /// <summary>An event the client received but could not hand to the handler (a full queue, a decode failure).</summary>
    public void Lost(string what)
    {
        Interlocked.CompareExchange(ref _firstLoss, what, null);
        Interlocked.Increment(ref _lost);
        CheckDone();
    }

    private void CheckDone()
    {
        var progress = Progress;
        if (progress >= _warmup)
        {
            _warm.TrySetResult();
        }

        if (progress >= _total)
        {
            _done.TrySetResult();
        }
    }
}
