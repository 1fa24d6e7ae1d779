using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Skaftin.Realtime.DevServer;
using Xunit;

namespace Skaftin.Realtime.IntegrationTests;

/// <summary>
/// Issue 22, row-level drift end to end: the dev server's table differs from the model before the hosted client joins,
/// so no schema event ever reaches it; its rows alone show the drift, once, in the report and the health entry.
/// </summary>
[Collection("dev server")]
public sealed class RowDriftTests(DevServerFixture fixture)
{
    private static readonly DevColumn[] Columns =
    {
        new("id", "integer", PrimaryKey: true),
        new("registration_number", "text", Nullable: false),
        new("status", "text", Nullable: false),
        new("capacity", "integer"),
        new("active", "boolean", Default: 1),
        new("created_at", "timestamp", Default: "now"),
    };

    [Fact]
    public async Task RowsWithAColumnTheModelDoesNotKnowAreDeliveredWithOneReportAndDegradedHealth()
    {
        var project = "rowdrift" + Guid.NewGuid().ToString("N")[..6];
        await fixture.Server.Api.CreateTableAsync(project, "vehicles", Columns.Append(new DevColumn("fuel_type", "text")));
        await using var app = await App.StartAsync(fixture.Server, project);
        var inserted = new BlockingCollection<Vehicle>();
        using var subscription = app.Client.Vehicles().OnInserted(inserted.Add);

        for (var i = 1; i <= 3; i++)
        {
            await fixture.Server.Api.InsertAsync(project, "vehicles", new { id = i, registration_number = $"R{i}", status = "available", fuel_type = "diesel" });
        }

        Assert.Equal(new[] { "R1", "R2", "R3" }, new[] { (await inserted.Next()).RegistrationNumber, (await inserted.Next()).RegistrationNumber, (await inserted.Next()).RegistrationNumber });
        var drift = Assert.Single(app.Drifts);
        Assert.Equal((SchemaDriftSource.Row, DatabaseChangeType.AddColumn, project), (drift.Source, drift.ChangeType, drift.ProjectId));
        Assert.Equal(new[] { "fuel_type" }, drift.Columns);
        Assert.Empty(app.Errors);
        await app.AssertDegradedAsync("table 'vehicles': rows carry columns the model does not know (fuel_type)");
    }

    [Fact]
    public async Task InsertsLackingARequiredColumnFailOneByOneWithOneReportAndDegradedHealth()
    {
        var project = "rowdrift" + Guid.NewGuid().ToString("N")[..6];
        await fixture.Server.Api.CreateTableAsync(project, "vehicles", Columns.Where(static c => c.Name != "status"));
        await using var app = await App.StartAsync(fixture.Server, project);
        using var subscription = app.Client.Vehicles().OnInserted(_ => throw new InvalidOperationException("no row decodes"));

        for (var i = 1; i <= 3; i++)
        {
            await fixture.Server.Api.InsertAsync(project, "vehicles", new { id = i, registration_number = $"R{i}" });
        }

        await Harness.Until(() => app.Errors.Count == 3, "each insert is reported");
        Assert.All(app.Errors, static e => Assert.Equal((RealtimeErrorKind.DecodeFailed, "status"), (e.Kind, ((SkaftinDecodeException)e.Exception!).ColumnName)));
        var drift = Assert.Single(app.Drifts);
        Assert.Equal((SchemaDriftSource.Row, DatabaseChangeType.DropColumn), (drift.Source, drift.ChangeType));
        Assert.Equal(new[] { "status" }, drift.Columns);
        Assert.Equal(new[] { "Status" }, drift.AffectedMembers);
        await app.AssertDegradedAsync("table 'vehicles': rows lack a column the model requires (status)");
    }

    /// <summary>A hosted client with the health check, joined to one project, recording drift reports and errors.</summary>
    private sealed class App : IAsyncDisposable
    {
        private readonly IHost _host;
        private readonly IDisposable[] _subscriptions;

        private App(IHost host)
        {
            _host = host;
            Client = host.Services.GetRequiredService<SkaftinRealtimeClient>();
            _subscriptions = new[] { Client.OnSchemaDrift(Drifts.Enqueue), Client.OnError(Errors.Enqueue) };
        }

        public SkaftinRealtimeClient Client { get; }

        public ConcurrentQueue<SchemaDrift> Drifts { get; } = new();

        public ConcurrentQueue<RealtimeError> Errors { get; } = new();

        public static async Task<App> StartAsync(SkaftinDevServer server, string project)
        {
            var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Skaftin:ApiUrl"] = server.Url.ToString(),
                ["Skaftin:ApiKey"] = server.DefaultApiKey,
                ["Skaftin:Projects:0"] = project,
            });
            builder.Services.AddSkaftinRealtime(builder.Configuration).AddTable(static client => client.Vehicles());
            builder.Services.AddHealthChecks().AddSkaftinRealtime();
            var app = new App(builder.Build());
            await app._host.StartAsync();
            await Harness.UntilAsync(async () => app.Client.SocketId is { } id && (await server.Api.GetRoomMembersAsync(project)).Contains(id), "the client connects and joins");
            var health = await app._host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
            Assert.Equal(HealthStatus.Healthy, health.Status);
            return app;
        }

        public async Task AssertDegradedAsync(string reason)
        {
            var entry = (await _host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync()).Entries["skaftin-realtime"];
            Assert.Equal(HealthStatus.Degraded, entry.Status);
            Assert.Contains(reason, entry.Description);
            Assert.Equal(new[] { reason }, (string[])entry.Data["schemaDrift"]);
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var subscription in _subscriptions)
            {
                subscription.Dispose();
            }

            await _host.StopAsync();
            _host.Dispose();
        }
    }
}
