using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Skaftin.Realtime.Generator.Tests;

/// <summary>
/// The declared tables checked against a schema snapshot (SKR030–SKR036): each diagnostic on a compilation with a
/// snapshot additional file and the SkaftinSchemaSnapshot property, where it is reported and what it says. Every run
/// is also a caching run (<see cref="IncrementalAssert"/>).
/// </summary>
public sealed class SnapshotDiagnosticTests
{
    // The agreed format's example, with a few more columns of other types.
    private const string Snapshot = """
        {
          "formatVersion": 1,
          "projectId": "demo",
          "takenAt": "2026-12-07T13:00:00.000Z",
          "source": "http://localhost:4006",
          "tables": [
            {
              "name": "vehicles",
              "primaryKey": "id",
              "columns": [
                { "name": "id", "type": "integer", "nullable": false, "primaryKey": true },
                { "name": "registration_number", "type": "text", "nullable": false },
                { "name": "status", "type": "text", "nullable": false, "default": "in_service" },
                { "name": "capacity", "type": "integer", "nullable": true },
                { "name": "mileage", "type": "bigint", "nullable": false, "default": 0 },
                { "name": "in_service", "type": "boolean", "nullable": false, "default": true },
                { "name": "bought_at", "type": "timestamp", "nullable": true },
                { "name": "tracker", "type": "geometry", "nullable": true }
              ],
              "constraints": [ { "name": "vehicles_reg_unique", "type": "unique", "columns": ["registration_number"] } ]
            }
          ]
        }

        """;

    private const string Usings = """
        using System;
        using Skaftin.Realtime;

        """;

