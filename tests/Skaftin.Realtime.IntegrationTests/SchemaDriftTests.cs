using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Xunit;

namespace Skaftin.Realtime.IntegrationTests;

/// <summary>Issue 22, item 4, end to end: a declared table altered over the dev server's HTTP API while a hosted client listens.</summary>
[Collection("dev server")]
public sealed class SchemaDriftTests(DevServerFixture fixture)
{
    [Fact]
    public async Task AlteringADeclaredTableGivesOneDriftReportAndDegradesHealth()
    {
        var server = fixture.Server;
        var project = "drift" + Guid.NewGuid().ToString("N")[..6];
        await Harness.CreateVehiclesAsync(server, project);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Skaftin:ApiUrl"] = server.Url.ToString(),
            ["Skaftin:ApiKey"] = server.DefaultApiKey,
            ["Skaftin:Projects:0"] = project,
        });
        builder.Services.AddSkaftinRealtime(builder.Configuration).AddTable(static client => client.Vehicles());
        builder.Services.AddHealthChecks().AddSkaftinRealtime();
        using var host = builder.Build();
        var client = host.Services.GetRequiredService<SkaftinRealtimeClient>();
        var health = host.Services.GetRequiredService<HealthCheckService>();
        var drifts = new ConcurrentQueue<SchemaDrift>();
        var schema = new BlockingCollection<SchemaChange>();
        using var a = client.OnSchemaDrift(drifts.Enqueue);
        using var b = host.Services.GetRequiredService<VehiclesRealtime>().OnSchemaChanged(schema.Add);

        await host.StartAsync();
        await Harness.UntilAsync(async () => client.SocketId is { } id && (await server.Api.GetRoomMembersAsync(project)).Contains(id), "the client connects and joins");
        Assert.Equal(HealthStatus.Healthy, (await health.CheckHealthAsync()).Status);

        // Two alterations of the same table: two schema events, one report.
        await server.Api.AlterColumnAsync(project, "vehicles", "capacity", type: "bigint");
        await server.Api.AlterColumnAsync(project, "vehicles", "capacity", type: "text");
        Assert.Equal(DatabaseChangeType.AlterColumn, (await schema.Next()).Type);
        Assert.Equal(DatabaseChangeType.AlterColumn, (await schema.Next()).Type);

        var drift = Assert.Single(drifts);
        Assert.Equal((project, "vehicles", DatabaseChangeType.AlterColumn), (drift.ProjectId, drift.TableName, drift.ChangeType));
        Assert.Equal(new[] { "capacity" }, drift.Columns);
        Assert.Same(drift, client.SchemaDrifts["vehicles"]);

        var entry = (await health.CheckHealthAsync()).Entries["skaftin-realtime"];
        Assert.Equal(HealthStatus.Degraded, entry.Status);
        Assert.Contains("table 'vehicles': alter_column (capacity)", entry.Description);
        Assert.Equal(new[] { "table 'vehicles': alter_column (capacity)" }, (string[])entry.Data["schemaDrift"]);
        await host.StopAsync();
    }
}
