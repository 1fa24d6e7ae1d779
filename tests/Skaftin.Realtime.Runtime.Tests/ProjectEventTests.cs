using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace Skaftin.Realtime.Runtime.Tests;

/// <summary>
/// Project events the app declared with <c>[SkaftinProjectEvent]</c> arrive typed through the generated accessors;
/// undeclared types stay raw; data that does not fit is a typed decode error, never silence.
/// </summary>
public sealed class ProjectEventTests
{
    private readonly SkaftinEventRouter _router = new();
    private readonly List<RealtimeError> _errors = new();
    private readonly List<ProjectEvent> _raw = new();

    public ProjectEventTests()
    {
        _router.OnError(_errors.Add);
        _router.OnProjectEvent(_raw.Add);
    }

    [Fact]
    public void ADeclaredEventArrivesTypedAndRaw()
    {
        var typed = new List<ProjectEvent<VehicleDispatched>>();
        using var subscription = _router.OnVehicleDispatched(typed.Add);

        Dispatch("""{"type":"vehicle-dispatched","projectId":"p1","data":{"vehicle_id":7,"status":"in_service","dest":"Airport"},"timestamp":"2026-12-01T10:00:00Z"}""");

        var received = Assert.Single(typed);
        Assert.Equal(("vehicle-dispatched", "p1", new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero)), (received.Type, received.ProjectId, received.Timestamp));
        Assert.Equal(new VehicleDispatched(7, VehicleStatus.InService) { Destination = "Airport" }, received.Data);
        Assert.Equal("none", received.Data.Note); // the parameter's default when the field is absent
        Assert.Equal("vehicle-dispatched", Assert.Single(_raw).Type);
        Assert.Empty(_errors);
    }

    [Fact]
    public void AnUndeclaredTypeStaysRawAndIsNoError()
    {
        var typed = new List<ProjectEvent<VehicleDispatched>>();
        using var subscription = _router.OnVehicleDispatched(typed.Add);

        Dispatch("""{"type":"deploy-finished","projectId":"p1","data":{"version":3},"timestamp":"2026-12-01T10:00:00Z"}""");

        Assert.Empty(typed);
        Assert.Equal("""{"version":3}""", Assert.Single(_raw).DataJson);
        Assert.Empty(_errors);
    }

    [Theory]
    [InlineData("""{"vehicle_id":"seven","status":"available","dest":"x"}""", DecodeErrorKind.WrongType, "vehicle_id")]
    [InlineData("""{"status":"available","dest":"x"}""", DecodeErrorKind.MissingColumn, "vehicle_id")]
    [InlineData("""{"vehicle_id":1,"status":"parked","dest":"x"}""", DecodeErrorKind.OutOfRange, "status")]
    [InlineData("null", DecodeErrorKind.NotAnObject, null)]
    [InlineData("[1]", DecodeErrorKind.NotAnObject, null)]
    public void DataThatDoesNotFitIsATypedErrorAndTheEventStillArrivesRaw(string data, DecodeErrorKind kind, string? column)
    {
        var typed = new List<ProjectEvent<VehicleDispatched>>();
        using var subscription = _router.OnVehicleDispatched(typed.Add);

        Dispatch($$"""{"type":"vehicle-dispatched","projectId":"p1","data":{{data}},"timestamp":"2026-12-01T10:00:00Z"}""");

        Assert.Empty(typed);
        var error = Assert.Single(_errors);
        Assert.Equal((RealtimeErrorKind.DecodeFailed, EventNames.ProjectEvent, "vehicle-dispatched"), (error.Kind, error.EventName, error.EventType));
        var decode = Assert.IsType<SkaftinDecodeException>(error.Exception);
        Assert.Equal((kind, column), (decode.Kind, decode.ColumnName));
        Assert.Contains("project event 'vehicle-dispatched'", decode.Message, StringComparison.Ordinal);
        Assert.Single(_raw);
    }

    [Fact]
    public void AThrowingHandlerIsReportedAndTheOthersStillRun()
    {
        var seen = new List<string>();
        using var a = _router.OnVehicleDispatched(_ => throw new InvalidOperationException("boom"));
        using var b = _router.VehicleDispatchedEvents().On(e => seen.Add(e.Data.Destination));

        Dispatch("""{"type":"vehicle-dispatched","projectId":"p1","data":{"vehicle_id":1,"status":0,"dest":"Depot"}}""");

        Assert.Equal(new[] { "Depot" }, seen);
        var error = Assert.Single(_errors);
        Assert.Equal((RealtimeErrorKind.HandlerFailed, "vehicle-dispatched"), (error.Kind, error.EventType));
    }

    [Fact]
    public void AFreeTextTypeIsMatchedExactlyAndOneSourceIsSharedPerRouter()
    {
        var typed = new List<string>();
        using var subscription = _router.OnOrderCreated(e => typed.Add(e.Data.Number));
        Assert.Same(_router.OrderCreatedEvents(), _router.OrderCreatedEvents());
        Assert.Equal("order:created", OrderCreatedEvents.Type);

        Dispatch("""{"type":"order:created","projectId":"p1","data":{"number":"A-1"}}""");
        Dispatch("""{"type":"order-created","projectId":"p1","data":{"number":"A-2"}}""");

        Assert.Equal(new[] { "A-1" }, typed);
        Assert.Equal(2, _raw.Count);
    }

    [Fact]
    public async Task TheStreamDeliversEventsInOrder()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var stream = _router.VehicleDispatchedEvents().Events(cts.Token).GetAsyncEnumerator(cts.Token);
        var first = stream.MoveNextAsync(); // subscribes
        for (var i = 1; i <= 3; i++)
        {
            Dispatch("""{"type":"vehicle-dispatched","projectId":"p1","data":{"vehicle_id":""" + i + ""","status":"available","dest":"d"}}""");
        }

        Assert.True(await first);
        var ids = new List<long> { stream.Current.Data.VehicleId };
        while (ids.Count < 3 && await stream.MoveNextAsync())
        {
            ids.Add(stream.Current.Data.VehicleId);
        }

        Assert.Equal(new long[] { 1, 2, 3 }, ids);
        await stream.DisposeAsync();
    }

    [Fact]
    public void WithoutASubscriberTheDataIsNotDecoded()
    {
        _ = _router.VehicleDispatchedEvents();

        Dispatch("""{"type":"vehicle-dispatched","projectId":"p1","data":{"vehicle_id":"not a number"}}""");

        Assert.Empty(_errors); // nobody asked for the typed form: nothing to fail
        Assert.Single(_raw);
    }

    [Fact]
    public void AMalformedEnvelopeIsADecodeError()
    {
        Dispatch("""{"projectId":"p1","data":{}}""");

        Assert.Empty(_raw);
        var error = Assert.Single(_errors);
        Assert.Equal((RealtimeErrorKind.DecodeFailed, DecodeErrorKind.InvalidEnvelope), (error.Kind, Assert.IsType<SkaftinDecodeException>(error.Exception).Kind));
    }

    private void Dispatch(string json) => _router.DispatchProjectEvent(Encoding.UTF8.GetBytes(json));
}
