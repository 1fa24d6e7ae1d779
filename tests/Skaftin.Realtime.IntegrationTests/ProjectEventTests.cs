using System;
using System.Collections.Concurrent;
using System.Threading.Tasks;
using Skaftin.Realtime.DevServer;
using Xunit;

namespace Skaftin.Realtime.IntegrationTests;

/// <summary>The data of the dev server's <c>vehicle-dispatched</c> project events, as the app declares it.</summary>
[SkaftinProjectEvent("vehicle-dispatched")]
public sealed record VehicleDispatched(long VehicleId, VehicleStatus Status, string Destination);

/// <summary>
/// Project events published through the real dev server reach <c>client.On{Type}(…)</c> typed, undeclared types
/// stay raw, and data that does not fit the declared type is a typed error: against both dev-server contracts.
/// </summary>
[Collection("dev server")]
public sealed class ProjectEventTests(DevServerFixture fixture)
{
    [Theory]
    [InlineData(DevServerContract.Dev)]
    [InlineData(DevServerContract.Seed)]
    public async Task DeclaredProjectEventsArriveTypedAndTheRestRaw(DevServerContract contract)
    {
        var server = fixture.For(contract);
        await using var session = await Harness.SessionAsync(server);
        var (client, project) = (session.Client, session.Project);
        var typed = new BlockingCollection<ProjectEvent<VehicleDispatched>>();
        var raw = new BlockingCollection<ProjectEvent>();
        var errors = new BlockingCollection<RealtimeError>();
        using var a = client.OnVehicleDispatched(typed.Add);
        using var b = client.OnProjectEvent(raw.Add);
        using var c = client.OnError(errors.Add);

        await server.Api.PublishProjectEventAsync(project, "vehicle-dispatched", new { vehicle_id = 7, status = "in_service", destination = "Airport" });
        var dispatched = await typed.Next();
        Assert.Equal(("vehicle-dispatched", project), (dispatched.Type, dispatched.ProjectId));
        Assert.Equal(new VehicleDispatched(7, VehicleStatus.InService, "Airport"), dispatched.Data);
        Assert.Equal("vehicle-dispatched", (await raw.Next()).Type);

        await server.Api.PublishProjectEventAsync(project, "shift-ended", new { driver = 3 });
        var undeclared = await raw.Next();
        Assert.Equal(("shift-ended", """{"driver":3}"""), (undeclared.Type, undeclared.DataJson));

        await server.Api.PublishProjectEventAsync(project, "vehicle-dispatched", new { vehicle_id = "seven", status = "available", destination = "Depot" });
        var error = await errors.Next();
        Assert.Equal((RealtimeErrorKind.DecodeFailed, EventNames.ProjectEvent, "vehicle-dispatched"), (error.Kind, error.EventName, error.EventType));
        Assert.Equal(("vehicle_id", DecodeErrorKind.WrongType), (Assert.IsType<SkaftinDecodeException>(error.Exception).ColumnName, ((SkaftinDecodeException)error.Exception!).Kind));
        Assert.Equal("vehicle-dispatched", (await raw.Next()).Type); // the undecodable event still arrives raw
        Assert.Empty(typed);
        Assert.Empty(errors);
    }
}
