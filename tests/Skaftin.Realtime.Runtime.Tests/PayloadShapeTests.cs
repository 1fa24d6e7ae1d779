using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;
using Xunit;

namespace Skaftin.Realtime.Runtime.Tests;

/// <summary>
/// The contract does not fix the payloads of schema, cron-job and import events, so a shape other than ours is never a
/// DecodeFailed error: what is recognised arrives typed, the rest raw (<c>Extra</c>, <c>DataJson</c>), as long as the
/// identity (type, projectId, and the table name of a schema event) is there.
/// </summary>
public sealed class PayloadShapeTests
{
    private static readonly Dictionary<string, string[]> KnownFields = new(StringComparer.Ordinal)
    {
        ["create_table"] = ["table", "primaryKey", "columns", "constraints"],
        ["drop_table"] = ["table"],
        ["rename_table"] = ["oldName", "newName"],
        ["add_column"] = ["table", "column"],
        ["alter_column"] = ["table", "column"],
        ["drop_column"] = ["table", "column"],
        ["create_constraint"] = ["table", "constraint"],
        ["drop_constraint"] = ["table", "constraint"],
        ["create_cron_job"] = ["id", "name", "schedule", "enabled", "createdAt", "updatedAt"],
        ["update_cron_job"] = ["id", "name", "schedule", "enabled", "createdAt", "updatedAt"],
        ["delete_cron_job"] = ["id", "name", "schedule", "enabled", "createdAt", "updatedAt"],
        ["toggle_cron_job"] = ["id", "name", "schedule", "enabled", "createdAt", "updatedAt"],
        ["import_dump"] = ["droppedTables", "tables", "rows"],
    };

    private static readonly string[] Fixtures =
        System.IO.Directory.GetFiles(System.IO.Path.Combine(Runtime.Tests.Fixtures.Directory, "fixtures", "events"), "devserver-*.json")
            .OrderBy(static n => n, StringComparer.Ordinal)
            .ToArray();

    private static readonly string[] FieldNames =
        KnownFields.Values.SelectMany(static f => f).Concat(["type", "nullable", "default", "columns", "x", "newTable", "column_name", "enabled_at"]).Distinct().ToArray();

    [Fact]
    public void TheShapesOfIssue20ArriveTypedWithTheRestRawAndNoError()
    {
        var (errors, events) = Dispatch(
            """{"type":"add_column","projectId":"p1","tableName":"t","data":{"column":"color"},"timestamp":"2026-12-01T00:00:00Z"}""",
            """{"type":"rename_table","projectId":"p1","tableName":"t","data":{"newName":"u"},"timestamp":"2026-12-01T00:00:00Z"}""",
            """{"type":"toggle_cron_job","projectId":"p1","data":{"id":7,"enabled":false},"timestamp":"2026-12-01T00:00:00Z"}""",
            """{"type":"import_dump","projectId":"p1","timestamp":"2026-12-01T00:00:00Z"}""");

        Assert.Empty(errors);
        Assert.Equal(new SchemaColumn("color", null), Assert.IsType<ColumnAdded>(Assert.IsType<SchemaChange>(events[0]).Details).Column);
        Assert.Equal(new TableRenamed("t", "u"), Assert.IsType<SchemaChange>(events[1]).Details);
        var toggled = Assert.IsType<CronJobChange>(events[2]).Job!;
        Assert.Equal(("7", (string?)null, (string?)null, (bool?)false), (toggled.Id, toggled.Name, toggled.Schedule, toggled.Enabled));
        var imported = Assert.IsType<DatabaseImported>(events[3]);
        Assert.Null(imported.Summary);
        Assert.Null(imported.DataJson);
    }

