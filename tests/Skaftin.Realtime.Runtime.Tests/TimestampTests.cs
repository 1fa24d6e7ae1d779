using System;
using System.Collections.Generic;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Skaftin.Realtime.Runtime.Tests;

/// <summary>
/// The server's <c>timestamp</c> is data a backend may omit: an event without one reaches every handler with a null
/// timestamp (never a made-up instant), and one that is present but not a timestamp is a typed decode error.
/// </summary>
public sealed class TimestampTests
{
    private const string Row = """{"id":1,"registration_number":"CA 1","status":"available","created_at":"2026-11-26T08:30:00Z"}""";

    private readonly SkaftinEventRouter _router;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 7, 0, 0, TimeSpan.Zero));
    private readonly List<RealtimeError> _errors = new();

    public TimestampTests()
    {
        _router = new SkaftinEventRouter(timeProvider: _clock);
        _router.OnError(_errors.Add);
    }

    [Theory]
    [InlineData("")]
    [InlineData(""","timestamp":null""")]
    public void ARowChangeWithoutTimestampReachesTheTypedAndProjectWideHandlersWithNull(string timestamp)
    {
        var changes = new List<RowChange<Vehicle, int>>();
        var all = new List<IDatabaseEvent>();
        using var typed = _router.Vehicles().OnChanged(changes.Add);
        using var any = _router.OnAnyChange(all.Add);

        Dispatch($$"""{"type":"insert","projectId":"p1","tableName":"vehicles","data":{{Row}}{{timestamp}}}""");

        Assert.Null(Assert.Single(changes).Timestamp);
        Assert.Null(Assert.Single(all).Timestamp);
        Assert.Empty(_errors);
    }

    [Fact]
    public void UntimedCronSchemaAndImportEventsCarryNullAndTheResyncSignalCarriesTheClientsTime()
    {
        _ = _router.Vehicles();
        var all = new List<IDatabaseEvent>();
        var resyncs = new List<ResyncRequired>();
        using var any = _router.OnAnyChange(all.Add);
        using var resync = _router.OnResyncRequired(resyncs.Add);

        Dispatch("""{"type":"toggle_cron_job","projectId":"p1","tableName":null,"data":{"id":1,"name":"nightly","schedule":"0 3 * * *","enabled":false,"command":"vacuum","createdAt":"2026-12-01T04:17:54.141Z","updatedAt":"2026-12-01T04:17:54.237Z"}}""");
        Dispatch("""{"type":"add_column","projectId":"p1","tableName":"vehicles","data":{"column":{"name":"colour","type":"text"}}}""");
        Dispatch("""{"type":"import_dump","projectId":"p1","tableName":null,"data":{"droppedTables":[],"tables":["vehicles"],"rows":2}}""");

        Assert.Collection(
            all,
            c => Assert.Null(Assert.IsType<CronJobChange>(c).Timestamp),
            c => Assert.Null(Assert.IsType<SchemaChange>(c).Timestamp),
            c => Assert.Null(Assert.IsType<DatabaseImported>(c).Timestamp));
        Assert.Equal(
            [(ResyncReason.SchemaChanged, _clock.GetUtcNow()), (ResyncReason.DatabaseImported, _clock.GetUtcNow())],
            resyncs.ConvertAll(static r => (r.Reason, r.Timestamp)));
        Assert.Empty(_errors);
    }

    [Theory]
    [InlineData("\"yesterday\"")]
    [InlineData("\"2026-13-01T00:00:00Z\"")]
    [InlineData("true")]
    [InlineData("{}")]
    public void AMalformedTimestampOnADatabaseChangeIsATypedDecodeError(string timestamp)
    {
        var changes = new List<RowChange<Vehicle, int>>();
        using var typed = _router.Vehicles().OnChanged(changes.Add);

        Dispatch($$"""{"type":"insert","projectId":"p1","tableName":"vehicles","data":{{Row}},"timestamp":{{timestamp}}}""");

        Assert.Empty(changes);
        var error = Assert.Single(_errors);
        Assert.Equal(RealtimeErrorKind.DecodeFailed, error.Kind);
        Assert.Equal("timestamp", Assert.IsType<SkaftinDecodeException>(error.Exception).ColumnName);
    }

    [Fact]
    public void AProjectEventWithoutTimestampArrivesWithNull()
    {
        var raw = new List<ProjectEvent>();
        var typed = new List<ProjectEvent<VehicleDispatched>>();
        using var rawSubscription = _router.OnProjectEvent(raw.Add);
        using var typedSubscription = _router.OnVehicleDispatched(typed.Add);

        DispatchProjectEvent("""{"type":"vehicle-dispatched","projectId":"p1","data":{"vehicle_id":7,"status":"in_service","dest":"Airport"}}""");

        Assert.Null(Assert.Single(raw).Timestamp);
        Assert.Null(Assert.Single(typed).Timestamp);
        Assert.Empty(_errors);
    }

    [Theory]
    [InlineData("\"yesterday\"")]
    [InlineData("42.5")]
    [InlineData("[]")]
    public void AMalformedTimestampOnAProjectEventIsATypedDecodeError(string timestamp)
    {
        var raw = new List<ProjectEvent>();
        using var subscription = _router.OnProjectEvent(raw.Add);

        DispatchProjectEvent($$"""{"type":"deploy-finished","projectId":"p1","data":{"version":3},"timestamp":{{timestamp}}}""");

        Assert.Empty(raw);
        var error = Assert.Single(_errors);
        Assert.Equal(RealtimeErrorKind.DecodeFailed, error.Kind);
        Assert.Equal("timestamp", Assert.IsType<SkaftinDecodeException>(error.Exception).ColumnName);
    }

    private void Dispatch(string json) => _router.DispatchDatabaseChange(Encoding.UTF8.GetBytes(json));

    private void DispatchProjectEvent(string json) => _router.DispatchProjectEvent(Encoding.UTF8.GetBytes(json));
}
