using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace Skaftin.Realtime.Testing;

/// <summary>
/// A Skaftin server for unit tests, in memory, with a real <see cref="SkaftinRealtimeClient"/> connected to it. Give
/// <see cref="Client"/> (or a generated table, <c>server.Vehicles()</c>) to the code under test, exactly as the app
/// gets them; then push changes with the table's test methods (<c>await server.Vehicles().InsertAsync(vehicle)</c>,
/// see <see cref="FakeTableExtensions"/>), and drop and restore the connection. Everything reaches the app's handlers
/// through the client's own dispatch path: in order, on its dispatch thread or <see cref="SkaftinRealtimeOptions.HandlerContext"/>,
/// with its resync signals and state changes. Each push completes once every handler has run.
/// </summary>
/// <remarks>
/// Like a real server it delivers a project's changes only to a client connected and in the project's room: start the
/// client and join the project first (as the app does), or a push throws <see cref="InvalidOperationException"/>.
/// </remarks>
public sealed class FakeSkaftinServer : ISkaftinRealtimeSource, IAsyncDisposable
{
    private static readonly ConditionalWeakTable<SkaftinEventRouter, FakeSkaftinServer> Servers = new();

    private readonly object _gate = new();
    private FakeConnection? _current;
    private bool _online = true;
    private int _everConnected;

    /// <summary>Creates the server and a client for it; the client is not started.</summary>
    /// <param name="configure">
    /// Adjusts the client's options as the app sets them (<see cref="SkaftinRealtimeOptions.HandlerContext"/>,
    /// <see cref="SkaftinRealtimeOptions.DispatchOnReceiveThread"/>, ...). The URL and token are the fake's; reconnects
    /// start after 10 ms instead of 500 ms.
    /// </param>
    public FakeSkaftinServer(Action<SkaftinRealtimeOptions>? configure = null)
    {
        var options = new SkaftinRealtimeOptions
        {
            ApiUrl = new Uri("http://fake-skaftin.invalid"),
            ApiKey = "fake-api-key",
            RetryPolicy = new SkaftinRetryPolicy { InitialDelay = TimeSpan.FromMilliseconds(10), MaxDelay = TimeSpan.FromMilliseconds(100) },
        };
        configure?.Invoke(options);
        Clock = options.TimeProvider;
        Client = new SkaftinRealtimeClient(options, new FakeConnector(this));
        Client.StateChanged += change =>
        {
            if (change.Current == ConnectionState.Connected)
            {
                Volatile.Write(ref _everConnected, 1);
            }
        };
        Servers.Add(((ISkaftinRealtimeSource)Client).Router, this);
    }

    /// <summary>The client connected to this server: hand it to the code under test.</summary>
    public SkaftinRealtimeClient Client { get; }

    /// <inheritdoc />
    SkaftinEventRouter ISkaftinRealtimeSource.Router => ((ISkaftinRealtimeSource)Client).Router;

    /// <summary>How long <see cref="DropConnectionAsync"/> and <see cref="RestoreConnectionAsync"/> wait for the client before throwing <see cref="TimeoutException"/>. 30 s by default.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Whether the server accepts connections; false between <see cref="DropConnectionAsync"/> and <see cref="RestoreConnectionAsync"/>.</summary>
    public bool IsOnline
    {
        get
        {
            lock (_gate)
            {
                return _online;
            }
        }
    }

    /// <summary>The projects whose rooms the client has joined on its live connection (none while disconnected).</summary>
    public IReadOnlyList<string> JoinedProjects
    {
        get
        {
            lock (_gate)
            {
                return _current is { IsOpen: true } live ? live.Rooms : [];
            }
        }
    }

    /// <summary>The clock of the client's options: the default timestamp of every push.</summary>
    internal TimeProvider Clock { get; }

    /// <summary>
    /// Sends one <c>database-change</c> event as raw JSON, as a server would: it goes through the client's whole decode
    /// path, so a malformed or unexpected payload is reported to <see cref="SkaftinRealtimeClient.OnError"/> as the real
    /// client reports it.
    /// </summary>
    /// <param name="json">The event's JSON text.</param>
    /// <param name="cancellationToken">Abandons the wait for the handlers (the event is still delivered).</param>
    /// <returns>A task that completes once every handler ran.</returns>
    /// <exception cref="InvalidOperationException">The client is not connected.</exception>
    public Task PushDatabaseChangeAsync(string json, CancellationToken cancellationToken = default) =>
        RaiseAsync(EventNames.DatabaseChange, json ?? throw new ArgumentNullException(nameof(json)), cancellationToken);