    [Fact]
    public void AValueOfAnotherShapeIsKeptRawUnderItsNameAndTheRestStaysTyped()
    {
        var (errors, events) = Dispatch(
            """{"type":"toggle_cron_job","projectId":"p1","data":{"id":1,"name":"n","schedule":"s","enabled":"yes","createdAt":"soon"},"timestamp":"2026-12-01T00:00:00Z"}""",
            """{"type":"create_table","projectId":"p1","tableName":"t","data":{"table":"t","columns":{"a":"text"}},"timestamp":"2026-12-01T00:00:00Z"}""",
            """{"type":"import_dump","projectId":"p1","data":{"droppedTables":[],"tables":2,"rows":1.5},"timestamp":"2026-12-01T00:00:00Z"}""",
            """{"type":"create_constraint","projectId":"p1","tableName":"t","data":{"constraint":{"name":"c","type":"unique","columns":["a",{}]}},"timestamp":"2026-12-01T00:00:00Z"}""",
            """{"type":"alter_column","projectId":"p1","tableName":"t","data":{"column":{"name":"a","type":"text"}},"oldData":{"column":7},"timestamp":"2026-12-01T00:00:00Z"}""");

        Assert.Empty(errors);
        var job = Assert.IsType<CronJobChange>(events[0]).Job!;
        Assert.Equal(("n", "s", (bool?)null, (DateTimeOffset?)null), (job.Name, job.Schedule, job.Enabled, job.CreatedAt));
        Assert.Equal(("yes", "soon"), (job.Extra["enabled"].GetString(), job.Extra["createdAt"].GetString()));
        var created = Assert.IsType<TableCreated>(Assert.IsType<SchemaChange>(events[1]).Details);
        Assert.Null(created.Columns);
        Assert.Equal("text", created.Extra["columns"].GetProperty("a").GetString());
        var summary = Assert.IsType<DatabaseImported>(events[2]).Summary!;
        Assert.Equal((0, (IReadOnlyList<string>?)null, (long?)null), (summary.DroppedTables!.Count, summary.Tables, summary.RowCount));
        Assert.Equal((2, 1.5), (summary.Extra["tables"].GetInt32(), summary.Extra["rows"].GetDouble()));
        var constraint = Assert.IsType<ConstraintCreated>(Assert.IsType<SchemaChange>(events[3]).Details).Constraint!;
        Assert.Equal(("c", (IReadOnlyList<string>?)null), (constraint.Name, constraint.Columns));
        Assert.Equal(JsonValueKind.Array, constraint.Extra["columns"].ValueKind);
        var altered = Assert.IsType<ColumnAltered>(Assert.IsType<SchemaChange>(events[4]).Details);
        Assert.Equal(("a", (SchemaColumn?)null), (altered.Column!.Name, altered.OldColumn));
    }

