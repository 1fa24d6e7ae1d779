using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Xunit;

namespace Skaftin.Realtime.Runtime.Tests;

/// <summary>Dependency injection, configuration, validation, health, metrics, observables and handler contexts.</summary>
public sealed class HostingTests
{
    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(static v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Fact]
    public void ConfigurationIsBoundFromTheSkaftinSection()
    {
        var services = new ServiceCollection();
        services.AddSkaftinRealtime(Configuration(
            ("Skaftin:ApiUrl", "http://127.0.0.1:4999"),
            ("Skaftin:ApiKey", "k"),
            ("Skaftin:Projects:0", "p1"),
            ("Skaftin:Projects:1", "p2"),
            ("Skaftin:Transport", "polling"),
            ("Skaftin:ConnectTimeout", "00:00:03"),
            ("Skaftin:HeartbeatTimeout", "00:01:00"),
            ("Skaftin:DispatchQueueCapacity", "50"),
            ("Skaftin:MaxFrameBytes", "1048576"),
            ("Skaftin:DispatchOnReceiveThread", "true"),
            ("Skaftin:RequestTimeout", "00:00:04"),
            ("Skaftin:DispatchQueueFullWait", "00:00:02"),
            ("Skaftin:RetryInitialConnection", "false"),
            ("Skaftin:Reconnect:Enabled", "false"),
            ("Skaftin:Reconnect:MaxAttempts", "7"),
            ("Skaftin:Reconnect:InitialDelay", "00:00:00.250"),
            ("Skaftin:Reconnect:MaxDelay", "00:00:09"),
            ("Skaftin:Reconnect:Jitter", "0.25")))
            .AddTable(static client => client.Vehicles());
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<SkaftinRealtimeOptions>>().Value;
        Assert.Equal(new Uri("http://127.0.0.1:4999"), options.ApiUrl);
        Assert.Equal(("k", SkaftinTransport.Polling, 50), (options.ApiKey, options.Transport, options.DispatchQueueCapacity));
        Assert.Equal(new[] { "p1", "p2" }, options.Projects);
        Assert.True(options.DispatchOnReceiveThread);
        Assert.Equal(1_048_576, options.MaxFrameBytes);
        Assert.Equal((TimeSpan.FromSeconds(3), TimeSpan.FromMinutes(1)), (options.ConnectTimeout, options.HeartbeatTimeout));
        Assert.Equal((7, TimeSpan.FromMilliseconds(250)), (((SkaftinRetryPolicy)options.RetryPolicy).MaxAttempts, ((SkaftinRetryPolicy)options.RetryPolicy).InitialDelay));
        Assert.Equal((TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(2), false), (options.RequestTimeout, options.DispatchQueueFullWait, options.RetryInitialConnection));
        Assert.Equal((false, TimeSpan.FromSeconds(9), 0.25), (((SkaftinRetryPolicy)options.RetryPolicy).Enabled, ((SkaftinRetryPolicy)options.RetryPolicy).MaxDelay, ((SkaftinRetryPolicy)options.RetryPolicy).Jitter));

        var client = provider.GetRequiredService<SkaftinRealtimeClient>();
        Assert.Same(client, provider.GetRequiredService<ISkaftinRealtimeSource>());
        Assert.Same(client.Vehicles(), provider.GetRequiredService<VehiclesRealtime>());
    }

