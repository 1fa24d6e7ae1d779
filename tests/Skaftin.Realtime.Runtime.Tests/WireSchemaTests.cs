using System.IO;
using System.Linq;
using System.Text.Json;
using Json.Schema;
using Xunit;

namespace Skaftin.Realtime.Runtime.Tests;

/// <summary>
/// The client side of the wire contract: every event fixture the tests feed the SDK is valid against the
/// JSON Schemas in schemas/ (the dev server's tests check the server side against the same files).
/// </summary>
public sealed class WireSchemaTests
{
    // The schema library registers each $id globally, so the schema is parsed once per test run.
    private static readonly JsonSchema DatabaseEvent =
        JsonSchema.FromText(File.ReadAllText(Path.Combine(Fixtures.Directory, "database-event.schema.json")));

    public static TheoryData<string> EventFixtures()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.GetFiles(Path.Combine(Fixtures.Directory, "fixtures", "events"), "*.json").OrderBy(static p => p))
        {
            data.Add(Path.GetFileName(path));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EventFixtures))]
    public void EventFixturesFollowTheDatabaseEventSchema(string fixture)
    {
        var result = DatabaseEvent.Evaluate(JsonDocument.Parse(Fixtures.Text("events/" + fixture)).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        Assert.True(result.IsValid, string.Join("; ", (result.Details ?? new System.Collections.Generic.List<EvaluationResults>()).Where(static d => d.Errors is { Count: > 0 }).SelectMany(static d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
    }

    [Theory]
    [InlineData("{\"type\":\"insert\",\"tableName\":\"vehicles\",\"data\":{},\"timestamp\":\"2026-11-26T08:00:00Z\"}")]
    [InlineData("{\"type\":\"insert\",\"projectId\":\"p\",\"tableName\":\"vehicles\",\"data\":{},\"timestamp\":\"yesterday\"}")]
    [InlineData("{\"type\":7,\"projectId\":\"p\",\"timestamp\":\"2026-11-26T08:00:00Z\"}")]
    [InlineData("{\"type\":\"create_cron_job\",\"projectId\":\"p\",\"data\":{\"id\":1,\"name\":\"n\",\"enabled\":true},\"timestamp\":\"2026-11-26T08:00:00Z\"}")]
    [InlineData("{\"type\":\"import_dump\",\"projectId\":\"p\",\"data\":{\"droppedTables\":[],\"tables\":2,\"rows\":0},\"timestamp\":\"2026-11-26T08:00:00Z\"}")]
    [InlineData("{\"type\":\"add_column\",\"projectId\":\"p\",\"tableName\":\"t\",\"data\":{\"column\":{\"name\":\"a\"}},\"timestamp\":\"2026-11-26T08:00:00Z\"}")]
    [InlineData("{\"type\":\"rename_table\",\"projectId\":\"p\",\"tableName\":\"t\",\"data\":{\"oldName\":\"t\"},\"timestamp\":\"2026-11-26T08:00:00Z\"}")]
    [InlineData("{\"type\":\"insert\",\"projectId\":\"p\",\"tableName\":\"vehicles\",\"data\":[],\"timestamp\":\"2026-11-26T08:00:00Z\"}")]
    [InlineData("{\"type\":\"update\",\"projectId\":\"p\",\"tableName\":\"vehicles\",\"data\":[{\"id\":1},7],\"timestamp\":\"2026-11-26T08:00:00Z\"}")]
    public void TheSchemaRejectsBrokenEvents(string json)
    {
        Assert.False(DatabaseEvent.Evaluate(JsonDocument.Parse(json).RootElement, new EvaluationOptions { RequireFormatValidation = true }).IsValid);
    }
}