    /// <summary>Shapes that were DecodeFailed errors before issue 20 (case 6): each arrives, typed as far as it goes, without an error.</summary>
    [Theory]
    [InlineData("""{"type":"create_cron_job","projectId":"p1","data":{"id":1,"name":"n","enabled":true},"timestamp":"2026-12-01T00:00:00Z"}""")]
    [InlineData("""{"type":"toggle_cron_job","projectId":"p1","data":{"id":1,"name":"n","schedule":"s","enabled":"yes"},"timestamp":"2026-12-01T00:00:00Z"}""")]
    [InlineData("""{"type":"delete_cron_job","projectId":"p1","data":{"id":1,"name":"n","schedule":"s","enabled":true,"createdAt":"soon"},"timestamp":"2026-12-01T00:00:00Z"}""")]
    [InlineData("""{"type":"create_cron_job","projectId":"p1","timestamp":"2026-12-01T00:00:00Z"}""")]
    [InlineData("""{"type":"create_cron_job","projectId":"p1","data":[1],"timestamp":"2026-12-01T00:00:00Z"}""")]
    [InlineData("""{"type":"add_column","projectId":"p1","tableName":"t","data":{"table":"t"},"timestamp":"2026-12-01T00:00:00Z"}""")]
    [InlineData("""{"type":"add_column","projectId":"p1","tableName":"t","data":{"column":{"name":"a"}},"timestamp":"2026-12-01T00:00:00Z"}""")]
    [InlineData("""{"type":"alter_column","projectId":"p1","tableName":"t","data":{"column":{"name":"a","type":"text","nullable":"maybe"}},"timestamp":"2026-12-01T00:00:00Z"}""")]
    [InlineData("""{"type":"alter_column","projectId":"p1","tableName":"t","data":{"column":{"name":"a","type":"text"}},"oldData":{"column":7},"timestamp":"2026-12-01T00:00:00Z"}""")]
    [InlineData("""{"type":"create_table","projectId":"p1","tableName":"t","data":{"table":"t","columns":[{"name":"a","type":"text"},{"name":null,"type":"text"}]},"timestamp":"2026-12-01T00:00:00Z"}""")]
    [InlineData("""{"type":"create_table","projectId":"p1","tableName":"t","data":{"table":"t","columns":{}},"timestamp":"2026-12-01T00:00:00Z"}""")]
    [InlineData("""{"type":"drop_table","projectId":"p1","tableName":"t","data":{"table":false},"timestamp":"2026-12-01T00:00:00Z"}""")]
    [InlineData("""{"type":"rename_table","projectId":"p1","tableName":"t","data":{"oldName":"t"},"timestamp":"2026-12-01T00:00:00Z"}""")]
    [InlineData("""{"type":"create_constraint","projectId":"p1","tableName":"t","data":{"constraint":{"name":"c","type":"unique","columns":["a",2.5e0,{}]}},"timestamp":"2026-12-01T00:00:00Z"}""")]
    [InlineData("""{"type":"drop_constraint","projectId":"p1","tableName":"t","data":{"constraint":{"type":"unique"}},"timestamp":"2026-12-01T00:00:00Z"}""")]
    [InlineData("""{"type":"import_dump","projectId":"p1","data":{"droppedTables":[],"tables":2,"rows":0},"timestamp":"2026-12-01T00:00:00Z"}""")]
    [InlineData("""{"type":"import_dump","projectId":"p1","data":{"droppedTables":[],"tables":[]},"timestamp":"2026-12-01T00:00:00Z"}""")]
    [InlineData("""{"type":"import_dump","projectId":"p1","data":{"droppedTables":[],"tables":[],"rows":1.5},"timestamp":"2026-12-01T00:00:00Z"}""")]
    [InlineData("""{"type":"update_cron_job","projectId":"p1","data":{"id":1,"name":"n","schedule":"s","enabled":true},"oldData":{"id":1,"schedule":"s","enabled":true},"timestamp":"2026-12-01T00:00:00Z"}""")]
    public void ShapesOnceRefusedArriveWithoutAnError(string json)
    {
        var resyncs = new List<ResyncRequired>();
        var router = new SkaftinEventRouter();
        var errors = new List<RealtimeError>();
        var events = new List<IDatabaseEvent>();
        using var a = router.OnError(errors.Add);
        using var b = router.OnAnyChange(events.Add);
        using var c = router.OnResyncRequired(resyncs.Add);

        router.DispatchDatabaseChange(Encoding.UTF8.GetBytes(json));

        Assert.Empty(errors);
        switch (Assert.Single(events))
        {
            case SchemaChange schema:
                Assert.Equal("t", schema.TableName);
                Assert.NotNull(schema.Details);
                break;
            case CronJobChange cron:
                Assert.Equal(cron.DataJson is not null && cron.DataJson.StartsWith('{'), cron.Job is not null);
                Assert.Equal(cron.OldDataJson is not null, cron.OldJob is not null);
                break;
            case DatabaseImported imported:
                Assert.NotNull(imported.Summary);
                Assert.Equal(ResyncReason.DatabaseImported, Assert.Single(resyncs).Reason);
                break;
            case var other:
                Assert.Fail($"arrived as {other.GetType().Name}");
                break;
        }
    }

