using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text.Json;
using System.Threading.Tasks;
using Skaftin.Realtime.DevServer;
using Xunit;

namespace Skaftin.Realtime.DevServer.Tests;

[Collection(SharedDevServerCollection.Name)]
public sealed class ApiTests
{
    private readonly SkaftinDevServer _server;

    public ApiTests(SharedDevServer fixture)
    {
        _server = fixture.Server;
    }

    private SkaftinDevServerApi Api => _server.Api;

    [Fact(Timeout = TestTimeouts.TestMs)]
    public async Task Rows_round_trip_through_create_insert_update_delete_and_get_rows()
    {
        using var cts = TestTimeouts.Cts();
        const string p = "rows_project";
        var description = await Api.CreateTableAsync(
            p,
            "todos",
            [
                new DevColumn("id", "integer", PrimaryKey: true),
                new DevColumn("title", "text", Nullable: false),
                new DevColumn("done", "boolean", Default: false),
                new DevColumn("note", "text"),
            ],
            cts.Token);
        Assert.Equal("todos", description.GetProperty("table").GetString());

        var first = await Api.InsertAsync(p, "todos", new { title = "write tests", note = (string?)null }, cts.Token);
        var second = await Api.InsertAsync(p, "todos", new Dictionary<string, object?> { ["title"] = "ship", ["done"] = true }, cts.Token);
        Assert.Equal("write tests", first.GetProperty("title").GetString());
        Assert.Equal(0, first.GetProperty("done").GetInt32()); // booleans come out as 0/1
        Assert.Equal(JsonValueKind.Null, first.GetProperty("note").ValueKind);
        Assert.Equal(1, second.GetProperty("done").GetInt32());
        var firstId = first.GetProperty("id");

        var updated = await Api.UpdateAsync(p, "todos", firstId, new { done = true, note = "with an update" }, cts.Token);
        Assert.Equal(1, updated.GetProperty("done").GetInt32());
        Assert.Equal("with an update", updated.GetProperty("note").GetString());

        var read = await Api.GetRowAsync(p, "todos", firstId.GetInt32(), cts.Token);
        Assert.Equal("with an update", read.GetProperty("note").GetString());

        var rowsJson = await Api.GetRowsAsync(p, "todos", cts.Token);
        using (var rows = JsonDocument.Parse(rowsJson))
        {
            Assert.Equal(new[] { "write tests", "ship" }, rows.RootElement.EnumerateArray().Select(r => r.GetProperty("title").GetString()));
        }

        var deleted = await Api.DeleteAsync(p, "todos", second.GetProperty("id"), keyOnly: true, cts.Token);
        Assert.Equal("ship", deleted.GetProperty("title").GetString());
        await Api.DeleteAsync(p, "todos", firstId, cancellationToken: cts.Token);
        Assert.Equal("[]", (await Api.GetRowsAsync(p, "todos", cts.Token)).Trim());

        var missing = await Assert.ThrowsAsync<SkaftinDevServerException>(() => Api.GetRowAsync(p, "todos", 12345, cts.Token));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact(Timeout = TestTimeouts.TestMs)]
    public async Task Uuid_keys_are_generated_and_accepted_as_ids()
    {
        using var cts = TestTimeouts.Cts();
        const string p = "uuid_project";
        await Api.CreateTableAsync(p, "items", [new DevColumn("key", "uuid", PrimaryKey: true), new DevColumn("name", "text")], cts.Token);
        var row = await Api.InsertAsync(p, "items", new { name = "a" }, cts.Token);
        var key = Guid.Parse(row.GetProperty("key").GetString()!);
        var updated = await Api.UpdateAsync(p, "items", key, new { name = "b" }, cts.Token);
        Assert.Equal("b", updated.GetProperty("name").GetString());
    }

