using System;
using System.Collections.Generic;
using System.Text;
using Xunit;

namespace Skaftin.Realtime.Runtime.Tests;

/// <summary>
/// Issue 20, case 5: an update that no typed handler received is reported, never silent. A patch (some columns, no
/// whole previous row) goes to OnPatched/OnChanged; a table whose app subscribed only OnUpdated reports one
/// <see cref="RealtimeErrorKind.UnhandledPatch"/>. A row event without a table name is reported as
/// <see cref="RealtimeErrorKind.MissingTableName"/> (and still reaches the untyped handlers).
/// </summary>
public sealed class UndeliveredUpdateTests
{
    private readonly SkaftinEventRouter _router = new();
    private readonly List<RealtimeError> _errors = new();

    public UndeliveredUpdateTests() => _router.OnError(_errors.Add);

    [Theory]
    [InlineData(null)]
    [InlineData("""{"id":7,"registration_number":"CA 1"}""")]
    public void APatchOnlyOnUpdatedWouldMissIsReportedOncePerTable(string? oldData)
    {
        var updated = 0;
        using var subscription = _router.Vehicles().OnUpdated((_, _) => updated++);

        Update("vehicles", """{"id":7,"capacity":7}""", oldData);
        Update("vehicles", """{"id":8,"capacity":8}""", oldData);

        Assert.Equal(0, updated);
        var error = Assert.Single(_errors);
        Assert.Equal((RealtimeErrorKind.UnhandledPatch, "vehicles", "update"), (error.Kind, error.TableName, error.EventType));
        Assert.Contains("\"id\":7", error.RawText);
        Assert.Contains("subscribe OnPatched or OnChanged", error.ToString());
    }

    [Fact]
    public void APatchSomeHandlerTakesIsNotReported()
    {
        var patched = new List<RowPatched<Vehicle, int>>();
        using var a = _router.Vehicles().OnUpdated((_, _) => { });
        using var b = _router.Vehicles().OnPatched(patched.Add);

        Update("vehicles", """{"id":7,"capacity":7}""", null);

        Assert.Equal(7, Assert.Single(patched).Key);
        Assert.Empty(_errors);
    }

    [Fact]
    public void AWholeRowUpdateIsNotReported()
    {
        var updated = 0;
        using var subscription = _router.Vehicles().OnUpdated((_, _) => updated++);

        Update("vehicles", """{"id":1,"registration_number":"CA 1","status":"Available","capacity":4,"created_at":"2026-11-26T08:00:00Z"}""", null);

        Assert.Equal(1, updated);
        Assert.Empty(_errors);
    }

    [Theory]
    [InlineData("insert")]
    [InlineData("update")]
    [InlineData("delete")]
    public void ARowEventWithoutATableNameIsReportedAndStillDeliveredUntyped(string type)
    {
        var undeclared = new List<DatabaseChange>();
        using var a = _router.Vehicles().OnInserted(_ => { });
        using var b = _router.OnUndeclaredChange(undeclared.Add);
        var json = $$"""{"type":"{{type}}","projectId":"p1","data":{"id":1},"timestamp":"2026-12-01T00:00:00Z"}""";

        _router.DispatchDatabaseChange(Encoding.UTF8.GetBytes(json));

        var error = Assert.Single(_errors);
        Assert.Equal((RealtimeErrorKind.MissingTableName, (string?)null, type, json), (error.Kind, error.TableName, error.EventType, error.RawText));
        Assert.Null(Assert.Single(undeclared).TableName);
        Assert.DoesNotContain("?", error.ToString());
    }

    [Fact]
    public void AConnectionErrorSaysOnlyWhatIsKnown()
    {
        var error = new RealtimeError(RealtimeErrorKind.ConnectionFailed, "connect", null, null, "", new InvalidOperationException("refused"));

        Assert.Equal("ConnectionFailed for connect: refused", error.ToString());
        Assert.Equal(
            "DecodeFailed for database-change update on table vehicles: bad",
            new RealtimeError(RealtimeErrorKind.DecodeFailed, "database-change", "vehicles", "update", "", new InvalidOperationException("bad")).ToString());
    }

    private void Update(string table, string data, string? oldData) =>
        _router.DispatchDatabaseChange(Encoding.UTF8.GetBytes(
            $$"""{"type":"update","projectId":"p1","tableName":"{{table}}","data":{{data}}{{(oldData is null ? "" : ",\"oldData\":" + oldData)}},"timestamp":"2026-11-26T09:00:00Z"}"""));
}
