namespace Skaftin.Realtime;

/// <summary>
/// Opens the client's connections to a server in place of its Socket.IO connection: the seam for an in-memory server
/// in tests (<c>Skaftin.Realtime.Testing</c>'s <c>FakeSkaftinServer</c> is built on it) or a transport of your own.
/// Give it to <see cref="SkaftinRealtimeClient(SkaftinRealtimeOptions, RealtimeConnector)"/>. The client keeps
/// everything above one connection: reconnecting with its retry policy, its rooms and their joins, the dispatch of
/// events to handlers in order, typed events, errors and health.
/// </summary>
/// <remarks>
/// The client calls <see cref="CreateConnection"/> before it takes its connection lock, once for its first
/// connection and once for each reconnect, then <see cref="RealtimeConnection.StartAsync"/>.
/// </remarks>
public abstract class RealtimeConnector
{
    /// <summary>Creates one connection attempt; it is started by the client and never reused.</summary>
    /// <param name="context">Where the client connects, and the credential it would send.</param>
    /// <returns>A new, not yet started connection.</returns>
    public abstract RealtimeConnection CreateConnection(RealtimeConnectionContext context);
}