    [Fact(Timeout = TestTimeouts.TestMs)]
    public async Task Schema_operations_work()
    {
        using var cts = TestTimeouts.Cts();
        const string p = "schema_project";
        await Api.CreateTableAsync(p, "people", [new DevColumn("name", "text"), new DevColumn("email", "text")], cts.Token);

        var added = await Api.AddColumnAsync(p, "people", new DevColumn("joined", "timestamp", Default: "now"), cts.Token);
        Assert.Equal("joined", added.GetProperty("column").GetProperty("name").GetString());
        var row = await Api.InsertAsync(p, "people", new { name = "Ann" }, cts.Token);
        Assert.Equal(JsonValueKind.String, row.GetProperty("joined").ValueKind);
        Assert.Equal(1, row.GetProperty("id").GetInt32()); // added by the server: no key column was given

        var altered = await Api.AlterColumnAsync(p, "people", "name", type: "text", nullable: false, cancellationToken: cts.Token);
        Assert.False(altered.GetProperty("column").GetProperty("nullable").GetBoolean());

        var constraint = await Api.CreateConstraintAsync(p, "people", new { name = "uq_email", type = "unique", columns = new[] { "email" } }, cts.Token);
        Assert.Equal("uq_email", constraint.GetProperty("constraint").GetProperty("name").GetString());
        await Api.InsertAsync(p, "people", new { name = "Bob", email = "b@example.com" }, cts.Token);
        var duplicate = await Assert.ThrowsAsync<SkaftinDevServerException>(
            () => Api.InsertAsync(p, "people", new { name = "Bo", email = "b@example.com" }, cts.Token));
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        await Api.DropConstraintAsync(p, "people", "uq_email", cts.Token);

        await Api.DropColumnAsync(p, "people", "email", cts.Token);
        var described = await Api.DescribeTableAsync(p, "people", cts.Token);
        Assert.DoesNotContain(described.GetProperty("columns").EnumerateArray(), c => c.GetProperty("name").GetString() == "email");

        var renamed = await Api.RenameTableAsync(p, "people", "persons", cts.Token);
        Assert.Equal("persons", renamed.GetProperty("newName").GetString());
        var tables = await Api.GetTablesAsync(p, cts.Token);
        Assert.Contains(tables.EnumerateArray(), t => t.GetProperty("table").GetString() == "persons");

        await Api.DropTableAsync(p, "persons", cts.Token);
        Assert.Equal(0, (await Api.GetTablesAsync(p, cts.Token)).GetArrayLength());
    }

    [Fact(Timeout = TestTimeouts.TestMs)]
    public async Task Cron_jobs_import_dump_and_project_events_work()
    {
        using var cts = TestTimeouts.Cts();
        const string p = "misc_project";
        var job = await Api.CreateCronJobAsync(p, "nightly", "0 3 * * *", cancellationToken: cts.Token);
        Assert.True(job.GetProperty("enabled").GetBoolean());
        var id = job.GetProperty("id");
        var toggled = await Api.ToggleCronJobAsync(p, id, cancellationToken: cts.Token);
        Assert.False(toggled.GetProperty("enabled").GetBoolean());
        var forced = await Api.ToggleCronJobAsync(p, id, enabled: true, cts.Token);
        Assert.True(forced.GetProperty("enabled").GetBoolean());
        var changed = await Api.UpdateCronJobAsync(p, id, new { schedule = "0 4 * * *", command = "vacuum" }, cts.Token);
        Assert.Equal("vacuum", changed.GetProperty("command").GetString());
        Assert.Equal(1, (await Api.GetCronJobsAsync(p, cts.Token)).GetArrayLength());
        await Api.DeleteCronJobAsync(p, id, cts.Token);
        Assert.Equal(0, (await Api.GetCronJobsAsync(p, cts.Token)).GetArrayLength());

        await Api.CreateTableAsync(p, "old_table", [new DevColumn("x", "integer")], cts.Token);
        var import = await Api.ImportDumpAsync(
            p,
            [new DevTable("authors", [new DevColumn("id", "integer", PrimaryKey: true), new DevColumn("name", "text")], [new { id = 1, name = "Le Guin" }, new { id = 2, name = "Pratchett" }])],
            cts.Token);
        Assert.Equal("old_table", import.GetProperty("droppedTables")[0].GetString());
        Assert.Equal(2, import.GetProperty("rows").GetInt32());
        Assert.Contains("Pratchett", await Api.GetRowsAsync(p, "authors", cts.Token), StringComparison.Ordinal);

        var evt = await Api.PublishProjectEventAsync(p, "deploy-finished", new { version = "1.2.3" }, cts.Token);
        Assert.Equal("deploy-finished", evt.GetProperty("type").GetString());
        Assert.Equal(p, evt.GetProperty("projectId").GetString());
        Assert.Equal("1.2.3", evt.GetProperty("data").GetProperty("version").GetString());
    }

