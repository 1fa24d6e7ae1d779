using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Xunit;

namespace Skaftin.Realtime.Runtime.Tests;

/// <summary>
/// Issue 22: rows of a declared table whose columns no longer match the model, with no schema event before them, are
/// reported as schema drift once per table and kind; schema-event reports name the members the change touches.
/// </summary>
public sealed class RowDriftTests
{
    private const string Row = "\"id\":{0},\"registration_number\":\"A{0}\",\"status\":\"available\",\"created_at\":\"2026-11-26T08:30:00Z\"";

    private static string Insert(int id, string extra = "", string? row = null) =>
        $$"""{"type":"insert","projectId":"p1","tableName":"vehicles","data":{{{row ?? string.Format(Row, id)}}{{extra}}},"timestamp":"2026-11-26T08:30:00Z"}""";

    private static void Dispatch(SkaftinEventRouter router, string json) => router.DispatchDatabaseChange(Encoding.UTF8.GetBytes(json));

    [Fact]
    public void TheGeneratedReaderMapsEachColumnToItsMember()
    {
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["id"] = "Id", ["registration_number"] = "RegistrationNumber", ["status"] = "Status", ["capacity"] = "Capacity", ["created_at"] = "CreatedAt",
            },
            VehicleRowReader.Instance.ColumnMembers.ToDictionary(static p => p.Key, static p => p.Value));
        Assert.False(VehicleRowReader.Instance.ColumnMembers is IDictionary<string, string> { IsReadOnly: false });
    }

    [Fact]
    public void RowsThatMatchTheModelAreNoDrift()
    {
        var router = new SkaftinEventRouter();
        var inserted = new List<Vehicle>();
        using var a = router.Vehicles().OnInserted(inserted.Add);

        Dispatch(router, Insert(1));
        Dispatch(router, Insert(2, ",\"capacity\":4"));

        Assert.Equal(2, inserted.Count);
        Assert.Empty(router.SchemaDrifts);
    }

    [Fact]
    public void RowsWithColumnsTheModelDoesNotKnowAreDeliveredAndReportedOnce()
    {
        var router = new SkaftinEventRouter();
        var inserted = new List<Vehicle>();
        var changes = new List<RowChange<Vehicle, int>>();
        var drifts = new List<SchemaDrift>();
        var errors = new List<RealtimeError>();
        using var a = router.Vehicles().OnInserted(inserted.Add);
        using var b = router.Vehicles().OnChanged(changes.Add);
        using var c = router.OnSchemaDrift(drifts.Add);
        using var d = router.OnError(errors.Add);

        Dispatch(router, Insert(1, ",\"colour\":\"red\",\"seats\":{\"front\":2}"));
        Dispatch(router, Insert(2, ",\"colour\":\"blue\""));
        Dispatch(router, """{"type":"update","projectId":"p1","tableName":"vehicles","data":{"id":1,"colour":"green","wheels":4},"timestamp":"2026-11-26T08:31:00Z"}""");
        Dispatch(router, """{"type":"delete","projectId":"p1","tableName":"vehicles","data":{"id":2,"wheels":4},"timestamp":"2026-11-26T08:32:00Z"}""");

        Assert.Equal(new[] { "A1", "A2" }, inserted.Select(static v => v.RegistrationNumber));
        Assert.Equal(4, changes.Count);
        Assert.Empty(errors);
        var drift = Assert.Single(drifts);
        Assert.Equal((SchemaDriftSource.Row, DatabaseChangeType.AddColumn, "p1", "vehicles"), (drift.Source, drift.ChangeType, drift.ProjectId, drift.TableName));
        Assert.Equal(new[] { "colour", "seats" }, drift.Columns);
        Assert.Empty(drift.AffectedMembers!);
        Assert.Contains("ignored", drift.Action);
        Assert.Equal("table 'vehicles': rows carry columns the model does not know (colour, seats)", drift.Describe());
        Assert.Same(drift, router.SchemaDrifts["vehicles"]);
    }

    [Fact]
    public void AnUpdateOrDeleteWithAnUnknownColumnIsReportedToo()
    {
        var router = new SkaftinEventRouter();
        var drifts = new List<SchemaDrift>();
        using var a = router.Vehicles().OnChanged(_ => { });
        using var b = router.OnSchemaDrift(drifts.Add);

        Dispatch(router, """{"type":"delete","projectId":"p1","tableName":"vehicles","data":{"id":2,"wheels":4},"timestamp":"2026-11-26T08:32:00Z"}""");

        Assert.Equal(new[] { "wheels" }, Assert.Single(drifts).Columns);
    }

    [Fact]
    public void AnInsertLackingARequiredColumnIsReportedOnceAndEveryRowStillFails()
    {
        var router = new SkaftinEventRouter();
        var inserted = new List<Vehicle>();
        var drifts = new List<SchemaDrift>();
        var errors = new List<RealtimeError>();
        using var a = router.Vehicles().OnInserted(inserted.Add);
        using var c = router.OnSchemaDrift(drifts.Add);
        using var d = router.OnError(errors.Add);

        for (var i = 1; i <= 3; i++)
        {
            Dispatch(router, Insert(i, row: $"\"id\":{i},\"registration_number\":\"A{i}\",\"created_at\":\"2026-11-26T08:30:00Z\""));
        }

        Assert.Empty(inserted);
        Assert.Equal(3, errors.Count);
        Assert.All(errors, static e => Assert.Equal((RealtimeErrorKind.DecodeFailed, DecodeErrorKind.MissingColumn, "status"), (e.Kind, ((SkaftinDecodeException)e.Exception!).Kind, ((SkaftinDecodeException)e.Exception!).ColumnName)));
        var drift = Assert.Single(drifts);
        Assert.Equal((SchemaDriftSource.Row, DatabaseChangeType.DropColumn), (drift.Source, drift.ChangeType));
        Assert.Equal(new[] { "status" }, drift.Columns);
        Assert.Equal(new[] { "Status" }, drift.AffectedMembers);
        Assert.Contains("DecodeFailed", drift.Action);
        Assert.Equal("table 'vehicles': rows lack a column the model requires (status)", drift.Describe());
    }

    [Fact]
    public void ARenamedColumnGivesBothReportsAndTheMissingColumnIsTheLatest()
    {
        var router = new SkaftinEventRouter();
        var drifts = new List<SchemaDrift>();
        using var a = router.Vehicles().OnInserted(_ => { });
        using var b = router.OnSchemaDrift(drifts.Add);

        Dispatch(router, Insert(1, row: "\"id\":1,\"plate\":\"A1\",\"status\":\"available\",\"created_at\":\"2026-11-26T08:30:00Z\""));
        Dispatch(router, Insert(2, row: "\"id\":2,\"plate\":\"A2\",\"status\":\"available\",\"created_at\":\"2026-11-26T08:30:00Z\""));

        Assert.Equal(new[] { (DatabaseChangeType.AddColumn, "plate"), (DatabaseChangeType.DropColumn, "registration_number") }, drifts.Select(static d => (d.ChangeType, Assert.Single(d.Columns))));
        Assert.Equal(new[] { "RegistrationNumber" }, router.SchemaDrifts["vehicles"].AffectedMembers);
    }

    [Fact]
    public void RowsAfterASchemaEventOfTheSameKindAreNotReportedAgain()
    {
        var router = new SkaftinEventRouter();
        var drifts = new List<SchemaDrift>();
        using var a = router.Vehicles().OnInserted(_ => { });
        using var b = router.OnSchemaDrift(drifts.Add);

        Dispatch(router, """{"type":"add_column","projectId":"p1","tableName":"vehicles","data":{"column":{"name":"colour","type":"text"}},"timestamp":"2026-11-26T08:35:00Z"}""");
        Dispatch(router, Insert(1, ",\"colour\":\"red\""));

        Assert.Equal(SchemaDriftSource.SchemaEvent, Assert.Single(drifts).Source);
    }

    [Fact]
    public void RowsNobodyDecodesAreNotChecked()
    {
        var router = new SkaftinEventRouter();
        _ = router.Vehicles();

        Dispatch(router, Insert(1, ",\"colour\":\"red\""));

        Assert.Empty(router.SchemaDrifts);
    }

    [Theory]
    [InlineData("""{"type":"alter_column","projectId":"p1","tableName":"vehicles","data":{"column":{"name":"capacity","type":"bigint"}},"oldData":{"column":{"name":"capacity","type":"integer"}},"timestamp":"2026-11-26T08:37:00Z"}""", "Capacity")]
    [InlineData("""{"type":"alter_column","projectId":"p1","tableName":"vehicles","data":{"column":{"name":"seats","type":"integer"}},"oldData":{"column":{"name":"capacity","type":"integer"}},"timestamp":"2026-11-26T08:37:00Z"}""", "Capacity")]
    [InlineData("""{"type":"drop_column","projectId":"p1","tableName":"vehicles","data":{"column":{"name":"status"}},"timestamp":"2026-11-26T08:37:00Z"}""", "Status")]
    [InlineData("""{"type":"add_column","projectId":"p1","tableName":"vehicles","data":{"column":{"name":"colour","type":"text"}},"timestamp":"2026-11-26T08:37:00Z"}""", "")]
    [InlineData("""{"type":"drop_table","projectId":"p1","tableName":"vehicles","data":{"table":"vehicles"},"timestamp":"2026-11-26T08:37:00Z"}""", "Id,RegistrationNumber,Status,Capacity,CreatedAt")]
    [InlineData("""{"type":"rename_table","projectId":"p1","tableName":"vehicles","data":{"newName":"fleet"},"timestamp":"2026-11-26T08:37:00Z"}""", "Id,RegistrationNumber,Status,Capacity,CreatedAt")]
    public void ASchemaEventNamesTheMembersItAffects(string json, string members)
    {
        var router = new SkaftinEventRouter();
        _ = router.Vehicles();
        var drifts = new List<SchemaDrift>();
        using var a = router.OnSchemaDrift(drifts.Add);

        Dispatch(router, json);

        var drift = Assert.Single(drifts);
        Assert.Equal(SchemaDriftSource.SchemaEvent, drift.Source);
        Assert.Equal(members, string.Join(",", drift.AffectedMembers!));
    }
}