    /// <summary>
    /// Every schema, cron and import type, from the dev server's real payload, with fields dropped, renamed, given values
    /// of any JSON shape and added, at every level of <c>data</c> and <c>oldData</c>: never an error, always the typed
    /// event, and every top-level field this SDK does not know reaches the app raw, unchanged, in <c>Extra</c>.
    /// </summary>
    [Fact]
    public void RandomShapesOfEveryTypeNeverFailAndKeepTheUnknownPartsRaw()
    {
        Gen.Select(Gen.Int[0, Fixtures.Length - 1], Gen.Int).Sample(
            static (fixture, seed) =>
            {
                var random = new Random(seed);
                var envelope = JsonNode.Parse(System.IO.File.ReadAllText(Fixtures[fixture]))!.AsObject();
                var type = envelope["type"]!.GetValue<string>();
                foreach (var member in new[] { "data", "oldData" })
                {
                    if (envelope[member] is JsonObject payload)
                    {
                        Mutate(payload, random, depth: 0);
                    }
                    else if (random.Next(4) == 0)
                    {
                        envelope[member] = RandomValue(random, depth: 1);
                    }
                }

                var json = envelope.ToJsonString();
                var (errors, events) = Dispatch(json);

                Assert.True(errors.Count == 0, $"{type}: {errors.FirstOrDefault()?.Exception?.Message} for {json}");
                var change = Assert.Single(events);
                var (extra, data) = change switch
                {
                    SchemaChange schema => (Assert.IsAssignableFrom<SchemaChangeDetails>(schema.Details).Extra, schema.DataJson),
                    CronJobChange cron => (cron.Job?.Extra, cron.DataJson),
                    DatabaseImported imported => (imported.Summary?.Extra, imported.DataJson),
                    _ => throw new Xunit.Sdk.XunitException($"{type} arrived as {change.GetType().Name}"),
                };
                if (JsonNode.Parse(data ?? "null") is JsonObject sent)
                {
                    Assert.NotNull(extra);
                    foreach (var (name, value) in sent)
                    {
                        if (!KnownFields[type].Contains(name))
                        {
                            Assert.True(extra!.TryGetValue(name, out var kept), $"{type}: unknown field '{name}' was not kept in {json}");
                            Assert.True(JsonNode.DeepEquals(value, JsonNode.Parse(kept.GetRawText())), $"{type}: '{name}' was changed");
                        }
                    }
                }
            },
            iter: 3_000);
    }

    private static void Mutate(JsonObject target, Random random, int depth)
    {
        foreach (var name in target.Select(static p => p.Key).ToArray())
        {
            switch (random.Next(6))
            {
                case 0:
                    target.Remove(name);
                    break;
                case 1:
                    var value = target[name];
                    target.Remove(name);
                    target[FieldNames[random.Next(FieldNames.Length)] + (random.Next(2) == 0 ? "" : "_" + random.Next(9))] = value;
                    break;
                case 2:
                    target[name] = RandomValue(random, depth + 1);
                    break;
                default:
                    if (target[name] is JsonObject inner && depth < 3)
                    {
                        Mutate(inner, random, depth + 1);
                    }
                    else if (target[name] is JsonArray array && array.FirstOrDefault() is JsonObject element && depth < 3)
                    {
                        Mutate(element, random, depth + 1);
                    }

                    break;
            }
        }

        for (var i = random.Next(3); i > 0; i--)
        {
            target[FieldNames[random.Next(FieldNames.Length)]] = RandomValue(random, depth + 1);
        }
    }

    private static JsonNode? RandomValue(Random random, int depth) => random.Next(depth > 2 ? 5 : 7) switch
    {
        0 => null,
        1 => JsonValue.Create(random.Next(2) == 0),
        2 => JsonValue.Create(random.Next(-5, 5) + (random.Next(2) == 0 ? 0.5 : 0)),
        3 => JsonValue.Create(new[] { "", "a", "text", "2026-12-01T00:00:00Z", "soon", "1" }[random.Next(6)]),
        4 => JsonValue.Create(random.Next(100)),
        5 => new JsonArray(Enumerable.Range(0, random.Next(3)).Select(_ => RandomValue(random, depth + 1)).ToArray()),
        _ => new JsonObject(Enumerable.Range(0, random.Next(3))
            .Select(i => KeyValuePair.Create(FieldNames[random.Next(FieldNames.Length)] + i, RandomValue(random, depth + 1)))),
    };

    private static (List<RealtimeError> Errors, List<IDatabaseEvent> Events) Dispatch(params string[] json)
    {
        var router = new SkaftinEventRouter();
        var errors = new List<RealtimeError>();
        var events = new List<IDatabaseEvent>();
        using var a = router.OnError(errors.Add);
        using var b = router.OnAnyChange(events.Add);
        foreach (var one in json)
        {
            router.DispatchDatabaseChange(Encoding.UTF8.GetBytes(one));
        }

        return (errors, events);
    }
}
