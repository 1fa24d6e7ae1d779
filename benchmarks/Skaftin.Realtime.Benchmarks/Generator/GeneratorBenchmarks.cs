using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Skaftin.Realtime.Generator;

namespace Skaftin.Realtime.Benchmarks.Generator;

/// <summary>In-memory projects of N tables for the generator, referencing the running framework and the runtime.</summary>
public static class GeneratorProjects
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.CSharp12);

    private static readonly Lazy<ImmutableArray<MetadataReference>> LazyReferences = new(LoadReferences);

    public static ImmutableArray<MetadataReference> References => LazyReferences.Value;

    /// <summary>One file per table (a vehicle-like 8-column record), a shared enum, and one unrelated file (last).</summary>
    public static CSharpCompilation Create(int tables)
    {
        var trees = new List<SyntaxTree>(tables + 2)
        {
            Parse("namespace App.Models;\n\npublic enum Status { Available, InService, OutOfService }\n", "/app/Models/Status.cs"),
        };
        for (var i = 0; i < tables; i++)
        {
            trees.Add(Parse(TableSource(i), $"/app/Models/Row{i:D4}.cs"));
        }

        trees.Add(Parse(UnrelatedSource(0), "/app/Program.cs"));
        return CSharpCompilation.Create(
            "App",
            trees,
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
    }

    /// <summary>The compilation with its unrelated file (the last tree) edited; <paramref name="edit"/> makes each edit distinct.</summary>
    public static CSharpCompilation EditUnrelated(CSharpCompilation compilation, int edit)
    {
        var old = compilation.SyntaxTrees.Last();
        return compilation.ReplaceSyntaxTree(old, Parse(UnrelatedSource(edit), old.FilePath));
    }

    public static GeneratorDriver CreateDriver(bool trackSteps = false, IIncrementalGenerator? generator = null) =>
        CSharpGeneratorDriver.Create(
            new[] { (generator ?? new SkaftinRealtimeGenerator()).AsSourceGenerator() },
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

    private static string TableSource(int i) => $$"""
        using System;
        using Skaftin.Realtime;

        namespace App.Models;

        [SkaftinTable("table_{{i:D4}}")]
        public sealed record Row{{i:D4}}(
            [property: SkaftinKey] long Id,
            string Name,
            Status Status,
            int? Capacity,
            bool Active,
            decimal Fare,
            DateTimeOffset CreatedAt,
            Guid DepotId);
        """;

    private static string UnrelatedSource(int edit) => $$"""
        namespace App;

        public static class Program
        {
            public static int Main() => {{edit}};
        }
        """;

    private static SyntaxTree Parse(string text, string path) => CSharpSyntaxTree.ParseText(text, ParseOptions, path, Encoding.UTF8);

    // The running runtime's framework assemblies (from the trusted platform assemblies) and the Skaftin runtime.
    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        var runtime = typeof(SkaftinTableAttribute).Assembly.Location;
        var frameworkDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var tpa = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        return tpa
            .Where(path => string.Equals(Path.GetDirectoryName(path), frameworkDirectory, StringComparison.Ordinal))
            .Append(runtime)
            .Distinct(StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    }

    /// <summary>Runs the generator once and checks it wrote one file per table and reported nothing.</summary>
    public static void CheckOutput(GeneratorDriver driver, int tables)
    {
        var result = driver.GetRunResult();
        if (result.Diagnostics.Length > 0 || result.GeneratedTrees.Length != tables)
        {
            throw new InvalidOperationException(
                $"Expected {tables} generated files and no diagnostics; got {result.GeneratedTrees.Length} files and: " +
                string.Join("; ", result.Diagnostics.Select(d => d.ToString())));
        }
    }
}

/// <summary>
/// A full generator run over a project of N tables, as on a clean build: a fresh driver over a fresh copy of the
/// compilation (<see cref="Compilation.Clone"/> keeps the parsed trees but no bound symbols, so the binding the
/// generator asks for is paid each time; parsing the sources is not, the compiler does it anyway).
/// </summary>
[MemoryDiagnoser]
public class GeneratorFullRun
{
    private CSharpCompilation _compilation = null!;

    [Params(10, 100, 1000)]
    public int Tables { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _compilation = GeneratorProjects.Create(Tables);
        GeneratorProjects.CheckOutput(Run(), Tables);
    }

    [Benchmark]
    public GeneratorDriver Run() => GeneratorProjects.CreateDriver().RunGenerators(_compilation.Clone());
}

/// <summary>
/// A re-run after an unrelated edit in the 1,000-table project (what the IDE and an incremental build pay per
/// keystroke elsewhere): the driver that already ran, a compilation whose one non-model file changed.
/// Setup checks that every tracked step and output was cached or unchanged.
/// </summary>
[MemoryDiagnoser]
public class GeneratorIncrementalRun
{
    private const int Tables = 1000;
    private CSharpCompilation _compilation = null!;
    private GeneratorDriver _driver = null!;
    private int _edit;

    [GlobalSetup]
    public void Setup()
    {
        _compilation = GeneratorProjects.Create(Tables);
        CheckEveryStepCached(_compilation);
        _driver = GeneratorProjects.CreateDriver().RunGenerators(_compilation);
        GeneratorProjects.CheckOutput(_driver, Tables);
    }

    [Benchmark]
    public GeneratorDriver RerunAfterUnrelatedEdit()
    {
        _compilation = GeneratorProjects.EditUnrelated(_compilation, ++_edit);
        _driver = _driver.RunGenerators(_compilation);
        return _driver;
    }

    // The generator's own named steps (TrackingNames in the generator) and its outputs; Roslyn's internal steps
    // (the compilation, ForAttributeWithMetadataName's plumbing) are Modified on every edit by design.
    private static readonly string[] GeneratorSteps = { "ParseTables", "TableSpecs", "TableDiagnostics", "TableIdentities", "CrossTableDiagnostics" };

    private static void CheckEveryStepCached(CSharpCompilation compilation)
    {
        var driver = GeneratorProjects.CreateDriver(trackSteps: true).RunGenerators(compilation);
        var result = driver.RunGenerators(GeneratorProjects.EditUnrelated(compilation, -1)).GetRunResult().Results.Single();
        var outputs = GeneratorSteps.SelectMany(name => result.TrackedSteps[name]).SelectMany(step => step.Outputs)
            .Concat(result.TrackedOutputSteps.Values.SelectMany(steps => steps).SelectMany(step => step.Outputs))
            .ToList();
        var ran = outputs.Where(o => o.Reason is not (IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged)).ToList();
        if (outputs.Count == 0 || ran.Count > 0)
        {
            throw new InvalidOperationException(
                $"After an unrelated edit {ran.Count} of {outputs.Count} step outputs re-ran: " +
                string.Join(", ", ran.Take(5).Select(o => o.Reason)));
        }
    }
}

/// <summary>
/// The same 1,000-table project through the Skaftin generator and through two stand-ins that do only the attribute
/// match (<see cref="AttributeOnlyGenerator"/>) or the attribute match plus the constructor/property/attribute symbol
/// work (<see cref="MembersOnlyGenerator"/>): how much of the time is Roslyn's and how much the generator's own.
/// </summary>
[MemoryDiagnoser]
public class GeneratorFloor
{
    private const int Tables = 1000;
    private CSharpCompilation _compilation = null!;
    private GeneratorDriver _driver = null!;
    private int _edit;

    [Params("AttributeOnly", "MembersOnly", "Skaftin")]
    public string Generator { get; set; } = "";

    private IIncrementalGenerator Create() => Generator switch
    {
        "AttributeOnly" => new AttributeOnlyGenerator(),
        "MembersOnly" => new MembersOnlyGenerator(),
        _ => new SkaftinRealtimeGenerator(),
    };

    [GlobalSetup]
    public void Setup()
    {
        _compilation = GeneratorProjects.Create(Tables);
        _driver = GeneratorProjects.CreateDriver(generator: Create()).RunGenerators(_compilation);
        GeneratorProjects.CheckOutput(_driver, Tables);
    }

    [Benchmark]
    public GeneratorDriver FullRun() => GeneratorProjects.CreateDriver(generator: Create()).RunGenerators(_compilation.Clone());

    [Benchmark]
    public GeneratorDriver RerunAfterUnrelatedEdit()
    {
        _compilation = GeneratorProjects.EditUnrelated(_compilation, ++_edit);
        _driver = _driver.RunGenerators(_compilation);
        return _driver;
    }
}