    [Fact]
    public void AMatchingModelHasNoDiagnostic()
    {
        var diagnostics = Run(Usings + """
            [SkaftinTable("vehicles")]
            public sealed record Vehicle(int Id, string RegistrationNumber, string Status, int? Capacity, long Mileage, bool InService, DateTimeOffset? BoughtAt, string? Tracker);
            """);
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void SKR030_TableNotInSnapshot()
    {
        var diagnostics = Run(Usings + """
            [SkaftinTable("vehicles")]
            public sealed record Vehicle(int Id, string RegistrationNumber);
            [SkaftinTable("trucks")]
            public sealed record Truck(int Id);
            """);
        var d = Assert.Single(diagnostics);
        Assert.Equal(("SKR030", DiagnosticSeverity.Warning, "Truck"), (d.Id, d.Severity, d.At));
        Assert.Equal("'Truck' reads table 'trucks', which the schema snapshot '/app/skaftin.schema.json' does not have; correct the table name, create the table on the backend, or pull the snapshot again", d.Message);
    }

    [Fact]
    public void SKR031_ColumnNotInTable()
    {
        var diagnostics = Run(Usings + """
            [SkaftinTable("vehicles")]
            public sealed record Vehicle(int Id, string RegistrationNumber, string Colour);
            """);
        var d = Assert.Single(diagnostics);
        Assert.Equal(("SKR031", DiagnosticSeverity.Warning, "Colour"), (d.Id, d.Severity, d.At));
        Assert.Equal("Member 'Colour' of 'Vehicle' reads column 'colour', which table 'vehicles' does not have in the schema snapshot; correct the name (or [SkaftinColumn]), or leave the member out with [SkaftinIgnore]", d.Message);
    }

    [Fact]
    public void SKR032_MemberTypeCannotHoldTheColumn()
    {
        var diagnostics = Run(Usings + """
            [SkaftinTable("vehicles")]
            public sealed record Vehicle(int Id, bool RegistrationNumber, int Mileage, string InService);
            """);
        Assert.Equal(
            new[]
            {
                ("SKR032", DiagnosticSeverity.Warning, "RegistrationNumber", "Member 'RegistrationNumber' of 'Vehicle' has type 'bool', which cannot hold column 'registration_number' of backend type 'text'; use string, or an enum read by name"),
                ("SKR032", DiagnosticSeverity.Warning, "Mileage", "Member 'Mileage' of 'Vehicle' has type 'int', which cannot hold column 'mileage' of backend type 'bigint'; use long or decimal"),
                ("SKR032", DiagnosticSeverity.Warning, "InService", "Member 'InService' of 'Vehicle' has type 'string', which cannot hold column 'in_service' of backend type 'boolean'; use bool"),
            },
            diagnostics.Select(static d => (d.Id, d.Severity, d.At, d.Message)));
    }

    [Fact]
    public void SKR032_JsonElementAndUnknownBackendTypesAreNotChecked()
    {
        var diagnostics = Run(Usings + """
            [SkaftinTable("vehicles")]
            public sealed record Vehicle(int Id, string RegistrationNumber, System.Text.Json.JsonElement Mileage, int? Tracker);
            """);
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void SKR033_NonNullableMemberForANullableColumn()
    {
        var diagnostics = Run(Usings + """
            [SkaftinTable("vehicles")]
            public sealed record Vehicle(int Id, string RegistrationNumber, int Capacity);
            """);
        var d = Assert.Single(diagnostics);
        Assert.Equal(("SKR033", DiagnosticSeverity.Warning, "Capacity"), (d.Id, d.Severity, d.At));
        Assert.Equal("Column 'capacity' of table 'vehicles' is nullable, but member 'Capacity' of 'Vehicle' has the non-nullable type 'int'; a row with null in that column fails to decode; make the member nullable", d.Message);
    }

    [Fact]
    public void SKR034_RequiredColumnWithoutMember()
    {
        // status has a default and id is the key: only registration_number is required.
        var diagnostics = Run(Usings + """
            [SkaftinTable("vehicles")]
            public sealed record Vehicle(int Id, int? Capacity);
            """);
        var d = Assert.Single(diagnostics);
        Assert.Equal(("SKR034", DiagnosticSeverity.Info, "Vehicle"), (d.Id, d.Severity, d.At));
        Assert.Equal("Column 'registration_number' of table 'vehicles' is required (not nullable, no default), and 'Vehicle' has no member for it; rows it inserts must set the column", d.Message);
    }

    [Fact]
    public void SKR035_KeyDiffersFromThePrimaryKey()
    {
        var diagnostics = Run(Usings + """
            [SkaftinTable("vehicles")]
            public sealed record Vehicle([property: SkaftinKey] string RegistrationNumber, int Id);
            """);
        var d = Assert.Single(diagnostics);
        Assert.Equal(("SKR035", DiagnosticSeverity.Warning, "RegistrationNumber"), (d.Id, d.Severity, d.At));
        Assert.Equal("The key of 'Vehicle' is column 'registration_number', but the primary key of table 'vehicles' in the schema snapshot is 'id'; mark the member of the primary-key column with [SkaftinKey]", d.Message);
    }

    [Fact]
    public void SKR036_MalformedJsonIsOneDiagnosticInTheFile()
    {
        var broken = Snapshot.Replace("\"nullable\": true }", "\"nullable\": true, }");
        var diagnostics = Run(Usings + """
            [SkaftinTable("vehicles")]
            public sealed record Vehicle(int Id, bool RegistrationNumber);
            """, broken);

        // The model disagrees with the snapshot (bool for text), but a snapshot that cannot be read checks nothing.
        var d = Assert.Single(diagnostics);
        Assert.Equal(("SKR036", DiagnosticSeverity.Warning), (d.Id, d.Severity));
        Assert.Equal("The schema snapshot '/app/skaftin.schema.json' cannot be used: it is not valid JSON (a property name (a string in double quotes) was expected); the tables are not checked against it", d.Message);
        Assert.Equal("/app/skaftin.schema.json", d.Location.GetLineSpan().Path);
        var line = broken.Split('\n')[d.Location.GetLineSpan().StartLinePosition.Line];
        Assert.Contains("\"nullable\": true, }", line);
    }

    [Theory]
    [InlineData("2", "its formatVersion is 2, and this version of Skaftin.Realtime reads format version 1; pull the snapshot again with a matching version of the tool, or update the package")]
    [InlineData("\"1\"", "its formatVersion is a string, and this version of Skaftin.Realtime reads format version 1; pull the snapshot again with a matching version of the tool, or update the package")]
    public void SKR036_WrongFormatVersion(string version, string reason)
    {
        var diagnostics = Run(Usings + """
            [SkaftinTable("vehicles")]
            public sealed record Vehicle(int Id, string RegistrationNumber);
            """, Snapshot.Replace("\"formatVersion\": 1", "\"formatVersion\": " + version));
        var d = Assert.Single(diagnostics);
        Assert.Equal("SKR036", d.Id);
        Assert.Equal($"The schema snapshot '/app/skaftin.schema.json' cannot be used: {reason}; the tables are not checked against it", d.Message);
    }

    [Theory]
    [InlineData("[]", "the file is an array, not an object")]
    [InlineData("", "it is not valid JSON (the JSON ends where a value was expected)")]
    [InlineData("{\"formatVersion\": 1}", "the file has no 'tables'")]
    [InlineData("{\"formatVersion\": 1, \"tables\": [{\"name\": \"vehicles\", \"primaryKey\": \"id\", \"columns\": [{\"name\": \"id\", \"type\": \"integer\", \"nullable\": \"no\"}]}]}", "the nullable of column 'id' of table 'vehicles' is a string, not true or false")]
    public void SKR036_WrongShape(string json, string reason)
    {
        var diagnostics = Run(Usings + """
            [SkaftinTable("vehicles")]
            public sealed record Vehicle(int Id);
            """, json);
        var d = Assert.Single(diagnostics);
        Assert.Equal($"The schema snapshot '/app/skaftin.schema.json' cannot be used: {reason}; the tables are not checked against it", d.Message);
    }

    [Fact]
    public void SKR036_PropertyNamesAFileThatIsNotAnAdditionalFile()
    {
        var diagnostics = Run(Usings + """
            [SkaftinTable("vehicles")]
            public sealed record Vehicle(int Id);
            """, Snapshot, property: "schema/other.json");
        var d = Assert.Single(diagnostics);
        Assert.Equal(("SKR036", Location.None), (d.Id, d.Location));
        Assert.StartsWith("The schema snapshot 'schema/other.json' cannot be used: no additional file of the compilation is that file;", d.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutThePropertyNothingIsReadAndNothingReported()
    {
        var text = new TestProject.InMemoryText("/app/skaftin.schema.json", Snapshot);
        var project = new TestProject(new[] { text }, new Dictionary<string, string> { ["ProjectDir"] = "/app/" });
        var compilation = GeneratorHarness.CreateCompilation(new[] { Usings + """
            [SkaftinTable("trucks")]
            public sealed record Truck(int Id, bool Colour);
            """ });
        var result = IncrementalAssert.RunTwiceAndAssertCached(compilation, LanguageVersion.CSharp12, project);

        Assert.Empty(result.Diagnostics);
        Assert.Equal(0, text.Reads);
        Assert.NotEmpty(result.Results.Single().GeneratedSources);
    }

    [Fact]
    public void TheSnapshotDoesNotChangeTheGeneratedCode()
    {
        var source = Usings + """
            [SkaftinTable("vehicles")]
            public sealed record Vehicle(int Id, bool RegistrationNumber, int Capacity);
            """;
        var compilation = GeneratorHarness.CreateCompilation(new[] { source });
        var with = GeneratorHarness.Run(compilation, LanguageVersion.CSharp12, project: TestProject.WithSnapshot(Snapshot)).GetRunResult();
        var without = GeneratorHarness.Run(compilation, LanguageVersion.CSharp12).GetRunResult();

        Assert.Equal(new[] { "SKR032", "SKR033" }, with.Diagnostics.Select(static d => d.Id));
        Assert.Equal(
            without.Results.Single().GeneratedSources.Select(static s => (s.HintName, s.SourceText.ToString())),
            with.Results.Single().GeneratedSources.Select(static s => (s.HintName, s.SourceText.ToString())));
    }

    [Theory]
    [InlineData("skaftin.schema.json")]
    [InlineData("./skaftin.schema.json")]
    [InlineData("/app/skaftin.schema.json")]
    [InlineData("sub/../skaftin.schema.json")]
    public void ThePropertyFindsTheFileRelativeToTheProjectOrRooted(string property)
    {
        var diagnostics = Run(Usings + """
            [SkaftinTable("trucks")]
            public sealed record Truck(int Id);
            """, property: property);
        Assert.Equal("SKR030", Assert.Single(diagnostics).Id);
    }

    [Fact]
    public void TheDiagnosticIsInTheModelsSyntaxTree()
    {
        // Reported in the model's syntax tree, so dotnet_diagnostic.SKR031.severity applies as to the compiler's own.
        var source = Usings + """
            [SkaftinTable("vehicles")]
            public sealed record Vehicle(int Id, string RegistrationNumber, string Colour);
            """;
        var compilation = GeneratorHarness.CreateCompilation(new[] { source });
        var driver = GeneratorHarness.Run(compilation, LanguageVersion.CSharp12, project: TestProject.WithSnapshot(Snapshot));
        driver.RunGeneratorsAndUpdateCompilation(compilation, out _, out var diagnostics);
        var d = Assert.Single(diagnostics);
        Assert.Same(compilation.SyntaxTrees.Single(), d.Location.SourceTree);
    }

    private static List<Reported> Run(string source, string snapshot = Snapshot, string property = "skaftin.schema.json")
    {
        var compilation = GeneratorHarness.CreateCompilation(new[] { source });
        var result = IncrementalAssert.RunTwiceAndAssertCached(compilation, LanguageVersion.CSharp12, TestProject.WithSnapshot(snapshot, property));
        return result.Diagnostics
            .Select(static d => new Reported(
                d.Id,
                d.Severity,
                d.Location.SourceTree is { } tree ? tree.GetText().ToString(d.Location.SourceSpan) : "",
                d.GetMessage(CultureInfo.InvariantCulture),
                d.Location))
            .ToList();
    }

    private sealed record Reported(string Id, DiagnosticSeverity Severity, string At, string Message, Location Location);
}
