using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading.Tasks;
using Skaftin.Realtime.DevServer;
using Xunit;

namespace Skaftin.Realtime.IntegrationTests;

/// <summary>
/// Bad payloads sent through the real server: each gives a typed error saying what was wrong, the connection stays
/// up, the next valid event is delivered, and nothing large is retained.
/// </summary>
[Collection("dev server")]
public sealed class HostileInputTests(DevServerFixture fixture)
{
    private static readonly string Timestamp = "2026-11-26T08:30:00Z";

    public static TheoryData<string, RealtimeErrorKind, string> Cases() => new()
    {
        { "data-null", RealtimeErrorKind.DecodeFailed, "has no data" },
        { "data-string", RealtimeErrorKind.DecodeFailed, "expected a JSON object" },
        { "data-array", RealtimeErrorKind.DecodeFailed, "expected a JSON object" },
        { "missing-type", RealtimeErrorKind.DecodeFailed, "no 'type'" },
        { "missing-project", RealtimeErrorKind.DecodeFailed, "no 'projectId'" },
        { "missing-table", RealtimeErrorKind.MissingTableName, "" }, // reported first (issue 20, case 5); the throwing untyped handler then adds HandlerFailed
        { "unknown-type", RealtimeErrorKind.UnknownEventType, "" },
        { "wrong-column-type", RealtimeErrorKind.DecodeFailed, "column 'capacity'" },
        { "out-of-range", RealtimeErrorKind.DecodeFailed, "from -2147483648 to 2147483647" },
        { "non-iso-timestamp", RealtimeErrorKind.DecodeFailed, "column 'created_at'" },
        { "event-not-an-object", RealtimeErrorKind.DecodeFailed, "expected the event to be a JSON object" },
        { "no-arguments", RealtimeErrorKind.DecodeFailed, "carries no payload" },
        { "five-megabyte-row", RealtimeErrorKind.DecodeFailed, "column 'capacity'" },
    };

