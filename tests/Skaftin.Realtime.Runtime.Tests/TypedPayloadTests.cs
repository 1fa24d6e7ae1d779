using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using Xunit;

namespace Skaftin.Realtime.Runtime.Tests;

/// <summary>
/// The payloads that are not rows (the eight schema events, the four cron-job events, import_dump) arrive typed,
/// from the dev server's real payloads (schemas/fixtures/events/devserver-*.json); unknown fields are kept. Payloads of
/// other shapes are not errors (issue 20, case 6): see <see cref="PayloadShapeTests"/>.
/// </summary>
public sealed class TypedPayloadTests
{
    private readonly SkaftinEventRouter _router = new();
    private readonly List<RealtimeError> _errors = new();
    private readonly List<SchemaChange> _schema = new();
    private readonly List<CronJobChange> _cron = new();
    private readonly List<DatabaseImported> _imports = new();

    public TypedPayloadTests()
    {
        _router.OnError(_errors.Add);
        _router.OnSchemaChanged(_schema.Add);
        _router.OnCronJobChanged(_cron.Add);
        _router.OnDatabaseImported(_imports.Add);
    }

    public static TheoryData<string> DevServerFixtures() => new(
        System.IO.Directory.GetFiles(System.IO.Path.Combine(Fixtures.Directory, "fixtures", "events"), "devserver-*.json")
            .Select(System.IO.Path.GetFileName).OrderBy(static n => n, StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(DevServerFixtures))]
    public void EveryDevServerPayloadDecodesWithoutError(string fixture)
    {
        var any = new List<IDatabaseEvent>();
        using var subscription = _router.OnAnyChange(any.Add);

        DispatchFixture(fixture);

        Assert.Empty(_errors);
        var change = Assert.Single(any);
        switch (change)
        {
            case SchemaChange schema:
                Assert.NotNull(schema.Details);
                break;
            case CronJobChange cron:
                Assert.NotNull(cron.Job);
                Assert.Equal(cron.OldDataJson is not null, cron.OldJob is not null);
                break;
            case DatabaseImported imported:
                Assert.NotNull(imported.Summary);
                break;
            default:
                Assert.Fail($"{fixture} arrived as {change.GetType().Name}");
                break;
        }
    }

    [Fact]
    public void CreateTableHasItsColumnsKeyAndConstraints()
    {
        DispatchFixture("devserver-create-table.json");

        var change = Assert.Single(_schema);
        Assert.Equal((DatabaseChangeType.CreateTable, "products"), (change.Type, change.TableName));
        var created = Assert.IsType<TableCreated>(change.Details);
        Assert.Equal("sku", created.PrimaryKey);
        Assert.Collection(
            created.Columns!,
            c => Assert.Equal(("sku", "text", (bool?)true, (bool?)false), (c.Name, c.Type, c.PrimaryKey, c.Nullable)),
            c => Assert.Equal(("title", "text", (bool?)false, (bool?)true), (c.Name, c.Type, c.PrimaryKey, c.Nullable)));
        Assert.Null(created.Columns![0].Default);
        Assert.Empty(created.Constraints);
        Assert.Empty(created.Extra);
    }

    [Fact]
    public void ColumnEventsHaveTheColumnAndAlterHasTheOldOne()
    {
        DispatchFixture("devserver-add-column.json");
        DispatchFixture("devserver-alter-column.json");
        DispatchFixture("devserver-drop-column.json");

        var added = Assert.IsType<ColumnAdded>(_schema[0].Details).Column!;
        Assert.Equal(("stock", "integer", (bool?)false, (bool?)false), (added.Name, added.Type, added.PrimaryKey, added.Nullable));
        Assert.Equal(0, added.Default!.Value.GetInt32());
        var altered = Assert.IsType<ColumnAltered>(_schema[1].Details);
        Assert.Equal(("bigint", "integer"), (altered.Column!.Type, altered.OldColumn!.Type));
        Assert.Contains("\"integer\"", _schema[1].OldDataJson);
        Assert.Equal("title", Assert.IsType<ColumnDropped>(_schema[2].Details).Column!.Name);
        Assert.Empty(_errors);
    }

    [Fact]
    public void AlterWithoutOldDataHasNoOldColumn()
    {
        Dispatch("""{"type":"alter_column","projectId":"p1","tableName":"t","data":{"column":{"name":"a","type":"text"}},"timestamp":"2026-12-01T00:00:00Z"}""");

        Assert.Null(Assert.IsType<ColumnAltered>(Assert.Single(_schema).Details).OldColumn);
        Assert.Empty(_errors);
    }

    [Fact]
    public void ConstraintEventsKeepTheServersExtraFields()
    {
        DispatchFixture("devserver-create-constraint.json");
        DispatchFixture("devserver-drop-constraint.json");

        var created = Assert.IsType<ConstraintCreated>(_schema[0].Details).Constraint!;
        Assert.Equal(("uq_title", "unique"), (created.Name, created.Type));
        Assert.Equal(new[] { "title" }, created.Columns);
        Assert.Equal("ix_p_p1__products__uq_title", created.Extra["index"].GetString());
        Assert.Equal("uq_title", Assert.IsType<ConstraintDropped>(_schema[1].Details).Constraint!.Name);
    }

