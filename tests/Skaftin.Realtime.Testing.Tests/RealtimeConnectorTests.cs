using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Skaftin.Realtime.Testing.Tests.Fleet;
using Xunit;

namespace Skaftin.Realtime.Testing.Tests;

/// <summary>
/// The client's public connection seam (<see cref="RealtimeConnector"/>), driven by a connector written here with the
/// public API only (this project sees no internals of the runtime): what a third party's in-memory server can do.
/// </summary>
public sealed class RealtimeConnectorTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    private static SkaftinRealtimeOptions Options(Action<SkaftinRealtimeOptions>? configure = null)
    {
        var options = new SkaftinRealtimeOptions
        {
            ApiUrl = new Uri("http://in-memory.invalid"),
            ApiKey = "key-1",
            RetryPolicy = new SkaftinRetryPolicy { InitialDelay = TimeSpan.FromMilliseconds(10), MaxDelay = TimeSpan.FromMilliseconds(50) },
        };
        configure?.Invoke(options);
        return options;
    }

    [Fact]
    public async Task The_connector_gets_the_url_and_credential_and_the_client_joins_through_it()
    {
        var connector = new InMemoryConnector();
        await using var client = new SkaftinRealtimeClient(Options(), connector);

        await client.StartAsync().WaitAsync(Bound);
        await client.JoinProjectAsync("p1").WaitAsync(Bound);

        var context = Assert.Single(connector.Contexts);
        Assert.Equal(new Uri("http://in-memory.invalid"), context.Url);
        Assert.Equal("key-1", context.Credential);
        Assert.NotNull(context.CredentialName);
        Assert.Equal(ConnectionState.Connected, client.State);
        Assert.Equal(connector.Current!.Id, client.SocketId);
        Assert.Equal([$"{EventNames.JoinProject} p1"], connector.Current.Emitted);
    }

    [Fact]
    public async Task Raw_and_typed_changes_reach_the_handlers_in_the_order_raised_and_flush_waits_for_them()
    {
        var connector = new InMemoryConnector();
        await using var client = new SkaftinRealtimeClient(Options(), connector);
        await client.StartAsync().WaitAsync(Bound);
        await client.JoinProjectAsync("p1").WaitAsync(Bound);
        var seen = new List<string>();
        var typed = new Truck(2, "TYPED", TruckStatus.InService, null);
        Truck? handed = null;
        using var inserted = client.Trucks().OnInserted(row =>
        {
            Thread.Sleep(20); // a slow handler: FlushAsync must still wait for it
            seen.Add(row.Plate);
            handed = row.Id == 2 ? row : handed;
        });

        connector.Current!.Send(EventNames.DatabaseChange, """{"type":"insert","projectId":"p1","tableName":"trucks","data":{"id":1,"plate":"RAW-1","status":"available","seats":2}}""");
        var envelope = DatabaseChange.Parse(Encoding.UTF8.GetBytes("""{"type":"insert","projectId":"p1","tableName":"trucks"}"""));
        connector.Current.SendTyped(client.Trucks(), new RowInserted<Truck, int>(typed) { ProjectId = "p1", TableName = "trucks", Timestamp = null }, envelope);
        connector.Current.Send(EventNames.DatabaseChange, """{"type":"insert","projectId":"p1","tableName":"trucks","data":{"id":3,"plate":"RAW-3","status":"available","seats":null}}""");
        await client.FlushAsync().WaitAsync(Bound);

        Assert.Equal(["RAW-1", "TYPED", "RAW-3"], seen);
        Assert.Same(typed, handed);
    }

    [Fact]
    public async Task A_table_of_another_client_cannot_be_raised_on_this_connection()
    {
        var connector = new InMemoryConnector();
        await using var client = new SkaftinRealtimeClient(Options(), connector);
        await using var other = new SkaftinRealtimeClient(Options(), new InMemoryConnector());
        await client.StartAsync().WaitAsync(Bound);
        var envelope = DatabaseChange.Parse(Encoding.UTF8.GetBytes("""{"type":"insert","projectId":"p1","tableName":"trucks"}"""));

        var error = Assert.Throws<InvalidOperationException>(() =>
            connector.Current!.SendTyped(other.Trucks(), new RowInserted<Truck, int>(new Truck(1, "A", TruckStatus.Available, 1)) { ProjectId = "p1", TableName = "trucks", Timestamp = null }, envelope));
        Assert.Contains("another client", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_lost_connection_is_replaced_by_a_new_one_from_the_connector_which_rejoins_the_rooms()
    {
        var connector = new InMemoryConnector();
        await using var client = new SkaftinRealtimeClient(Options(), connector);
        await client.StartAsync().WaitAsync(Bound);
        await client.JoinProjectAsync("p1").WaitAsync(Bound);
        var reconnected = new TaskCompletionSource<ConnectionStateChange>(TaskCreationOptions.RunContinuationsAsynchronously);
        var states = new ConcurrentQueue<string>();
        client.StateChanged += change =>
        {
            states.Enqueue($"{change.Previous} -> {change.Current}");
            if (change.Current == ConnectionState.Connected)
            {
                reconnected.TrySetResult(change);
            }
        };
        var first = connector.Current!;

        first.Lose("network cut");
        await reconnected.Task.WaitAsync(Bound);

        Assert.Equal(["Connected -> Reconnecting", "Reconnecting -> Connected"], states);
        Assert.Equal(2, connector.Contexts.Count);
        Assert.NotSame(first, connector.Current);
        Assert.Equal([$"{EventNames.JoinProject} p1"], connector.Current!.Emitted);
        Assert.True(first.Closed);
    }

    [Fact]
    public async Task A_refusal_fails_the_start_with_the_servers_message()
    {
        var connector = new InMemoryConnector { Refusal = "this key is not allowed here" };
        await using var client = new SkaftinRealtimeClient(Options(o => o.RetryInitialConnection = false), connector);

        var error = await Assert.ThrowsAnyAsync<SkaftinConnectionException>(() => client.StartAsync().WaitAsync(Bound));

        Assert.Contains("this key is not allowed here", error.ToString(), StringComparison.Ordinal);
        Assert.Equal(ConnectionState.Disconnected, client.State);
    }

    [Fact]
    public async Task A_connection_that_never_answers_fails_its_attempt_after_the_connect_timeout()
    {
        var connector = new InMemoryConnector { Silent = true };
        await using var client = new SkaftinRealtimeClient(Options(o => { o.RetryInitialConnection = false; o.ConnectTimeout = TimeSpan.FromMilliseconds(200); }), connector);

        var error = await Assert.ThrowsAnyAsync<SkaftinConnectionException>(() => client.StartAsync().WaitAsync(Bound));

        Assert.IsType<TimeoutException>(error.InnerException);
        Assert.True(connector.Current!.Closed);
    }

    [Fact]
    public async Task A_connector_that_returns_a_used_connection_fails_the_attempt_and_says_why()
    {
        var connector = new InMemoryConnector();
        await using var client = new SkaftinRealtimeClient(Options(o => o.RetryInitialConnection = false), connector);
        await client.StartAsync().WaitAsync(Bound);
        await client.StopAsync().WaitAsync(Bound);
        connector.Reuse = true;

        var error = await Assert.ThrowsAnyAsync<Exception>(() => client.StartAsync().WaitAsync(Bound));

        Assert.Contains("returned before", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Flush_awaited_inside_a_handler_completes_after_that_handler()
    {
        var connector = new InMemoryConnector();
        await using var client = new SkaftinRealtimeClient(Options(), connector);
        await client.StartAsync().WaitAsync(Bound);
        await client.JoinProjectAsync("p1").WaitAsync(Bound);
        Task? inner = null;
        var handlerDone = false;
        using var inserted = client.Trucks().OnInserted(_ =>
        {
            inner = client.FlushAsync();
            Assert.False(inner.IsCompleted); // it waits for this very handler
            handlerDone = true;
        });

        connector.Current!.Send(EventNames.DatabaseChange, """{"type":"insert","projectId":"p1","tableName":"trucks","data":{"id":1,"plate":"A","status":"available","seats":2}}""");
        await client.FlushAsync().WaitAsync(Bound);

        Assert.True(handlerDone);
        await inner!.WaitAsync(Bound);
    }

    /// <summary>A third party's in-memory server, on the public seam only: accepts, answers joins, sends what a test says.</summary>
    private sealed class InMemoryConnector : RealtimeConnector
    {
        private InMemoryConnection? _last;

        public ConcurrentQueue<RealtimeConnectionContext> Contexts { get; } = new();

        public InMemoryConnection? Current => Volatile.Read(ref _last);

        public string? Refusal { get; init; }

        public bool Silent { get; init; }

        public bool Reuse { get; set; }

        public override RealtimeConnection CreateConnection(RealtimeConnectionContext context)
        {
            Contexts.Enqueue(context);
            if (Reuse && _last is { } used)
            {
                return used;
            }

            var connection = new InMemoryConnection(this);
            Volatile.Write(ref _last, connection);
            return connection;
        }

        public sealed class InMemoryConnection(InMemoryConnector connector) : RealtimeConnection
        {
            public ConcurrentQueue<string> Emitted { get; } = new();

            public bool Closed { get; private set; }

            public override Task StartAsync(CancellationToken cancellationToken)
            {
                if (connector.Refusal is { } refusal)
                {
                    _ = Task.Run(() => RaiseRefused(refusal), CancellationToken.None);
                }
                else if (!connector.Silent)
                {
                    _ = Task.Run(() => RaiseConnected("mem-" + Guid.NewGuid().ToString("N")[..6]), CancellationToken.None);
                }

                return Task.CompletedTask;
            }

            public override Task EmitAsync(string eventName, string argument, CancellationToken cancellationToken)
            {
                Emitted.Enqueue($"{eventName} {argument}");
                if (eventName == EventNames.JoinProject)
                {
                    Send(EventNames.JoinedProject, $$"""{"projectId":"{{argument}}"}""");
                }

                return Task.CompletedTask;
            }

            public override Task CloseAsync()
            {
                Closed = true;
                return Task.CompletedTask;
            }

            public void Send(string eventName, string json) => RaiseEvent(eventName, Encoding.UTF8.GetBytes(json));

            public void SendTyped<TRow, TKey>(RealtimeTable<TRow, TKey> table, RowChange<TRow, TKey> change, DatabaseChange envelope)
                where TRow : class => RaiseChange(table, change, envelope);

            public void Lose(string why) => RaiseDisconnected(why);
        }
    }
}
