using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using CsCheck;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;
using Xunit.Abstractions;

namespace Skaftin.Realtime.Generator.Tests.Fuzz;

/// <summary>
/// Issue 21, "the app does not build, or builds without any table", closed as a class: for random compilations of
/// several models (<see cref="FuzzModelGen"/>), the generator either emits code that compiles under
/// warnings-as-errors with no diagnostic in generated files, or reports a named SKR diagnostic on the model's own
/// declaration; it never throws, and a bad model never costs the others their code.
/// The normal run is fixed (a seed per compilation derived from one constant); <c>SKAFTIN_FUZZ_NIGHTLY=1</c> runs
/// ten times as many from a random start; a failure prints its seed, and <c>SKAFTIN_FUZZ_SEED=…</c> replays it.
/// </summary>
public sealed class ModelFuzzTests
{
    private const ulong FixedStart = 0x5CAF_7121UL;

    private readonly ITestOutputHelper _output;

    public ModelFuzzTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void EveryRandomCompilationBuildsOrTheGeneratorNamesTheProblemOnTheModel()
    {
        var replay = Environment.GetEnvironmentVariable("SKAFTIN_FUZZ_SEED");
        var nightly = Environment.GetEnvironmentVariable("SKAFTIN_FUZZ_NIGHTLY") == "1";
        var start = nightly ? (ulong)Random.Shared.NextInt64() : FixedStart;
        var units = replay is not null ? 1 : nightly ? 2_500 : 270;
        var counts = new FuzzCounts();
        var failures = new System.Collections.Concurrent.ConcurrentDictionary<int, string>();
        var run = 0;

        // Compilations are independent, so they run in parallel; each one's seed, and so the whole run, stays fixed.
        System.Threading.Tasks.Parallel.For(0, units, new System.Threading.Tasks.ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, (i, state) =>
        {
            if (failures.Count >= 3)
            {
                state.Stop();
                return;
            }

            System.Threading.Interlocked.Increment(ref run);
            var seed = replay ?? new PCG(1, start + (ulong)i).ToString();
            var unit = FuzzModelGen.Unit.Generate(PCG.Parse(seed), null, out _);
            counts.AddChoices(unit.Choices, unit.Used);
            var problem = FuzzOracle.Check(unit, counts);
            if (problem is not null)
            {
                failures[i] = $"seed {seed} (replay with SKAFTIN_FUZZ_SEED={seed}):\n{problem}\n--- the models ---\n{unit}";
            }
        });

        _output.WriteLine($"{run} compilations, {counts.Models} models: {counts.WithCode} with generated code, {counts.Refused} refused with an SKR error; choices drawn {counts.Choices}, used {counts.Used}, {counts.Exhausted} streams used up; SKR diagnostics: {string.Join(", ", counts.Ids.Select(static p => p.Key + " x" + p.Value))}");
        Assert.True(failures.IsEmpty, string.Join("\n\n=====\n\n", failures.OrderBy(static f => f.Key).Select(static f => f.Value)));
        Assert.True(replay is not null || counts.Models >= 2_000, $"only {counts.Models} models were generated");
        Assert.True(replay is not null || (counts.WithCode > counts.Models / 4 && counts.Refused > 0), $"a one-sided run: {counts.WithCode} with code, {counts.Refused} refused");
    }
}

// Shared by the parallel compilations: updated under its own lock.
internal sealed class FuzzCounts
{
    public int Models;
    public int WithCode;
    public int Refused;
    public readonly SortedDictionary<string, int> Ids = new(StringComparer.Ordinal);

    public long Choices;
    public long Used;
    public int Exhausted;

    public void AddChoices(int choices, int used)
    {
        lock (Ids)
        {
            Choices += choices;
            Used += used;
            Exhausted += used >= choices ? 1 : 0;
        }
    }

    public void Add(int models, int withCode, int refused, IEnumerable<string> ids)
    {
        lock (Ids)
        {
            Models += models;
            WithCode += withCode;
            Refused += refused;
            foreach (var id in ids)
            {
                Ids[id] = Ids.GetValueOrDefault(id) + 1;
            }
        }
    }
}

/// <summary>The property one compilation is held to.</summary>
internal static class FuzzOracle
{
    private const string EnumsPath = "/0/Enums.cs";

