using System;
using System.Threading;
using System.Threading.Tasks;

namespace Skaftin.Realtime;

/// <summary>
/// The one seam between the client and the socket library: a single Socket.IO connection attempt.
/// Everything above it (reconnects, rooms, dispatch, typed events) is the client's own.
/// </summary>
internal interface ISocketConnection : IAsyncDisposable
{
    /// <summary>Raised on the receive thread for each server event, with its first argument as raw UTF-8 JSON.</summary>
    event Action<string, ReadOnlyMemory<byte>>? EventReceived;

    /// <summary>
    /// Raised on the receive thread for each frame that was not delivered (undecodable, or not one the SDK handles),
    /// so it is reported; the connection goes on.
    /// </summary>
    event Action<FrameRejection>? FrameRejected;

    /// <summary>
    /// Raised on the receive thread when the events that arrived together have all been raised and the receive loop
    /// waits for more. The loop goes on on another thread when data comes, so the raising thread is free to deliver
    /// them. Only connections whose <see cref="SignalsReceiveIdle"/> is true raise it.
    /// </summary>
    event Action? ReceiveIdle;

    /// <summary>Whether <see cref="ReceiveIdle"/> follows every run of events (the websocket), so events may wait for it.</summary>
    bool SignalsReceiveIdle { get; }

    /// <summary>The server accepted the connection.</summary>
    event Action? Connected;

    /// <summary>The connection ended; the argument says why, typed.</summary>
    event Action<SocketDisconnect>? Disconnected;

    /// <summary>The server refused the connection (for example its auth middleware, with its message).</summary>
    event Action<ConnectRefusal>? ConnectError;

    /// <summary>A server heartbeat arrived.</summary>
    event Action? Heartbeat;

    /// <summary>
    /// Work that hands an already typed change to its handlers (a <see cref="RealtimeConnection"/> of an in-memory
    /// server): run on the dispatch path, in order with the events. The Socket.IO connection never raises it.
    /// </summary>
    event Action<Action>? LocalDelivery;

    /// <summary>The socket id the server assigned, once connected.</summary>
    string? Id { get; }

    /// <summary>The recovery session id the server handed out (connection state recovery), if any.</summary>
    string? SessionId { get; }

    /// <summary>The offset of the last event received, when the server sends offsets (connection state recovery).</summary>
    string? LastOffset { get; }

    /// <summary>
    /// How long the server may stay silent before the connection counts as dead: its announced ping interval plus
    /// ping timeout, once its open packet arrived; null when it announced none (the client's setting applies).
    /// </summary>
    TimeSpan? AnnouncedHeartbeat { get; }

    /// <summary>Starts connecting; completion of the returned task says nothing about acceptance (watch the events).</summary>
    Task StartAsync(CancellationToken cancellationToken);

    /// <summary>Sends an event with one string argument.</summary>
    Task EmitAsync(string eventName, string argument, CancellationToken cancellationToken);

    /// <summary>Closes the connection so the server sees it go at once.</summary>
    Task CloseAsync();
}

/// <summary>What a reconnect offers the server to restore the previous session: its id and the last offset seen.</summary>
internal sealed record SessionResume(string SessionId, string? Offset);

/// <summary>
/// Creates one connection attempt for a URL, transport, credential (null: none is sent) and (on reconnect) the session
/// to resume.
/// </summary>
internal delegate ISocketConnection SocketConnectionFactory(Uri url, SkaftinTransport transport, HandshakeCredential? credential, SessionResume? resume);