    [Fact(Timeout = TestTimeouts.TestMs)]
    public async Task Bad_key_gets_401_and_a_key_without_the_project_gets_403()
    {
        using var cts = TestTimeouts.Cts();
        var bad = _server.CreateApi("not-a-key");
        var unauthorized = await Assert.ThrowsAsync<SkaftinDevServerException>(() => bad.GetTablesAsync("any", cts.Token));
        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.StatusCode);
        Assert.Contains("invalid api key", unauthorized.ResponseBody, StringComparison.Ordinal);
        Assert.Contains("401", unauthorized.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not-a-key", unauthorized.Message, StringComparison.Ordinal);

        var limited = _server.CreateApi(SharedDevServer.LimitedKey);
        Assert.Equal(0, (await limited.GetTablesAsync("allowed_project", cts.Token)).GetArrayLength());
        var forbidden = await Assert.ThrowsAsync<SkaftinDevServerException>(() => limited.GetTablesAsync("other_project", cts.Token));
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);

        var reserved = await Assert.ThrowsAsync<SkaftinDevServerException>(
            () => Api.EmitAsync("p", "connect", new object?[] { 1 }, cts.Token));
        Assert.Equal(HttpStatusCode.BadRequest, reserved.StatusCode);

        Assert.Equal("dev-key", _server.DefaultApiKey);
    }

    [Fact(Timeout = TestTimeouts.TestMs)]
    public async Task Test_hooks_reach_a_real_socket()
    {
        using var cts = TestTimeouts.Cts();
        const string p = "hooks_project";
        Assert.Equal(0, await Api.EmitAsync(p, "nobody-listens", 1));
        Assert.Empty(await Api.GetRoomMembersAsync(p, cts.Token));

        await using var client = await RawSocketIoClient.ConnectAsync(_server.Url, _server.DefaultApiKey, cts.Token);
        Assert.Contains(client.SocketId, await Api.GetSocketsAsync(cts.Token));

        await client.SendAsync("42[\"join-project\",\"" + p + "\"]", cts.Token);
        await client.ReceiveAsync(m => m.StartsWith("42[\"joined-project\"", StringComparison.Ordinal), cts.Token);
        Assert.Equal(new[] { client.SocketId }, await Api.GetRoomMembersAsync(p, cts.Token));

        Assert.Equal(1, await Api.EmitAsync(p, "custom", 1, "two", new { three = 3 }, null));
        var custom = await client.ReceiveAsync(m => m.StartsWith("42[\"custom\"", StringComparison.Ordinal), cts.Token);
        Assert.Equal("42[\"custom\",1,\"two\",{\"three\":3},null]", custom);

        Assert.Equal(1, await Api.EmitRawAsync(p, "2[\"raw-event\",{\"a\":1}]", cts.Token));
        Assert.Equal("42[\"raw-event\",{\"a\":1}]", await client.ReceiveAsync(m => m.Contains("raw-event", StringComparison.Ordinal), cts.Token));

        // Args as JSON text carry what System.Text.Json will not write; an ack id or a binary attachment on request.
        Assert.Equal(1, await Api.EmitJsonAsync(p, "json-event", "[\"\\ud800\",[[1]]]", cancellationToken: cts.Token));
        Assert.Equal("42[\"json-event\",\"\\ud800\",[[1]]]", await client.ReceiveAsync(m => m.Contains("json-event", StringComparison.Ordinal), cts.Token));
        Assert.Equal(1, await Api.EmitJsonAsync(p, "acked-event", "[1]", withAck: true, cancellationToken: cts.Token));
        Assert.Matches("^42[0-9]+\\[\"acked-event\",1\\]$", await client.ReceiveAsync(m => m.Contains("acked-event", StringComparison.Ordinal), cts.Token));
        Assert.Equal(1, await Api.EmitJsonAsync(p, "binary-event", "[1]", withBinary: true, cancellationToken: cts.Token));
        Assert.Equal("451-[\"binary-event\",1,{\"_placeholder\":true,\"num\":0}]", await client.ReceiveAsync(m => m.Contains("binary-event", StringComparison.Ordinal), cts.Token));

        await Api.CreateTableAsync(p, "live", [new DevColumn("v", "text")], cts.Token);
        await Api.InsertAsync(p, "live", new { v = "hello" }, cts.Token);
        var change = await client.ReceiveAsync(m => m.StartsWith("42[\"database-change\"", StringComparison.Ordinal) && m.Contains("\"insert\"", StringComparison.Ordinal), cts.Token);
        Assert.Contains("\"hello\"", change, StringComparison.Ordinal);

        Assert.Equal(1, await Api.DisconnectAllAsync(cts.Token));
        await client.ReceiveAsync(m => m.StartsWith("41", StringComparison.Ordinal), cts.Token);
    }

    [Fact]
    public async Task Emit_refuses_a_cancellation_token_as_an_argument()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Api.EmitAsync("p", "e", "x", System.Threading.CancellationToken.None));
    }
}