    /// <summary>Sends one <c>project-event</c> event as raw JSON (<c>{"type":..., "projectId":..., "data":..., "timestamp":...}</c>).</summary>
    /// <param name="json">The event's JSON text.</param>
    /// <param name="cancellationToken">Abandons the wait for the handlers (the event is still delivered).</param>
    /// <returns>A task that completes once every handler ran.</returns>
    /// <exception cref="InvalidOperationException">The client is not connected.</exception>
    public Task PushProjectEventAsync(string json, CancellationToken cancellationToken = default) =>
        RaiseAsync(EventNames.ProjectEvent, json ?? throw new ArgumentNullException(nameof(json)), cancellationToken);

    /// <summary>
    /// Sends <c>import_dump</c>: the project's whole database was replaced. The client raises
    /// <see cref="SkaftinRealtimeClient.OnDatabaseImported"/> and a resync signal to every table.
    /// </summary>
    /// <param name="projectId">The project; null for the one project the client has joined.</param>
    /// <param name="cancellationToken">Abandons the wait for the handlers (the event is still delivered).</param>
    /// <returns>A task that completes once every handler ran.</returns>
    /// <exception cref="InvalidOperationException">The client is not connected to the project.</exception>
    public Task DatabaseImportedAsync(string? projectId = null, CancellationToken cancellationToken = default) =>
        PushEnvelopeAsync(DatabaseChangeType.ImportDump, projectId, null, null, null, cancellationToken);

    /// <summary>
    /// Drops the connection, as a server restart or a network cut does, and accepts no connection until
    /// <see cref="RestoreConnectionAsync"/>. The client reconnects on its own, by its retry policy, and keeps trying.
    /// </summary>
    /// <param name="cancellationToken">Abandons the wait.</param>
    /// <returns>The client's first state change after the drop (to <see cref="ConnectionState.Reconnecting"/> unless the app turned reconnects off), once every handler saw it.</returns>
    /// <exception cref="InvalidOperationException">The client is not connected.</exception>
    public async Task<ConnectionStateChange> DropConnectionAsync(CancellationToken cancellationToken = default)
    {
        FakeConnection live;
        lock (_gate)
        {
            live = _current is { IsOpen: true } current ? current : throw NotConnected();
            _online = false;
        }

        return await WaitForStateChangeAsync(static _ => true, live.Drop, "a state change after the connection dropped", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Accepts connections again: the client's pending (or next) attempt succeeds, it joins its rooms again, and — since
    /// the events sent meanwhile are lost — every table receives a resync signal.
    /// </summary>
    /// <param name="cancellationToken">Abandons the wait.</param>
    /// <returns>The client's change to <see cref="ConnectionState.Connected"/>, once every handler saw it and the resync signal that follows.</returns>
    /// <exception cref="InvalidOperationException">The server is online and the client connected: there is nothing to restore.</exception>
    public async Task<ConnectionStateChange> RestoreConnectionAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (_online && _current is { IsOpen: true })
            {
                throw new InvalidOperationException("The client is connected to the fake server already: drop the connection first (DropConnectionAsync).");
            }
        }

        var resynced = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var expectResync = Volatile.Read(ref _everConnected) == 1;
        using var resyncs = Client.OnResyncRequired(signal =>
        {
            if (signal.Reason == ResyncReason.ConnectionRestored)
            {
                resynced.TrySetResult(true);
            }
        });
        var change = await WaitForStateChangeAsync(
            static c => c.Current == ConnectionState.Connected,
            () =>
            {
                FakeConnection? pending;
                lock (_gate)
                {
                    _online = true;
                    pending = _current is { IsPending: true } current ? current : null;
                }

                pending?.Accept();
            },
            "the client to connect again",
            cancellationToken).ConfigureAwait(false);
        if (expectResync)
        {
            await WithTimeout(resynced.Task, "the resync signal after reconnecting", cancellationToken).ConfigureAwait(false);
        }

        await FlushAsync(cancellationToken).ConfigureAwait(false);
        return change;
    }

    /// <summary>Waits until everything pushed so far has reached every handler.</summary>
    /// <param name="cancellationToken">Abandons the wait.</param>
    /// <returns>A task that completes when delivered.</returns>
    public Task FlushAsync(CancellationToken cancellationToken = default) => Client.FlushAsync(cancellationToken);

    /// <summary>Disposes the client (which closes its connection).</summary>
    /// <returns>A task that completes when the client is disposed.</returns>
    public ValueTask DisposeAsync() => Client.DisposeAsync();