    [Fact]
    public void RenameAndDropName()
    {
        DispatchFixture("devserver-rename-table.json");
        DispatchFixture("devserver-drop-table.json");

        Assert.Equal(new TableRenamed("products", "items"), _schema[0].Details);
        Assert.Equal("products", _schema[0].TableName);
        Assert.IsType<TableDropped>(_schema[1].Details);
        Assert.Equal("items", _schema[1].TableName);
    }

    [Fact]
    public void CronJobsAreTypedWithTheirPreviousStateAndExtraFields()
    {
        DispatchFixture("devserver-create-cron-job.json");
        DispatchFixture("devserver-update-cron-job.json");
        DispatchFixture("devserver-toggle-cron-job.json");
        DispatchFixture("devserver-delete-cron-job.json");

        Assert.Equal(
            new[] { DatabaseChangeType.CreateCronJob, DatabaseChangeType.UpdateCronJob, DatabaseChangeType.ToggleCronJob, DatabaseChangeType.DeleteCronJob },
            _cron.Select(static c => c.Type));
        var created = _cron[0].Job!;
        Assert.Equal(("1", "nightly", "0 2 * * *", true), (created.Id, created.Name, created.Schedule, created.Enabled));
        Assert.Equal("vacuum", created.Extra["command"].GetString());
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 4, 17, 54, 141, TimeSpan.Zero), created.CreatedAt);
        Assert.Null(_cron[0].OldJob);
        Assert.Equal(("0 3 * * *", "0 2 * * *"), (_cron[1].Job!.Schedule, _cron[1].OldJob!.Schedule));
        Assert.Equal((false, true), (_cron[2].Job!.Enabled, _cron[2].OldJob!.Enabled));
        Assert.Equal("1", _cron[3].Job!.Id);
        Assert.Empty(_errors);
    }

    [Fact]
    public void AStringCronJobIdIsKeptAsIs()
    {
        Dispatch("""{"type":"create_cron_job","projectId":"p1","data":{"id":"job-7","name":"n","schedule":"* * * * *","enabled":1},"timestamp":"2026-12-01T00:00:00Z"}""");

        Assert.Equal(("job-7", true, (DateTimeOffset?)null), (_cron[0].Job!.Id, _cron[0].Job!.Enabled, _cron[0].Job!.CreatedAt));
        Assert.Empty(_errors);
    }

    [Fact]
    public void ImportSummaryIsTyped()
    {
        DispatchFixture("devserver-import-dump.json");

        var summary = Assert.Single(_imports).Summary!;
        Assert.Equal(new[] { "old_stuff" }, summary.DroppedTables);
        Assert.Equal(new[] { "customers" }, summary.Tables);
        Assert.Equal(2L, summary.RowCount);
    }

    [Fact]
    public void UnknownFieldsAreKeptAtEveryLevel()
    {
        Dispatch("""{"type":"create_table","projectId":"p1","tableName":"t","data":{"table":"t","columns":[{"name":"a","type":"text","collation":"C","check":{"min":1}}],"owner":"ann","tags":["x"]},"timestamp":"2026-12-01T00:00:00Z"}""");
        Dispatch("""{"type":"import_dump","projectId":"p1","data":{"droppedTables":[],"tables":[],"rows":0,"durationMs":12},"timestamp":"2026-12-01T00:00:00Z"}""");

        var created = Assert.IsType<TableCreated>(Assert.Single(_schema).Details);
        Assert.Equal(new[] { "owner", "tags" }, created.Extra.Keys.OrderBy(static k => k, StringComparer.Ordinal));
        Assert.Equal("ann", created.Extra["owner"].GetString());
        Assert.Equal(JsonValueKind.Array, created.Extra["tags"].ValueKind);
        Assert.Equal("C", created.Columns![0].Extra["collation"].GetString());
        Assert.Equal(1, created.Columns[0].Extra["check"].GetProperty("min").GetInt32());
        Assert.Equal(12, Assert.Single(_imports).Summary!.Extra["durationMs"].GetInt32());
        Assert.Empty(_errors);
    }

    [Fact]
    public void NobodyListeningMeansNothingIsDecoded()
    {
        var router = new SkaftinEventRouter();
        var errors = new List<RealtimeError>();
        using var subscription = router.OnError(errors.Add);

        router.DispatchDatabaseChange(Encoding.UTF8.GetBytes("""{"type":"create_cron_job","projectId":"p1","data":{},"timestamp":"2026-12-01T00:00:00Z"}"""));

        Assert.Empty(errors);
    }

    private void Dispatch(string json) => _router.DispatchDatabaseChange(Encoding.UTF8.GetBytes(json));

    private void DispatchFixture(string name) => _router.DispatchDatabaseChange(Fixtures.Utf8("events/" + name));
}
