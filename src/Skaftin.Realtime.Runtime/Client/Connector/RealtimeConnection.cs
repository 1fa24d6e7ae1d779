using System;
using System.Threading;
using System.Threading.Tasks;

namespace Skaftin.Realtime;

/// <summary>
/// One connection attempt of a <see cref="RealtimeConnector"/>. The client calls <see cref="StartAsync"/>,
/// <see cref="EmitAsync"/> (to join and leave project rooms) and <see cref="CloseAsync"/>; the connection reports
/// what the server does through the <c>Raise…</c> methods, from any thread: accepted (<see cref="RaiseConnected"/>),
/// refused (<see cref="RaiseRefused"/>), an event (<see cref="RaiseEvent"/>, or a typed row change
/// <see cref="RaiseChange{TRow, TKey}"/>), the connection lost (<see cref="RaiseDisconnected"/>).
/// </summary>
/// <remarks>
/// A connection that never raises <see cref="RaiseConnected"/> or <see cref="RaiseRefused"/> fails its attempt after
/// <see cref="SkaftinRealtimeOptions.ConnectTimeout"/>, and the client retries as its policy says. The client takes the
/// connection's events from the moment it starts it; events raised once the connection was lost or the client closed
/// it are not delivered (a server sends none then).
/// A join (<c>join-project</c>) is answered by raising <c>joined-project</c> or <c>join-project-error</c> with the
/// room's answer, as a Skaftin server does; see the wire contract in the documentation.
/// </remarks>
public abstract partial class RealtimeConnection : IAsyncDisposable
{
    private SkaftinEventRouter? _router;

    /// <summary>The connection's id, once <see cref="RaiseConnected"/> gave one (the client's <see cref="SkaftinRealtimeClient.SocketId"/>).</summary>
    public string? Id { get; private set; }

    /// <summary>Starts connecting; report the server's answer with <see cref="RaiseConnected"/> or <see cref="RaiseRefused"/> (then or later).</summary>
    /// <param name="cancellationToken">Cancelled when the client stops or the attempt times out: honour it.</param>
    /// <returns>A task that completes when the attempt is under way; a fault fails the attempt.</returns>
    public abstract Task StartAsync(CancellationToken cancellationToken);

    /// <summary>Sends an event with one string argument to the server (<c>join-project</c>, <c>leave-project</c>).</summary>
    /// <param name="eventName">The event's name.</param>
    /// <param name="argument">Its argument (the project id).</param>
    /// <param name="cancellationToken">Abandons the send.</param>
    /// <returns>A task that completes when sent.</returns>
    public abstract Task EmitAsync(string eventName, string argument, CancellationToken cancellationToken);

    /// <summary>Closes the connection so the server sees it go; the client calls it once it is done with the connection.</summary>
    /// <returns>A task that completes when closed.</returns>
    public abstract Task CloseAsync();

    /// <summary>Closes the connection (<see cref="CloseAsync"/>).</summary>
    /// <returns>A task that completes when closed.</returns>
    public virtual ValueTask DisposeAsync() => new(CloseAsync());

    /// <summary>The server accepted the connection.</summary>
    /// <param name="connectionId">The id the server gave it.</param>
    protected void RaiseConnected(string connectionId)
    {
        Id = connectionId ?? throw new ArgumentNullException(nameof(connectionId));
        _connected?.Invoke();
    }

    /// <summary>The server refused the connection; the client reports it as a <see cref="SkaftinConnectionRefusedException"/> and retries as its policy says.</summary>
    /// <param name="message">The server's message, as it would reach the app.</param>
    protected void RaiseRefused(string message) =>
        _connectError?.Invoke(new ConnectRefusal(ConnectRefusalKind.Middleware, message ?? throw new ArgumentNullException(nameof(message))));

    /// <summary>The connection was lost (a restart, a network cut): the client reconnects as its retry policy says.</summary>
    /// <param name="description">Why, as the client's logs and state change will say it.</param>
    protected void RaiseDisconnected(string description) =>
        _disconnected?.Invoke(new SocketDisconnect(DisconnectReason.TransportClosed, description ?? throw new ArgumentNullException(nameof(description))));

    /// <summary>
    /// A server event, with its first argument as UTF-8 JSON (<c>database-change</c>, <c>project-event</c>, a room
    /// answer): it goes through the client's whole decode path, so a malformed payload is reported as the real
    /// server's would be. The bytes must not change afterwards.
    /// </summary>
    /// <param name="eventName">The event's name.</param>
    /// <param name="utf8Json">Its first argument.</param>
    protected void RaiseEvent(string eventName, ReadOnlyMemory<byte> utf8Json) =>
        _eventReceived?.Invoke(eventName ?? throw new ArgumentNullException(nameof(eventName)), utf8Json);

    /// <summary>
    /// A row change the server made, already typed: an in-memory server that holds the row object hands it over as
    /// the table's reader would have made it. It reaches the table's handlers, its streams and live tables, and the
    /// client's <c>OnAnyChange</c> handlers, in order with every other event.
    /// </summary>
    /// <typeparam name="TRow">The row type.</typeparam>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <param name="table">A table of this connection's client.</param>
    /// <param name="change">The typed change.</param>
    /// <param name="envelope">The event as the server would have sent it (its rows need not be there): what <c>OnAnyChange</c> and error reports see.</param>
    /// <exception cref="InvalidOperationException">The table belongs to another client, or the connection is not the client's yet.</exception>
    protected void RaiseChange<TRow, TKey>(RealtimeTable<TRow, TKey> table, RowChange<TRow, TKey> change, DatabaseChange envelope)
        where TRow : class
    {
        if (table is null || change is null || envelope is null)
        {
            throw new ArgumentNullException(table is null ? nameof(table) : change is null ? nameof(change) : nameof(envelope));
        }

        if (_router is null || table.EventRouter != _router)
        {
            throw new InvalidOperationException(
                $"Table '{table.TableName}' belongs to another client than this connection's: raise a change on a table of the client that opened the connection.");
        }

        _localDelivery?.Invoke(() => table.Deliver(change, envelope));
    }

    /// <summary>Ties the connection to the client that created it; a connection is never reused.</summary>
    internal void Attach(SkaftinEventRouter router)
    {
        if (Interlocked.CompareExchange(ref _router, router, null) is not null)
        {
            throw new InvalidOperationException("A RealtimeConnector returned a connection it had returned before: each attempt needs a new connection.");
        }
    }
}
