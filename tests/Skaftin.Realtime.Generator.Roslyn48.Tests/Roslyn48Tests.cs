using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Skaftin.Realtime.Generator.Tests;

/// <summary>
/// The generator on Roslyn 4.8 (the .NET 8 SDK / VS 17.8 floor): it loads, runs through
/// <see cref="CSharpGeneratorDriver"/>, writes exactly the snapshot baselines, the output compiles warning-free
/// in every nullable context, and its diagnostics arrive.
/// </summary>
public sealed class Roslyn48Tests
{
    public static readonly TheoryData<string, string> Snapshots = new()
    {
        { nameof(SnapshotSources.PositionalRecord), SnapshotSources.PositionalRecord },
        { nameof(SnapshotSources.ClassWithInitProperties), SnapshotSources.ClassWithInitProperties },
        { nameof(SnapshotSources.EverySupportedType), SnapshotSources.EverySupportedType },
        { nameof(SnapshotSources.NullablesAndDefaults), SnapshotSources.NullablesAndDefaults },
        { nameof(SnapshotSources.ColumnRenames), SnapshotSources.ColumnRenames },
        { nameof(SnapshotSources.TwoTablesInOneAssembly), SnapshotSources.TwoTablesInOneAssembly },
        { nameof(SnapshotSources.NullableKeys), SnapshotSources.NullableKeys },
        { nameof(SnapshotSources.GlobalNamespaceAndNestedModel), SnapshotSources.GlobalNamespaceAndNestedModel },
        { nameof(SnapshotSources.ObsoleteAndExperimentalDeclarations), SnapshotSources.ObsoleteAndExperimentalDeclarations },
        { nameof(SnapshotSources.CaseOnlyNamesInAKeywordNamespace), SnapshotSources.CaseOnlyNamesInAKeywordNamespace },
        { nameof(SnapshotSources.NamesEscapedForTheirContext), SnapshotSources.NamesEscapedForTheirContext },
        { nameof(ProjectEventSnapshotSources.ProjectEventRecord), ProjectEventSnapshotSources.ProjectEventRecord },
        { nameof(ProjectEventSnapshotSources.ProjectEventNextToATableOfTheSameName), ProjectEventSnapshotSources.ProjectEventNextToATableOfTheSameName },
    };

    private static readonly IReadOnlyList<MetadataReference> References = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
        .Split(Path.PathSeparator)
        .Where(static path => Path.GetFileName(path).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(path) is "netstandard.dll" or "mscorlib.dll")
        .Select(static path => (MetadataReference)MetadataReference.CreateFromFile(path))
        .Append(MetadataReference.CreateFromFile(typeof(SkaftinTableAttribute).Assembly.Location))
        .ToList();

    [Fact]
    public void TheLoadedRoslynIsTheFloor()
    {
        Assert.Equal(new Version(4, 8, 0, 0), typeof(CSharpCompilation).Assembly.GetName().Version);
        Assert.Equal(new Version(4, 8, 0, 0), typeof(Compilation).Assembly.GetName().Version);
    }

    [Theory]
    [MemberData(nameof(Snapshots))]
    public void WritesTheSnapshotBaselines(string test, string source)
    {
        var (output, diagnostics, generated) = Run(source, NullableContextOptions.Enable);
        Assert.Empty(diagnostics);

        var folder = Path.Combine(BaselineRoot(), test);
        var expected = Directory.GetFiles(folder, "*.cs").OrderBy(static p => p, StringComparer.Ordinal).ToList();
        Assert.Equal(expected.Select(Path.GetFileName), generated.Select(static g => g.HintName).OrderBy(static n => n, StringComparer.Ordinal));
        foreach (var result in generated)
        {
            var baseline = File.ReadAllText(Path.Combine(folder, result.HintName));
            Assert.Equal(baseline, GeneratorVersionScrubber.Scrub(result.SourceText.ToString()));
        }

        AssertCompilesWarningFree(output);
    }

