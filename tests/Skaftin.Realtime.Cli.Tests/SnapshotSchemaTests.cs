using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Json.Schema;
using Skaftin.Realtime.Cli;
using Xunit;

namespace Skaftin.Realtime.Cli.Tests;

/// <summary>schemas/schema-snapshot.v1.schema.json against its fixtures, and the tool's reader and writer against both.</summary>
public sealed class SnapshotSchemaTests
{
    public static string SchemasDirectory => Path.Combine(AppContext.BaseDirectory, "schemas");

    // The schema library registers each $id globally, so the schema is parsed once per test run.
    internal static readonly JsonSchema Snapshot =
        JsonSchema.FromText(File.ReadAllText(Path.Combine(SchemasDirectory, "schema-snapshot.v1.schema.json")));

    public static TheoryData<string> Fixtures(string prefix)
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.GetFiles(Path.Combine(SchemasDirectory, "fixtures", "snapshots"), prefix + "*.json").OrderBy(static p => p, StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(path));
        }

        return data;
    }

    public static TheoryData<string> ValidFixtures() => Fixtures("valid-");

    public static TheoryData<string> InvalidFixtures() => Fixtures("invalid-");

    private static string FixtureText(string name) => File.ReadAllText(Path.Combine(SchemasDirectory, "fixtures", "snapshots", name));

    /// <summary>Evaluates with format checks on; returns the errors, empty when valid.</summary>
    internal static IReadOnlyList<string> Errors(string json)
    {
        var result = Snapshot.Evaluate(JsonDocument.Parse(json).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        if (result.IsValid)
        {
            return [];
        }

        var errors = (result.Details ?? []).Where(static d => d.Errors is { Count: > 0 }).SelectMany(static d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")).ToList();
        return errors.Count == 0 ? ["invalid"] : errors;
    }

    [Fact]
    public void ThereAreValidAndInvalidFixtures()
    {
        Assert.True(ValidFixtures().Count >= 3);
        Assert.True(InvalidFixtures().Count >= 5);
    }

    [Theory]
    [MemberData(nameof(ValidFixtures))]
    public void ValidFixturesFollowTheSchema(string fixture)
    {
        Assert.Empty(Errors(FixtureText(fixture)));
    }

    [Theory]
    [MemberData(nameof(InvalidFixtures))]
    public void TheSchemaRejectsInvalidFixtures(string fixture)
    {
        Assert.NotEmpty(Errors(FixtureText(fixture)));
    }

    [Theory]
    [MemberData(nameof(ValidFixtures))]
    public void TheToolReadsEveryValidFixture(string fixture)
    {
        var snapshot = SnapshotReader.ReadSnapshot(FixtureText(fixture));
        Assert.Empty(Errors(snapshot.ToJson()));
        Assert.Empty(SnapshotComparer.Differences(snapshot, SnapshotReader.ReadSnapshot(snapshot.ToJson())));
    }

    [Theory]
    [InlineData("invalid-format-version.json", "formatVersion")]
    [InlineData("invalid-missing-taken-at.json", "takenAt")]
    [InlineData("invalid-column-without-nullable.json", "nullable")]
    [InlineData("invalid-table-without-primary-key-member.json", "primaryKey")]
    [InlineData("invalid-constraint-without-type.json", "type")]
    [InlineData("invalid-nullable-as-string.json", "nullable")]
    public void TheToolRefusesWhatTheSchemaRefuses(string fixture, string member)
    {
        var e = Assert.Throws<MalformedSchemaException>(() => SnapshotReader.ReadSnapshot(FixtureText(fixture)));
        Assert.Contains(member, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("valid-vehicles.json")]
    [InlineData("valid-keyless-unknown-type.json")]
    public void TheToolWritesTheDocumentedLayoutByteForByte(string fixture)
    {
        // These fixtures are written in the file layout (2-space indentation, documented member order, trailing
        // newline), so reading and writing them back must give the same text.
        var text = FixtureText(fixture).Replace("\r\n", "\n", StringComparison.Ordinal);
        Assert.Equal(text, SnapshotReader.ReadSnapshot(text).ToJson());
    }
}
