using System.Threading;

namespace Skaftin.Realtime;

/// <summary>
/// Lets a notice that every failing connection attempt would repeat (the websocket falling back to long-polling while
/// the server is down) be logged loudly once per outage: the first attempt takes it, the others log quietly, and a
/// connection that opens starts a new outage's count. Shared by the client's successive connections.
/// </summary>
internal sealed class OncePerOutage
{
    private int _taken;

    /// <summary>True for the first caller since the last <see cref="Reset"/>.</summary>
    public bool TryTake() => Interlocked.Exchange(ref _taken, 1) == 0;

    /// <summary>A connection opened: the next outage is noticed again.</summary>
    public void Reset() => Volatile.Write(ref _taken, 0);
}