    public static string? Check(FuzzUnit unit, FuzzCounts counts)
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.CSharp12, DocumentationMode.Diagnose);
        var sources = unit.Sources();
        var trees = sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, parseOptions, path: i < unit.Models.Count ? unit.Models[i].Path : EnumsPath)).ToArray();
        var options = new CSharpCompilationOptions(
            OutputKind.DynamicallyLinkedLibrary,
            nullableContextOptions: unit.NullableEnabled ? NullableContextOptions.Enable : NullableContextOptions.Disable,
            generalDiagnosticOption: ReportDiagnostic.Error);
        var compilation = CSharpCompilation.Create("Fuzz", trees, GeneratorHarness.References, options);

        // The user's code alone may fail only where the model means it to: using an [Experimental] or
        // [Obsolete(error: true)] declaration. Anything else is a slip of the model generator.
        var before = compilation.GetDiagnostics();
        var slip = before.FirstOrDefault(static d => d.Severity == DiagnosticSeverity.Error && !d.IsWarningAsError
            && d.Id is not ("CS0619" or "FUZZEXP1"));
        if (slip is not null)
        {
            return "the model generator wrote invalid C#: " + slip;
        }

        GeneratorDriver driver = CSharpGeneratorDriver.Create(new[] { new SkaftinRealtimeGenerator().AsSourceGenerator() }, parseOptions: parseOptions);
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        var run = driver.GetRunResult();
        if (run.Results[0].Exception is { } exception)
        {
            return "the generator threw: " + exception;
        }

        var userPaths = trees.Select(static t => t.FilePath).ToHashSet(StringComparer.Ordinal);
        foreach (var diagnostic in generatorDiagnostics)
        {
            if (!diagnostic.Id.StartsWith("SKR", StringComparison.Ordinal))
            {
                return "a diagnostic that is not an SKR one: " + diagnostic;
            }

            if (!diagnostic.Location.IsInSource || !userPaths.Contains(diagnostic.Location.SourceTree!.FilePath))
            {
                return "an SKR diagnostic not located in the user's code: " + diagnostic;
            }

        }

        var generated = run.GeneratedTrees.ToImmutableHashSet();
        var after = output.GetDiagnostics().Where(static d => d.Severity >= DiagnosticSeverity.Warning || d.IsWarningAsError).ToList();
        var inGenerated = after.Where(d => d.Location.SourceTree is { } tree && generated.Contains(tree)).ToList();
        if (inGenerated.Count > 0)
        {
            return "diagnostics in generated code:\n" + string.Join("\n", inGenerated.Take(8).Select(d => d + "\n    > " + LineOf(d)));
        }

        var known = before.Select(Key).ToHashSet(StringComparer.Ordinal);
        var added = after.Where(d => !known.Contains(Key(d))).ToList();
        if (added.Count > 0)
        {
            return "generated code caused diagnostics outside generated files:\n" + string.Join("\n", added.Take(8));
        }

        var readers = ReadModels(output, generated);
        var refusedPaths = generatorDiagnostics.Where(static d => d.Severity == DiagnosticSeverity.Error)
            .Select(static d => d.Location.SourceTree!.FilePath).ToHashSet(StringComparer.Ordinal);
        var withCode = 0;
        foreach (var model in unit.Models)
        {
            var symbol = output.GetTypeByMetadataName(model.MetadataName);
            if (symbol is null)
            {
                return "the model generator's metadata name does not resolve: " + model.MetadataName;
            }

            if (readers.Contains(symbol))
            {
                withCode++;
            }
            else if (!refusedPaths.Contains(model.Path))
            {
                return $"model {model.MetadataName} ({model.Path}) got no generated reader and no SKR error; the generator said:\n"
                    + string.Join("\n", generatorDiagnostics);
            }
        }

        counts.Add(unit.Models.Count, withCode, unit.Models.Count - withCode, generatorDiagnostics.Select(static d => d.Id));
        return null;
    }

    // The models a generated reader reads: the row type of every class deriving from SkaftinRowReader<TRow, TKey>.
    private static HashSet<ISymbol> ReadModels(Compilation output, ImmutableHashSet<SyntaxTree> generated)
    {
        var models = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        foreach (var tree in generated)
        {
            var semantic = output.GetSemanticModel(tree);
            foreach (var declaration in tree.GetRoot().DescendantNodes().OfType<ClassDeclarationSyntax>())
            {
                for (var type = semantic.GetDeclaredSymbol(declaration)?.BaseType; type is not null; type = type.BaseType)
                {
                    if (type.Name == "SkaftinRowReader" && type.TypeArguments.Length == 2)
                    {
                        models.Add(type.TypeArguments[0]);
                    }
                }
            }
        }

        return models;
    }

    private static string Key(Diagnostic d) => d.Id + "@" + d.Location.SourceTree?.FilePath + ":" + d.Location.SourceSpan;

    private static string LineOf(Diagnostic d)
    {
        if (d.Location.SourceTree is not { } tree)
        {
            return "";
        }

        var line = d.Location.GetLineSpan().StartLinePosition.Line;
        return tree.GetText().Lines[line].ToString().Trim();
    }
}
