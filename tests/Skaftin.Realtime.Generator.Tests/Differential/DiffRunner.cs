using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Loader;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Skaftin.Realtime.Generator.Tests.Zoo;

namespace Skaftin.Realtime.Generator.Tests.Differential;

/// <summary>
/// Compiles a batch of random models once, in memory, with both the Skaftin generator and System.Text.Json's own
/// source generator (from the SDK's reference pack, the one the running framework ships), loads the image into a
/// collectible context and reads every row with both: the generated reader and a <see cref="JsonSerializerContext"/>
/// with the same attributes and naming policy.
/// </summary>
internal sealed class DiffRunner
{
    private static readonly string FrameworkVersion = RuntimeEnvironment.GetSystemVersion();

    private static readonly Lazy<(ImmutableArray<MetadataReference> References, ISourceGenerator Json)> Tools = new(LoadTools);

    private readonly List<string> _findings;

    public DiffRunner(List<string> findings) => _findings = findings;

    public int Models { get; private set; }

    public int Rows { get; private set; }

    /// <summary>Rows both read to the same value, or both refused.</summary>
    public int Agreed { get; private set; }

    /// <summary>Rows read equal to System.Text.Json's reading of the same values in the form it takes (a documented lenient form).</summary>
    public int AgreedLeniently { get; private set; }

    /// <summary>Rows refused under a documented stricter rule.</summary>
    public int RefusedStrictly { get; private set; }