    [Theory]
    [InlineData("Skaftin:ConnectTimeout", "soon", "'Skaftin:ConnectTimeout'")]
    [InlineData("Skaftin:Transport", "pigeon", "'Skaftin:Transport'")]
    [InlineData("Skaftin:DispatchOnReceiveThread", "yes", "'Skaftin:DispatchOnReceiveThread'")]
    [InlineData("Skaftin:Reconnect:MaxAttempts", "many", "'Skaftin:Reconnect:MaxAttempts'")]
    public void AMalformedValueNamesItsKey(string key, string value, string expected)
    {
        var services = new ServiceCollection();
        services.AddSkaftinRealtime(Configuration((key, value), ("Skaftin:ApiKey", "k")));
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IOptions<SkaftinRealtimeOptions>>().Value);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public async Task ABadUrlOrCredentialPlaceFailsTheHostAtStartWithAClearMessage()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddSkaftinRealtime(Configuration(("Skaftin:ApiUrl", "ftp://example"), ("Skaftin:Credential:Name", "pid")));
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains("Skaftin:ApiUrl must be an absolute http", error.Message);
        Assert.Contains("Skaftin:Credential:Name 'pid'", error.Message);
    }

    [Fact]
    public void ARelativeUrlFailsValidationWithTheClientsOwnRule()
    {
        var services = new ServiceCollection();
        services.AddSkaftinRealtime(Configuration(("Skaftin:ApiUrl", "not a url"), ("Skaftin:ApiKey", "k")));
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<SkaftinRealtimeOptions>>().Value);
        var constructorError = Assert.Throws<ArgumentException>(() => new SkaftinRealtimeClient(new SkaftinRealtimeOptions { ApiUrl = new Uri("not a url", UriKind.Relative), ApiKey = "k" }));
        Assert.Contains("Skaftin:ApiUrl must be an absolute http", error.Message);
        Assert.Contains("Skaftin:ApiUrl must be an absolute http", constructorError.Message);
    }

    [Fact]
    public async Task HealthFollowsTheConnection()
    {
        var server = new FakeSocketServer();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(server.CreateClient());
        services.AddHealthChecks().AddSkaftinRealtime();
        await using var provider = services.BuildServiceProvider();
        var health = provider.GetRequiredService<HealthCheckService>();
        var client = provider.GetRequiredService<SkaftinRealtimeClient>();

        Assert.Equal(HealthStatus.Unhealthy, (await health.CheckHealthAsync()).Status);
        await client.StartAsync();
        var healthy = await health.CheckHealthAsync();
        Assert.Equal(HealthStatus.Healthy, healthy.Status);
        Assert.Equal("Connected", healthy.Entries["skaftin-realtime"].Data["state"]);

        server.Unreachable = true;
        server.Current.Drop(DisconnectReason.TransportClosed);
        await Eventually.Until(() => client.State == ConnectionState.Reconnecting, "the client reconnects");
        Assert.Equal(HealthStatus.Degraded, (await health.CheckHealthAsync()).Status);
    }

    [Fact]
    public async Task HealthIsUnhealthyWhenAHeldProjectsJoinWasRefused()
    {
        var server = new FakeSocketServer();
        server.RefusedProjects.Add("p2");
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(server.CreateClient());
        services.AddHealthChecks().AddSkaftinRealtime();
        await using var provider = services.BuildServiceProvider();
        var health = provider.GetRequiredService<HealthCheckService>();
        var client = provider.GetRequiredService<SkaftinRealtimeClient>();
        await using var p1 = await client.JoinProjectAsync("p1");
        await using var p2 = await client.JoinProjectAsync("p2");

        await client.StartAsync();

        await Eventually.Until(() => health.CheckHealthAsync().Result.Status == HealthStatus.Unhealthy, "the refused join makes the client unhealthy");
        var entry = (await health.CheckHealthAsync()).Entries["skaftin-realtime"];
        Assert.Equal("Connected", entry.Data["state"]);
        Assert.Equal(new[] { "p2" }, entry.Data["notJoined"]);
        Assert.Contains("'p2': the server refused the join: refused", entry.Description);
        Assert.Equal(entry.Description, entry.Data["reason"]);
    }

    [Fact]
    public async Task HealthTurnsUnhealthyAfterTheOutageThreshold()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var server = new FakeSocketServer();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(server.CreateClient(o => o.TimeProvider = time));
        services.AddHealthChecks().AddSkaftinRealtime(configure: static o => o.UnhealthyAfter = TimeSpan.FromMinutes(1));
        await using var provider = services.BuildServiceProvider();
        var health = provider.GetRequiredService<HealthCheckService>();
        var client = provider.GetRequiredService<SkaftinRealtimeClient>();
        await client.StartAsync();
        Assert.Equal(HealthStatus.Healthy, (await health.CheckHealthAsync()).Status);

        server.Unreachable = true;
        server.Current.Drop(DisconnectReason.TransportClosed);
        await Eventually.Until(() => health.CheckHealthAsync().Result.Status == HealthStatus.Degraded, "a fresh outage is degraded");
        time.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(HealthStatus.Degraded, (await health.CheckHealthAsync()).Status);

        time.Advance(TimeSpan.FromSeconds(2));
        var report = await health.CheckHealthAsync();
        Assert.Equal(HealthStatus.Unhealthy, report.Status);
        Assert.Contains("longer than UnhealthyAfter (00:01:00)", report.Entries["skaftin-realtime"].Description);
        Assert.NotEqual(ConnectionState.Connected, client.State);

        server.Unreachable = false;
        await Eventually.Until(
            () =>
            {
                time.Advance(TimeSpan.FromSeconds(5)); // the retry policy's delays run on the fake clock
                return health.CheckHealthAsync().Result.Status == HealthStatus.Healthy;
            },
            "the client reconnects and is healthy again");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void AnUnhealthyAfterThatIsNotPositiveIsRefusedWhenTheCheckIsAdded(int seconds)
    {
        var services = new ServiceCollection();
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => services.AddHealthChecks().AddSkaftinRealtime(configure: o => o.UnhealthyAfter = TimeSpan.FromSeconds(seconds)));
        Assert.Contains("UnhealthyAfter must be a positive", error.Message);
    }

    [Fact]
    public async Task MetricsCountEventsFailuresAndLag()
    {
        var measurements = new List<(string Instrument, double Value, string? Table)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == SkaftinTelemetry.Name)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            string? table = null;
            foreach (var tag in tags)
            {
                if (tag.Key == "skaftin.table")
                {
                    table = tag.Value as string;
                }
            }

            lock (measurements)
            {
                measurements.Add((instrument.Name, value, table));
            }
        }

        listener.SetMeasurementEventCallback<long>((i, v, t, _) => Record(i, v, t));
        listener.SetMeasurementEventCallback<double>((i, v, t, _) => Record(i, v, t));
        listener.Start();

        // The meter is process-wide and other tests run in parallel: this test's events go to a table only it uses.
        var server = new FakeSocketServer();
        await using var client = server.CreateClient();
        var delivered = new TaskCompletionSource();
        using var a = client.TelemetryProbe().OnInserted(p =>
        {
            if (p.Name == "boom")
            {
                throw new InvalidOperationException("boom");
            }

            delivered.TrySetResult();
        });
        await client.StartAsync();
        server.Current.Raise(EventNames.DatabaseChange, ProbeRow("\"boom\""));
        server.Current.Raise(EventNames.DatabaseChange, ProbeRow("{\"no\":1}"));
        server.Current.Raise(EventNames.DatabaseChange, ProbeRow("\"ok\""));
        await delivered.Task.WaitAsync(TimeSpan.FromSeconds(10));

        lock (measurements)
        {
            Assert.Equal(3, measurements.Count(static m => m.Instrument == "skaftin.realtime.events" && m.Table == TelemetryProbe.Table));
            Assert.Single(measurements, static m => m.Instrument == "skaftin.realtime.handler_failures" && m.Table == TelemetryProbe.Table);
            Assert.Single(measurements, static m => m.Instrument == "skaftin.realtime.decode_failures" && m.Table == TelemetryProbe.Table);
            Assert.True(measurements.Count(static m => m.Instrument == "skaftin.realtime.dispatch_lag" && m.Value >= 0) >= 3);
        }
    }

    private static string ProbeRow(string name) =>
        $$"""{"type":"insert","projectId":"p1","tableName":"{{TelemetryProbe.Table}}","data":{"id":1,"name":{{name}}},"timestamp":"2026-11-26T08:30:00Z"}""";

    [Fact]
    public async Task ObservablesDeliverChangesAndStates()
    {
        var server = new FakeSocketServer();
        await using var client = server.CreateClient();
        var changes = new List<RowChange<Vehicle, int>>();
        var states = new List<ConnectionState>();
        using var a = client.Vehicles().AsObservable().Subscribe(new Observer<RowChange<Vehicle, int>>(changes.Add));
        using var b = client.StateChanges.Subscribe(new Observer<ConnectionStateChange>(c => states.Add(c.Current)));

        await client.StartAsync();
        server.Current.Raise(EventNames.DatabaseChange, Fixtures.VehicleInsert("A"));
        await Eventually.Until(() => changes.Count == 1, "the change is observed");

        Assert.Equal("A", Assert.IsType<RowInserted<Vehicle, int>>(changes[0]).Row.RegistrationNumber);
        Assert.Equal(new[] { ConnectionState.Connecting, ConnectionState.Connected }, states);
    }

    [Fact]
    public async Task HandlersRunOnTheGivenSynchronizationContextInOrder()
    {
        using var context = new SingleThreadContext();
        var server = new FakeSocketServer();
        await using var client = server.CreateClient(o => o.HandlerContext = context);
        var seen = new List<(string Name, int Thread)>();
        var done = new TaskCompletionSource();
        using var a = client.Vehicles().OnInserted(v =>
        {
            seen.Add((v.RegistrationNumber, Environment.CurrentManagedThreadId));
            if (seen.Count == 20)
            {
                done.TrySetResult();
            }
        });
        await client.StartAsync();
        for (var i = 0; i < 20; i++)
        {
            server.Current.Raise(EventNames.DatabaseChange, Fixtures.VehicleInsert("v" + i));
        }

        await done.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(Enumerable.Range(0, 20).Select(static i => "v" + i), seen.Select(static s => s.Name));
        Assert.All(seen, s => Assert.Equal(context.ThreadId, s.Thread));
    }

    [Fact]
    public async Task StateChangesAndConnectionErrorsRunOnTheHandlerContextInOrderWithEvents()
    {
        using var context = new SingleThreadContext();
        var server = new FakeSocketServer();
        await using var client = server.CreateClient(o => o.HandlerContext = context);
        var seen = new ConcurrentQueue<(string What, int Thread)>();
        client.StateChanged += change => seen.Enqueue(("state " + change.Current, Environment.CurrentManagedThreadId));
        using var e = client.OnError(error => seen.Enqueue(("error " + error.Kind, Environment.CurrentManagedThreadId)));
        using var a = client.Vehicles().OnInserted(v => seen.Enqueue(("insert " + v.RegistrationNumber, Environment.CurrentManagedThreadId)));
        await client.StartAsync();
        server.Current.Raise(EventNames.DatabaseChange, Fixtures.VehicleInsert("A"));
        server.Authenticate = static _ => "refused";

        server.Current.Drop(DisconnectReason.TransportClosed);
        await Eventually.Until(() => seen.Any(static s => s.What == "error ConnectionFailed"), "the refusal is reported");

        Assert.Equal(
            new[] { "state Connecting", "state Connected", "insert A", "state Reconnecting", "error ConnectionFailed" },
            seen.Select(static s => s.What).Take(5));
        Assert.All(seen, s => Assert.Equal(context.ThreadId, s.Thread));
    }

    [Fact]
    public async Task NoSdkThreadWaitsForTheHandlerContextAndItsLoopRunsBetweenRuns()
    {
        using var context = new SingleThreadContext();
        var server = new FakeSocketServer();
        await using var client = server.CreateClient(o => o.HandlerContext = context);
        var seen = new ConcurrentQueue<string>();
        using var a = client.Vehicles().OnInserted(v => seen.Enqueue(v.RegistrationNumber));
        await client.StartAsync();
        await client.FlushAsync();
        var release = new ManualResetEventSlim(); // not disposed: the "UI thread" may still be in its Wait
        var busy = new ManualResetEventSlim();
        context.Post(_ =>
        {
            busy.Set();
            release.Wait();
        }, null); // the "UI thread" is busy (so the start's own deliveries are over)
        try
        {
            Assert.True(busy.Wait(TimeSpan.FromSeconds(10)));
            for (var i = 0; i < 100; i++)
            {
                server.Current.Raise(EventNames.DatabaseChange, Fixtures.VehicleInsert("v" + i));
            }

            // The first run waits for the UI thread as one posted callback; work the app posts meanwhile runs after
            // that run, before the rest of the 100 events.
            await Eventually.Until(() => context.Queued == 1, "one run waits for the UI thread");
            context.Post(_ => seen.Enqueue("ui"), null);
        }
        finally
        {
            release.Set();
        }

        await client.FlushAsync().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(0, context.Sends);
        var order = seen.ToArray();
        Assert.Equal(101, order.Length);
        Assert.InRange(Array.IndexOf(order, "ui"), 1, 99);
        Assert.Equal(Enumerable.Range(0, 100).Select(static i => "v" + i), order.Where(static s => s != "ui"));
    }

    [Fact]
    public async Task WhenTheHandlerContextRefusesWorkEachQueuedEventIsReportedNotLost()
    {
        var context = new RefusingContext();
        var server = new FakeSocketServer();
        await using var client = server.CreateClient(o => o.HandlerContext = context);
        var errors = new ConcurrentQueue<RealtimeError>();
        var delivered = 0;
        using var e = client.OnError(errors.Enqueue);
        using var a = client.Vehicles().OnInserted(_ => Interlocked.Increment(ref delivered));
        await client.StartAsync();
        await client.FlushAsync();

        // A drain already under way when the loop ends may still deliver an event; every event is delivered or reported.
        context.Refuse = true;
        var raised = 0;
        while (errors.IsEmpty && raised < 50)
        {
            server.Current.Raise(EventNames.DatabaseChange, Fixtures.VehicleInsert("e" + raised++));
            await Task.Delay(20);
        }

        await Eventually.Until(() => Volatile.Read(ref delivered) + errors.Count(static r => r.EventName == EventNames.DatabaseChange) == raised, "every event is delivered or reported");
        var error = errors.First(static r => r.EventName == EventNames.DatabaseChange);
        Assert.Equal(RealtimeErrorKind.HandlerFailed, error.Kind);
        Assert.IsType<InvalidOperationException>(error.Exception);
    }

    /// <summary>A UI context whose loop has ended: it refuses posts once told to.</summary>
    private sealed class RefusingContext : SynchronizationContext
    {
        public volatile bool Refuse;

        public override void Post(SendOrPostCallback d, object? state)
        {
            if (Refuse)
            {
                throw new InvalidOperationException("The UI loop has ended.");
            }

            ThreadPool.QueueUserWorkItem(_ => d(state));
        }
    }

    [Fact]
    public async Task DisposeOnTheHandlerContextsThreadDoesNotWaitForTheHandlers()
    {
        using var context = new SingleThreadContext();
        var server = new FakeSocketServer();
        var client = server.CreateClient(o => o.HandlerContext = context);
        var delivered = 0;
        using var a = client.Vehicles().OnInserted(_ => Interlocked.Increment(ref delivered));
        await client.StartAsync();
        var release = new ManualResetEventSlim(); // not disposed: the "UI thread" may still be in its Wait
        var disposed = new TaskCompletionSource();

        // The "UI thread" is busy (so the start's own deliveries are over); meanwhile the dispatch task posts it the event.
        var busy = new ManualResetEventSlim();
        context.Post(_ =>
        {
            busy.Set();
            release.Wait();
            client.Dispose();
            disposed.SetResult();
        }, null);
        try
        {
            Assert.True(busy.Wait(TimeSpan.FromSeconds(10)));
            server.Current.Raise(EventNames.DatabaseChange, Fixtures.VehicleInsert("A"));
            await Eventually.Until(() => context.Queued == 1, "the event waits for the UI thread");
        }
        finally
        {
            release.Set();
        }

        await disposed.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(server.Current.Closed);
        await Eventually.Until(() => Volatile.Read(ref delivered) == 1, "the event received before disposing is still delivered");
    }

    [Fact]
    public async Task AHostStartsWithTheBackendDownAndConnectsWhenItComes()
    {
        var server = new FakeSocketServer { Unreachable = true };
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddSkaftinRealtime(o =>
        {
            o.ApiKey = "k";
            o.Projects.Add("p1");
        });
        builder.Services.AddSingleton(server.CreateClient(o => o.ConnectTimeout = TimeSpan.FromMilliseconds(50)));
        builder.Services.AddHealthChecks().AddSkaftinRealtime();
        using var host = builder.Build();
        var client = host.Services.GetRequiredService<SkaftinRealtimeClient>();
        var health = host.Services.GetRequiredService<HealthCheckService>();

        await host.StartAsync().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(ConnectionState.Connecting, client.State);
        Assert.Equal(HealthStatus.Degraded, (await health.CheckHealthAsync()).Status);
        server.Unreachable = false;
        await Eventually.Until(() => client.State == ConnectionState.Connected && server.Current.Rooms.Contains("p1"), "the client connects and joins p1");
        Assert.Equal(HealthStatus.Healthy, (await health.CheckHealthAsync()).Status);
        await host.StopAsync();
        Assert.Equal(0, server.OpenConnections);
    }

    private sealed class Observer<T>(Action<T> next) : IObserver<T>
    {
        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }

        public void OnNext(T value) => next(value);
    }
}
