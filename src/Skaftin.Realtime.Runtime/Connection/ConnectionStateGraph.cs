namespace Skaftin.Realtime;

/// <summary>
/// The only moves <see cref="SkaftinRealtimeClient.State"/> makes:
/// <code>
/// Disconnected ──start──▶ Connecting ──accepted──▶ Connected ──lost──▶ Reconnecting ──accepted──▶ Connected
///      ▲                      │                      │                     │
///      └──── stop, dispose, the retry policy gives up, a server-side disconnect ┘
/// </code>
/// (Connecting, Connected and Reconnecting each go to Disconnected; nothing else moves.)
/// </summary>
internal static class ConnectionStateGraph
{
    public static bool IsAllowed(ConnectionState from, ConnectionState to) => (from, to) switch
    {
        (ConnectionState.Disconnected, ConnectionState.Connecting) => true,
        (ConnectionState.Connecting, ConnectionState.Connected) => true,
        (ConnectionState.Connected, ConnectionState.Reconnecting) => true,
        (ConnectionState.Reconnecting, ConnectionState.Connected) => true,
        (ConnectionState.Connecting or ConnectionState.Connected or ConnectionState.Reconnecting, ConnectionState.Disconnected) => true,
        _ => false,
    };
}