    public void Run(IReadOnlyList<(DiffModel Model, DiffRow[] Rows)> batch, string replay)
    {
        var (references, json) = Tools.Value;
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var compilation = CSharpCompilation.Create(
            "DiffBatch",
            batch.Select(b => CSharpSyntaxTree.ParseText(b.Model.Source(), parse, path: $"/diff/M{b.Model.Index}.cs")),
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        GeneratorDriver driver = CSharpGeneratorDriver.Create(new[] { new SkaftinRealtimeGenerator().AsSourceGenerator(), json }, parseOptions: parse);
        driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        foreach (var diagnostic in generatorDiagnostics.Where(static d => d.Severity >= DiagnosticSeverity.Warning))
        {
            _findings.Add($"{replay}: generator diagnostic {diagnostic} in\n{SourceOf(batch, diagnostic)}");
        }

        using var image = new MemoryStream();
        var emit = output.Emit(image);
        if (!emit.Success)
        {
            foreach (var error in emit.Diagnostics.Where(static d => d.Severity == DiagnosticSeverity.Error).Take(5))
            {
                _findings.Add($"{replay}: the batch does not compile: {error} in\n{SourceOf(batch, error)}");
            }

            return;
        }

        var context = new AssemblyLoadContext("diff", isCollectible: true);
        try
        {
            var assembly = context.LoadFromStream(new MemoryStream(image.ToArray()));
            foreach (var (model, rows) in batch)
            {
                Models++;
                Check(assembly, model, rows, replay);
            }
        }
        finally
        {
            context.Unload();
        }
    }

    private void Check(Assembly assembly, DiffModel model, DiffRow[] rows, string replay)
    {
        var modelType = assembly.GetType(model.ModelTypeName)!;
        var readerType = assembly.GetType(model.ReaderTypeName);
        if (readerType is null)
        {
            _findings.Add($"{replay}: no {model.ReaderTypeName} for\n{model.Source()}");
            return;
        }

        var readerBase = readerType.BaseType!;
        while (!readerBase.IsGenericType || readerBase.GetGenericTypeDefinition() != typeof(SkaftinRowReader<,>))
        {
            readerBase = readerBase.BaseType!;
        }

        var instance = readerType.GetProperty("Instance", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
        var ours = (Func<byte[], object>)typeof(DiffRunner).GetMethod(nameof(Bind), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(readerBase.GetGenericArguments()).Invoke(null, new[] { instance })!;
        var contextInstance = (JsonSerializerContext)assembly.GetType(model.ContextTypeName)!.GetProperty("Default", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
        var info = contextInstance.GetTypeInfo(modelType)!;
        var properties = modelType.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(static p => p.Name != "EqualityContract" && p.GetIndexParameters().Length == 0)
            .OrderBy(static p => p.Name, StringComparer.Ordinal)
            .ToList();

        string Canonical(object row) => string.Join("; ", properties.Select(p => p.Name + "=" + ZooValue.Canonical(Normalize(p.GetValue(row)))));

        foreach (var row in rows)
        {
            Rows++;
            var read = Outcome(() => ours(DiffRow.Bytes(row.Ours)));
            if (read.Error is not null and not SkaftinDecodeException)
            {
                Find(model, row, "the reader threw " + read.Error.GetType().Name + " (only SkaftinDecodeException may escape)", read, null, replay);
                continue;
            }

            if (row.Stricter.Count > 0)
            {
                if (read.Error is null)
                {
                    Find(model, row, "read a value a documented stricter rule refuses (" + string.Join(", ", row.Stricter) + ")", read, null, replay);
                }
                else
                {
                    RefusedStrictly++;
                }

                continue;
            }

            var exact = Outcome(() => JsonSerializer.Deserialize(DiffRow.Bytes(row.Exact), info)!);
            if (exact.Error is null)
            {
                // System.Text.Json reads this very row: the reader must read the same.
                if (read.Error is not null)
                {
                    Find(model, row, "refused a row System.Text.Json reads", read, exact, replay);
                }
                else if (Canonical(read.Value!) != Canonical(exact.Value!))
                {
                    Find(model, row, "read another value than System.Text.Json", read, exact, replay, Canonical(read.Value!) + "\n  STJ:    " + Canonical(exact.Value!));
                }
                else
                {
                    Agreed++;
                }

                continue;
            }

            if (row.Lenient.Count == 0)
            {
                if (read.Error is null)
                {
                    Find(model, row, "read a row System.Text.Json refuses, under no documented rule", read, exact, replay);
                }
                else
                {
                    Agreed++;
                }

                continue;
            }

            // A documented lenient form: the reader must read what System.Text.Json reads of the form it takes.
            var theirs = Outcome(() => JsonSerializer.Deserialize(DiffRow.Bytes(row.Theirs), info)!);
            if (theirs.Error is null && read.Error is null && Canonical(read.Value!) != Canonical(theirs.Value!))
            {
                Find(model, row, "read a lenient form (" + string.Join(", ", row.Lenient) + ") as another value", read, theirs, replay, Canonical(read.Value!) + "\n  STJ:    " + Canonical(theirs.Value!));
            }
            else if ((theirs.Error is null) != (read.Error is null))
            {
                Find(model, row, "lenient form (" + string.Join(", ", row.Lenient) + "): one reads, the other refuses", read, theirs, replay);
            }
            else
            {
                AgreedLeniently++;
            }
        }
    }

    private void Find(DiffModel model, DiffRow row, string problem, (object? Value, Exception? Error) ours, (object? Value, Exception? Error)? theirs, string replay, string? values = null) =>
        _findings.Add(
            $"{replay}, model M{model.Index}: {problem}\n  row:    {row.Ours}\n  STJ's:  {row.Exact}\n  as:     {row.Theirs}\n" +
            $"  ours:   {(ours.Error is null ? "read" : ours.Error.GetType().Name + ": " + ours.Error.Message)}\n" +
            (theirs is { } t ? $"  STJ:    {(t.Error is null ? "read" : t.Error.GetType().Name + ": " + t.Error.Message)}\n" : "") +
            (values is null ? "" : "  values: " + values + "\n") +
            model.Source());

    private static (object? Value, Exception? Error) Outcome(Func<object> read)
    {
        try
        {
            return (read(), null);
        }
        catch (Exception ex)
        {
            return (null, ex);
        }
    }

    // The one documented difference in what is read: a DateTime is UTC; System.Text.Json gives Unspecified without an
    // offset (the same clock time) and Local with one (the same instant).
    private static object? Normalize(object? value) => value switch
    {
        DateTime t => t.Kind == DateTimeKind.Local ? t.ToUniversalTime() : DateTime.SpecifyKind(t, DateTimeKind.Utc),
        string or null => value,
        IEnumerable items => items.Cast<object?>().Select(Normalize).ToList(),
        _ => value,
    };

    private static Func<byte[], object> Bind<TRow, TKey>(object reader)
        where TRow : class
    {
        var typed = (SkaftinRowReader<TRow, TKey>)reader;
        return bytes => typed.Read(bytes);
    }

    private static string SourceOf(IReadOnlyList<(DiffModel Model, DiffRow[] Rows)> batch, Diagnostic diagnostic)
    {
        var path = diagnostic.Location.GetLineSpan().Path ?? "";
        var model = batch.FirstOrDefault(b => path.Contains("/M" + b.Model.Index + ".cs", StringComparison.Ordinal) || path.Contains(".M" + b.Model.Index + ".", StringComparison.Ordinal)).Model;
        return model?.Source() ?? "(no model source: " + path + ")";
    }

    // The reference pack of the running framework: its reference assemblies and System.Text.Json's source generator.
    private static (ImmutableArray<MetadataReference>, ISourceGenerator) LoadTools()
    {
        var dotnet = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
        var packs = Path.Combine(dotnet, "packs", "Microsoft.NETCore.App.Ref");
        var version = Path.GetFileName(Path.GetDirectoryName(RuntimeEnvironment.GetRuntimeDirectory().TrimEnd(Path.DirectorySeparatorChar)))!;
        var pack = Directory.Exists(Path.Combine(packs, version))
            ? Path.Combine(packs, version)
            : Directory.GetDirectories(packs).OrderBy(static d => Version.TryParse(Path.GetFileName(d).Split('-')[0], out var v) ? v : new Version()).Last();
        var refs = Directory.GetDirectories(Path.Combine(pack, "ref")).Single();
        var references = Directory.GetFiles(refs, "*.dll")
            .Select(static f => (MetadataReference)MetadataReference.CreateFromFile(f))
            .Append(MetadataReference.CreateFromFile(typeof(SkaftinTableAttribute).Assembly.Location))
            .ToImmutableArray();
        var generatorPath = Path.Combine(pack, "analyzers", "dotnet", "cs", "System.Text.Json.SourceGeneration.dll");
        var file = new AnalyzerFileReference(generatorPath, new Loader());
        var generators = file.GetGenerators(LanguageNames.CSharp);
        if (generators.IsEmpty)
        {
            throw new InvalidOperationException($"System.Text.Json's source generator did not load from {generatorPath} (framework {FrameworkVersion})");
        }

        return (references, generators.Single());
    }

    private sealed class Loader : IAnalyzerAssemblyLoader
    {
        public void AddDependencyLocation(string fullPath)
        {
        }

        public Assembly LoadFromPath(string fullPath) => Assembly.LoadFrom(fullPath);
    }
}
