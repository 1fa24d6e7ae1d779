using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Skaftin.Realtime.Runtime.Tests;

/// <summary>Issue 22, item 4: a declared table's schema changing under the app is reported once per table and kind of change.</summary>
public sealed class SchemaDriftTests
{
    private const string AddColour = """{"type":"add_column","projectId":"p1","tableName":"vehicles","data":{"column":{"name":"colour","type":"text"}},"timestamp":"2026-11-26T08:35:00Z"}""";
    private const string AddSeats = """{"type":"add_column","projectId":"p1","tableName":"vehicles","data":{"column":{"name":"seats","type":"integer"}},"timestamp":"2026-11-26T08:36:00Z"}""";
    private const string AlterName = """{"type":"alter_column","projectId":"p1","tableName":"vehicles","data":{"column":{"name":"name","type":"integer","nullable":false}},"oldData":{"column":{"name":"name","type":"text","nullable":true}},"timestamp":"2026-11-26T08:37:00Z"}""";
    private const string Insert = """{"type":"insert","projectId":"p1","tableName":"vehicles","data":{"id":1,"name":"Van"},"timestamp":"2026-11-26T08:38:00Z"}""";

    private static void Dispatch(SkaftinEventRouter router, string json) => router.DispatchDatabaseChange(Encoding.UTF8.GetBytes(json));

    [Fact]
    public void ADeclaredTablesSchemaChangeIsReportedOncePerTableAndKindOfChange()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 14, 0, 0, TimeSpan.Zero));
        var router = new SkaftinEventRouter(timeProvider: time);
        _ = router.Vehicles();
        var drifts = new List<SchemaDrift>();
        using var subscription = router.OnSchemaDrift(drifts.Add);

        Dispatch(router, AddColour);
        Dispatch(router, AddSeats);
        Dispatch(router, Insert);
        Dispatch(router, AddColour);

        var added = Assert.Single(drifts);
        Assert.Equal("vehicles", added.TableName);
        Assert.Equal("p1", added.ProjectId);
        Assert.Equal(DatabaseChangeType.AddColumn, added.ChangeType);
        Assert.Equal(new[] { "colour" }, added.Columns);
        Assert.Empty(added.AffectedMembers!);
        Assert.Contains("resynced", added.Action);
        Assert.Equal(time.GetUtcNow(), added.DetectedAt);

        Dispatch(router, AlterName);
        Dispatch(router, AlterName);

        Assert.Equal(2, drifts.Count);
        Assert.Equal(DatabaseChangeType.AlterColumn, drifts[1].ChangeType);
        Assert.Equal(new[] { "name" }, drifts[1].Columns);
        Assert.Contains("fail to decode", drifts[1].Action);
        Assert.Same(drifts[1], Assert.Single(router.SchemaDrifts).Value);
    }

    [Fact]
    public void UndeclaredTablesAndConstraintChangesAreNoDrift()
    {
        var router = new SkaftinEventRouter();
        _ = router.Vehicles();
        var drifts = new List<SchemaDrift>();
        using var subscription = router.OnSchemaDrift(drifts.Add);

        Dispatch(router, """{"type":"add_column","projectId":"p1","tableName":"orders","data":{"column":{"name":"x","type":"text"}},"timestamp":"2026-11-26T08:35:00Z"}""");
        Dispatch(router, """{"type":"create_constraint","projectId":"p1","tableName":"vehicles","data":{"constraint":{"name":"u","type":"unique"}},"timestamp":"2026-11-26T08:35:00Z"}""");

        Assert.Empty(drifts);
        Assert.Empty(router.SchemaDrifts);
    }

    [Fact]
    public void EachReportIsLoggedOnceAsAWarning()
    {
        var log = new LogLines();
        var router = new SkaftinEventRouter(log);
        _ = router.Vehicles();

        Dispatch(router, AddColour);
        Dispatch(router, AddSeats);
        Dispatch(router, """{"type":"drop_table","projectId":"p1","tableName":"vehicles","data":{"table":"vehicles"},"timestamp":"2026-11-26T08:39:00Z"}""");

        var lines = log.Lines.Where(static l => l.StartsWith("[1008]", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, lines.Count);
        Assert.StartsWith("[1008] Warning Schema drift on table 'vehicles': add_column (colour)", lines[0]);
        Assert.StartsWith("[1008] Warning Schema drift on table 'vehicles': drop_table", lines[1]);
        Assert.Equal(DatabaseChangeType.DropTable, router.SchemaDrifts["vehicles"].ChangeType);
    }

    [Fact]
    public void AThrowingDriftHandlerIsReportedAndDoesNotStopTheOthers()
    {
        var router = new SkaftinEventRouter();
        _ = router.Vehicles();
        var errors = new List<RealtimeError>();
        var seen = new List<SchemaDrift>();
        using var e = router.OnError(errors.Add);
        using var a = router.OnSchemaDrift(_ => throw new InvalidOperationException("boom"));
        using var b = router.OnSchemaDrift(seen.Add);

        Dispatch(router, AddColour);

        Assert.Single(seen);
        Assert.Equal(RealtimeErrorKind.HandlerFailed, Assert.Single(errors).Kind);
    }

    [Fact]
    public async Task HealthIsDegradedWithTheReasonWhenADeclaredTableDrifted()
    {
        var server = new FakeSocketServer();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(server.CreateClient());
        services.AddHealthChecks().AddSkaftinRealtime();
        await using var provider = services.BuildServiceProvider();
        var health = provider.GetRequiredService<HealthCheckService>();
        var client = provider.GetRequiredService<SkaftinRealtimeClient>();
        var drifts = new ConcurrentQueue<SchemaDrift>();
        using var subscription = client.OnSchemaDrift(drifts.Enqueue);
        _ = client.Router.Vehicles();
        await client.StartAsync();
        Assert.Equal(HealthStatus.Healthy, (await health.CheckHealthAsync()).Status);

        server.Current.Raise(EventNames.DatabaseChange, AlterName);
        await Eventually.Until(() => !drifts.IsEmpty, "the drift is reported");

        var entry = (await health.CheckHealthAsync()).Entries["skaftin-realtime"];
        Assert.Equal(HealthStatus.Degraded, entry.Status);
        Assert.Contains("table 'vehicles': alter_column (name)", entry.Description);
        Assert.Equal(new[] { "table 'vehicles': alter_column (name)" }, (string[])entry.Data["schemaDrift"]);
        Assert.Same(drifts.Single(), client.SchemaDrifts["vehicles"]);
    }

    /// <summary>Each log line as "[id] Level message".</summary>
    private sealed class LogLines : ILogger
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Enqueue($"[{eventId.Id}] {logLevel} {formatter(state, exception)}");
    }
}