    /// <summary>The server of a table got from a fake server's client.</summary>
    internal static FakeSkaftinServer Of(RealtimeTableBase table) =>
        Servers.TryGetValue(table.EventRouter, out var server)
            ? server
            : throw new InvalidOperationException(
                $"Table '{table.TableName}' belongs to a real client. Test pushes need a table from a FakeSkaftinServer (server.Client's or the server's own accessor).");

    /// <summary>A connection attempt of the client: accepted at once while online, otherwise held until the server is restored.</summary>
    internal void Started(FakeConnection connection)
    {
        bool online;
        lock (_gate)
        {
            _current = connection;
            online = _online;
        }

        if (online)
        {
            connection.Accept();
        }
    }

    /// <summary>Hands a typed row change of <paramref name="table"/> to its handlers on the client's dispatch path.</summary>
    internal Task PushRowAsync<TRow, TKey>(RealtimeTable<TRow, TKey> table, DatabaseChangeType type, string? projectId, DateTimeOffset? timestamp, Func<DatabaseChange, RowChange<TRow, TKey>> change, CancellationToken cancellationToken)
        where TRow : class
    {
        // The envelope carries no row: the typed row itself is handed over, as the table's reader would have made it.
        var envelope = DatabaseChange.Parse(EnvelopeJson.DatabaseChange(type, ResolveProject(projectId), table.TableName, timestamp ?? Clock.GetUtcNow(), null));
        LiveConnection().Raise(table, change(envelope), envelope);
        return FlushAsync(cancellationToken);
    }

    /// <summary>Sends a whole <c>database-change</c> envelope through the client's decode path.</summary>
    internal Task PushEnvelopeAsync(DatabaseChangeType type, string? projectId, string? tableName, DateTimeOffset? timestamp, string? dataJson, CancellationToken cancellationToken)
    {
        var json = EnvelopeJson.DatabaseChange(type, ResolveProject(projectId), tableName, timestamp ?? Clock.GetUtcNow(), dataJson);
        return RaiseAsync(EventNames.DatabaseChange, json, cancellationToken);
    }

    private Task RaiseAsync(string eventName, string json, CancellationToken cancellationToken) =>
        RaiseAsync(eventName, System.Text.Encoding.UTF8.GetBytes(json), cancellationToken);

    private Task RaiseAsync(string eventName, byte[] utf8Json, CancellationToken cancellationToken)
    {
        LiveConnection().Raise(eventName, utf8Json);
        return FlushAsync(cancellationToken);
    }

    private FakeConnection LiveConnection()
    {
        lock (_gate)
        {
            return _current is { IsOpen: true } current ? current : throw NotConnected();
        }
    }

    private string ResolveProject(string? projectId)
    {
        var joined = JoinedProjects;
        if (projectId is not null)
        {
            return Array.IndexOf([.. joined], projectId) >= 0
                ? projectId
                : throw new InvalidOperationException(
                    $"The client has not joined project '{projectId}' on a live connection, so a Skaftin server would not send it this change. Start the client and join the project first.");
        }

        return joined.Count switch
        {
            1 => joined[0],
            0 => throw new InvalidOperationException(
                "The client has joined no project on a live connection, so a Skaftin server would send it nothing. Start the client and join a project first."),
            _ => throw new InvalidOperationException(
                $"The client has joined several projects ({string.Join(", ", joined)}): name the project of the change."),
        };
    }

    // Subscribes before acting, so the change the action causes cannot slip past; then waits for its delivery to end.
    private async Task<ConnectionStateChange> WaitForStateChangeAsync(Func<ConnectionStateChange, bool> match, Action act, string what, CancellationToken cancellationToken)
    {
        var seen = new TaskCompletionSource<ConnectionStateChange>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnChange(ConnectionStateChange change)
        {
            if (match(change))
            {
                seen.TrySetResult(change);
            }
        }

        Client.StateChanged += OnChange;
        try
        {
            act();
            var change = await WithTimeout(seen.Task, what, cancellationToken).ConfigureAwait(false);
            await FlushAsync(cancellationToken).ConfigureAwait(false);
            return change;
        }
        finally
        {
            Client.StateChanged -= OnChange;
        }
    }

    private async Task<T> WithTimeout<T>(Task<T> task, string what, CancellationToken cancellationToken)
    {
        try
        {
            return await task.WaitAsync(Timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"Waited {Timeout.TotalSeconds:0.#} s for {what}; the client is {Client.State}.", ex);
        }
    }

    private InvalidOperationException NotConnected() =>
        new($"The client is not connected to the fake server (it is {Client.State}): start it (and join the project) first, as the app does.");
}