    private static object?[] Arguments(string name, string project) => name switch
    {
        "data-null" => new object?[] { new { type = "insert", projectId = project, tableName = "vehicles", data = (object?)null, timestamp = Timestamp } },
        "data-string" => new object?[] { new { type = "insert", projectId = project, tableName = "vehicles", data = "a row", timestamp = Timestamp } },
        "data-array" => new object?[] { new { type = "insert", projectId = project, tableName = "vehicles", data = new[] { 1, 2 }, timestamp = Timestamp } },
        "missing-type" => new object?[] { new { projectId = project, tableName = "vehicles", data = new { id = 1 }, timestamp = Timestamp } },
        "missing-project" => new object?[] { new { type = "insert", tableName = "vehicles", data = new { id = 1 }, timestamp = Timestamp } },
        "missing-table" => new object?[] { new { type = "insert", projectId = project, data = new { id = 1 }, timestamp = Timestamp } },
        "unknown-type" => new object?[] { new { type = "create_index", projectId = project, tableName = "vehicles", data = new { name = "ix" }, timestamp = Timestamp } },
        "wrong-column-type" => new object?[] { Row(project, capacity: "many") },
        "out-of-range" => new object?[] { Row(project, capacity: 9_000_000_000L) },
        "non-iso-timestamp" => new object?[] { Row(project, createdAt: "26/11/2026 8h30") },
        "event-not-an-object" => new object?[] { "database-change as text", 42, true },
        "no-arguments" => Array.Empty<object?>(),
        "five-megabyte-row" => new object?[] { Row(project, capacity: new string('9', 5 * 1024 * 1024) + "x") },
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    private static object Row(string project, object? capacity = null, string? createdAt = null, string registration = "bad") => new
    {
        type = "insert",
        projectId = project,
        tableName = "vehicles",
        data = new { id = 1, registration_number = registration, status = "available", capacity, active = 1, created_at = createdAt ?? Timestamp },
        timestamp = Timestamp,
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task ABadPayloadIsReportedAndTheNextEventArrives(string name, RealtimeErrorKind kind, string detail)
    {
        await using var session = await Harness.SessionAsync(fixture.Server);
        var socketId = session.Client.SocketId;
        var inserted = new BlockingCollection<Vehicle>();
        var errors = new BlockingCollection<RealtimeError>();
        var untyped = new BlockingCollection<DatabaseChange>();
        using var a = session.Client.Vehicles().OnInserted(inserted.Add);
        using var b = session.Client.OnError(errors.Add);
        using var c = session.Client.OnUndeclaredChange(change =>
        {
            untyped.Add(change);
            if (change.TableName is null)
            {
                throw new InvalidOperationException("an app's handler that assumes every event has a table");
            }
        });

        await fixture.Server.Api.EmitAsync(session.Project, "database-change", Arguments(name, session.Project));
        await fixture.Server.Api.EmitAsync(session.Project, "database-change", Row(session.Project, capacity: 4, registration: "valid"));

        Assert.Equal("valid", (await inserted.Next()).RegistrationNumber);
        var error = await errors.Next();
        Assert.Equal(kind, error.Kind);
        Assert.Contains(detail, error.Exception?.Message ?? "");
        Assert.True(error.RawText.Length <= RealtimeError.MaxRawTextLength + 1, "a huge payload is not kept whole");
        Assert.Equal(ConnectionState.Connected, session.Client.State);
        Assert.Equal(socketId, session.Client.SocketId);
        Assert.Empty(inserted);
    }

    // JSON objects with a repeated name are legal JSON; like System.Text.Json and JavaScript, the last one wins.
    [Fact]
    public async Task DuplicateNamesTakeTheLastValue()
    {
        await using var session = await Harness.SessionAsync(fixture.Server);
        var inserted = new BlockingCollection<Vehicle>();
        using var a = session.Client.Vehicles().OnInserted(inserted.Add);

        await fixture.Server.Api.EmitRawAsync(session.Project,
            "2[\"database-change\",{\"type\":\"insert\",\"projectId\":\"" + session.Project + "\",\"tableName\":\"vehicles\"," +
            "\"data\":{\"id\":1,\"registration_number\":\"first\",\"registration_number\":\"last\",\"status\":\"available\",\"active\":1,\"created_at\":\"2026-11-26T08:30:00Z\"}," +
            "\"timestamp\":\"2026-11-26T08:30:00Z\"}]");

        Assert.Equal("last", (await inserted.Next()).RegistrationNumber);
    }

    [Theory]
    [InlineData("2[\"database-change\",{\"type\":", FrameErrorKind.MalformedFrame)]
    [InlineData("2[\"database-change\"", FrameErrorKind.MalformedFrame)]
    [InlineData("2{\"not\":\"an array\"}", FrameErrorKind.MalformedFrame)]
    [InlineData("DEEP", FrameErrorKind.TooDeep)]
    public async Task AnUnparsableOrTooDeepFrameIsReportedAndTheConnectionStays(string frame, FrameErrorKind cause)
    {
        await using var session = await Harness.SessionAsync(fixture.Server);
        var inserted = new BlockingCollection<Vehicle>();
        var errors = new BlockingCollection<RealtimeError>();
        using var a = session.Client.Vehicles().OnInserted(inserted.Add);
        using var b = session.Client.OnError(errors.Add);
        var oldId = session.Client.SocketId;
        if (frame == "DEEP")
        {
            frame = "2[\"database-change\"," + new string('[', 10_000) + new string(']', 10_000) + "]";
        }

        await fixture.Server.Api.EmitRawAsync(session.Project, frame);
        await fixture.Server.Api.EmitAsync(session.Project, "database-change", Row(session.Project, capacity: 1, registration: "after frame"));

        Assert.Equal("after frame", (await inserted.Next()).RegistrationNumber);
        Assert.Equal(cause, Assert.IsType<SkaftinFrameException>((await errors.Next()).Exception).Kind);
        Assert.Empty(errors);
        Assert.Equal(ConnectionState.Connected, session.Client.State);
        Assert.Equal(oldId, session.Client.SocketId);
    }
}