    [Theory]
    [InlineData(NullableContextOptions.Enable)]
    [InlineData(NullableContextOptions.Disable)]
    [InlineData(NullableContextOptions.Annotations)]
    [InlineData(NullableContextOptions.Warnings)]
    public void EverySupportedTypeCompilesInEveryNullableContext(NullableContextOptions nullable)
    {
        var (output, diagnostics, generated) = Run(SnapshotSources.EverySupportedType, nullable);
        Assert.Empty(diagnostics);
        Assert.NotEmpty(generated);
        AssertCompilesWarningFree(output);
    }

    [Fact]
    public void DiagnosticsArrive()
    {
        var (_, diagnostics, generated) = Run("""
            using System.Collections.Generic;
            using Skaftin.Realtime;
            public sealed record Address(string Street);
            [SkaftinTable("customers")]
            public sealed record Customer(int Id, Address Home);
            [SkaftinTable("boxes")]
            public sealed record Box<T>(int Id, T Value);
            """, NullableContextOptions.Enable);

        Assert.Empty(generated);
        Assert.Equal(new[] { "SKR001", "SKR004" }, diagnostics.Select(static d => d.Id).OrderBy(static id => id, StringComparer.Ordinal));
        Assert.All(diagnostics, static d => Assert.Equal(DiagnosticSeverity.Error, d.Severity));
        Assert.All(diagnostics, static d => Assert.True(d.Location.IsInSource, $"{d.Id} has no source location"));
    }

    [Fact]
    public void SchemaSnapshotDiagnosticsArrive()
    {
        const string Snapshot = """
            { "formatVersion": 1, "projectId": "demo", "takenAt": "2026-12-07T13:00:00.000Z", "source": "http://localhost:4006",
              "tables": [ { "name": "vehicles", "primaryKey": "id", "columns": [
                { "name": "id", "type": "integer", "nullable": false, "primaryKey": true },
                { "name": "mileage", "type": "bigint", "nullable": false },
                { "name": "capacity", "type": "integer", "nullable": true } ], "constraints": [] } ] }
            """;
        var (_, diagnostics, generated) = Run("""
            using Skaftin.Realtime;
            [SkaftinTable("vehicles")]
            public sealed record Vehicle(int Id, int Mileage, int Capacity, string Colour);
            [SkaftinTable("trucks")]
            public sealed record Truck(int Id);
            """, NullableContextOptions.Enable, TestProject.WithSnapshot(Snapshot));

        Assert.Equal(2, generated.Count);
        Assert.Equal(new[] { "SKR030", "SKR031", "SKR032", "SKR033" }, diagnostics.Select(static d => d.Id).OrderBy(static id => id, StringComparer.Ordinal));
        Assert.All(diagnostics, static d => Assert.True(d.Location.IsInSource, $"{d.Id} has no source location"));
    }

    private static (Compilation Output, IReadOnlyList<Diagnostic> Diagnostics, IReadOnlyList<GeneratedSourceResult> Generated) Run(string source, NullableContextOptions nullable, TestProject? project = null)
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.CSharp12);
        var compilation = CSharpCompilation.Create(
            "Roslyn48",
            new[] { CSharpSyntaxTree.ParseText(source, parseOptions, path: "/0/Models.cs") },
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: nullable, warningLevel: 9999)
                // As the .NET SDK does: the runtime's System.* (10.0) stand in for the 8.0 ones the runtime library names.
                .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic> { ["CS1701"] = ReportDiagnostic.Suppress, ["CS1702"] = ReportDiagnostic.Suppress }));
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new[] { new SkaftinRealtimeGenerator().AsSourceGenerator() },
            additionalTexts: project?.AdditionalTexts,
            parseOptions: parseOptions,
            optionsProvider: project?.Options);
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        return (output, diagnostics, driver.GetRunResult().Results.Single().GeneratedSources);
    }

    // Warnings as errors: any warning or error in the whole output fails, whichever file it is in.
    private static void AssertCompilesWarningFree(Compilation output)
    {
        var problems = output.GetDiagnostics().Where(static d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private static string BaselineRoot([CallerFilePath] string file = "") =>
        Path.Combine(Path.GetDirectoryName(file)!, "..", "Skaftin.Realtime.Generator.Tests", "Baselines");
}
