using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Skaftin.Realtime.Generator.Tests.Zoo;

/// <summary>
/// Runs the zoo: one compilation per nullable context holding all its models. Cells whose own C# is invalid are
/// set aside first (a compile without the generator names them). Then the generator runs; every diagnostic it
/// reports and every warning or error the compiler reports in a generated file is a finding unless the model's
/// kind allows that SKR diagnostic; models whose generated code fails are dropped and the rest compiled again, so
/// one broken model does not hide the others. The assembly then goes to <see cref="ZooReadBack"/>.
/// </summary>
internal sealed class ZooRunner
{
    private const LanguageVersion Language = LanguageVersion.CSharp12;
    private static readonly Regex GeneratedFileModel = new(@"(?:^|\.)Zoo(\d+)\.Realtime\.g\.cs$", RegexOptions.CultureInvariant);

    public List<ZooFinding> Findings { get; } = new();

    public List<(ZooModel Model, ZooMember Member, string Reason)> Excluded { get; } = new();

    /// <summary>The allowed SKR diagnostics that explained a model, for the report.</summary>
    public List<(ZooModel Model, string Message)> Explanations { get; } = new();

    public int Cells { get; private set; }

    public int Compilations { get; private set; }

    public int RoundTrips => _readBack.RoundTrips;

    public int ExplainedCells { get; private set; }

    public int VerifiedCells => _readBack.VerifiedCells;

    private readonly ZooReadBack _readBack;

    private ZooRunner() => _readBack = new ZooReadBack(Findings);

    public static ZooRunner Run(IReadOnlyList<ZooModel> models)
    {
        var runner = new ZooRunner();

        // Whether a model is valid C# does not depend on the nullable context (that only adds warnings): one check for all.
        var sources = runner.RemoveInvalidCells(models.Select(ZooSource.Write).ToList());
        foreach (var group in sources.GroupBy(static s => s.Model.Context))
        {
            runner.RunContext(group.Key, group.ToList());
        }

        return runner;
    }

    private void RunContext(ZooNullable context, List<ZooSource> sources)
    {
        Cells += sources.Sum(static s => s.Model.Members.Count);
        var remaining = sources;
        for (var attempt = 0; remaining.Count > 0; attempt++)
        {
            if (attempt > 3)
            {
                throw new InvalidOperationException("the zoo's compilation kept failing after dropping the models whose generated code failed");
            }

            var compilation = Compile(context, remaining);
            Compilations++;
            GeneratorDriver driver = CSharpGeneratorDriver.Create(
                new[] { new SkaftinRealtimeGenerator().AsSourceGenerator() },
                parseOptions: new CSharpParseOptions(Language));
            driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);

            var byPath = remaining.ToDictionary(static s => s.Path, StringComparer.Ordinal);
            var explained = new HashSet<ZooModel>();
            var withGenerated = new HashSet<ZooModel>();
            foreach (var diagnostic in generatorDiagnostics)
            {
                // By path: the location may or may not carry its syntax tree.
                var path = diagnostic.Location.GetLineSpan().Path;
                if (path is null || !byPath.TryGetValue(path, out var source))
                {
                    throw new InvalidOperationException($"a generator diagnostic without a zoo location: {diagnostic}");
                }

                var message = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
                if (Allowed(source.Model) is { } allowed && allowed.Id == diagnostic.Id && !message.Contains(allowed.Reason, StringComparison.Ordinal))
                {
                    Findings.Add(new ZooFinding(source.Model, null, $"{diagnostic.Id} gives the wrong reason", $"expected it to say '{allowed.Reason}': {message}"));
                }
                else if (Allowed(source.Model)?.Id == diagnostic.Id)
                {
                    explained.Add(source.Model);
                    Explanations.Add((source.Model, diagnostic.Id + " " + message));
                }
                else
                {
                    Findings.Add(new ZooFinding(source.Model, Pin(source, diagnostic), $"{diagnostic.Id} reported", message));
                }
            }

            var generatedTrees = output.SyntaxTrees.Skip(compilation.SyntaxTrees.Length).ToList();
            var modelsByIndex = remaining.ToDictionary(static s => s.Model.Index);
            foreach (var tree in generatedTrees)
            {
                var match = GeneratedFileModel.Match(Path.GetFileName(tree.FilePath));
                if (match.Success && modelsByIndex.TryGetValue(int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), out var owner))
                {
                    withGenerated.Add(owner.Model);
                }
            }

            using var image = new MemoryStream();
            var emit = output.Emit(image);
            var broken = new HashSet<ZooModel>();
            foreach (var diagnostic in emit.Diagnostics.Where(static d => d.Severity >= DiagnosticSeverity.Warning && !d.IsSuppressed))
            {
                var tree = diagnostic.Location.SourceTree;
                if (tree is not null && generatedTrees.Contains(tree))
                {
                    var match = GeneratedFileModel.Match(Path.GetFileName(tree.FilePath));
                    var owner = match.Success ? modelsByIndex[int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)] : null;
                    if (owner is null)
                    {
                        throw new InvalidOperationException($"a diagnostic in a generated file of no zoo model: {diagnostic}");
                    }

                    if (diagnostic.Severity == DiagnosticSeverity.Error)
                    {
                        // Only errors stop the assembly; a model whose generated code merely warns is still read back.
                        broken.Add(owner.Model);
                    }

                    Findings.Add(new ZooFinding(owner.Model, PinGenerated(owner.Model, diagnostic), $"{diagnostic.Id} in generated code", diagnostic.GetMessage() + " | " + LineOf(diagnostic)));
                }
                else if (diagnostic.Severity == DiagnosticSeverity.Error)
                {
                    var owner = tree is null ? null : byPath.GetValueOrDefault(tree.FilePath);
                    if (owner is null)
                    {
                        throw new InvalidOperationException($"an error outside the zoo's models: {diagnostic}");
                    }

                    broken.Add(owner.Model);
                    Findings.Add(new ZooFinding(owner.Model, Pin(owner, diagnostic), $"{diagnostic.Id} in the model once generated code exists", diagnostic.GetMessage()));
                }
            }

            if (!emit.Success)
            {
                if (broken.Count == 0)
                {
                    throw new InvalidOperationException("the zoo's compilation failed without an error on any model: " + string.Join("; ", emit.Diagnostics.Take(5)));
                }

                remaining = remaining.Where(s => !broken.Contains(s.Model)).ToList();
                continue;
            }

            foreach (var source in remaining)
            {
                var model = source.Model;
                if (explained.Contains(model))
                {
                    ExplainedCells += model.Members.Count;
                }
                else if (!withGenerated.Contains(model) && !Findings.Any(f => ReferenceEquals(f.Model, model)))
                {
                    Findings.Add(new ZooFinding(model, null, "no code and no diagnostic", "the generator neither generated a reader nor said why"));
                }
            }

            _readBack.Run(image.ToArray(), remaining.Select(static s => s.Model).Where(m => withGenerated.Contains(m) && !broken.Contains(m)).ToList());
            return;
        }
    }

    // Compiles the models without the generator and takes out the members the compiler rejects on their own line:
    // those cells are not valid C# whatever the generator does (a record parameter named EqualityContract, ...).
    private List<ZooSource> RemoveInvalidCells(List<ZooSource> sources)
    {
        for (var attempt = 0; ; attempt++)
        {
            var errors = Compile(ZooNullable.Enable, sources).GetDiagnostics().Where(static d => d.Severity == DiagnosticSeverity.Error).ToList();
            if (errors.Count == 0)
            {
                return sources;
            }

            if (attempt > 4)
            {
                throw new InvalidOperationException("the zoo's own models keep failing to compile: " + string.Join("; ", errors.Take(5)));
            }

            var byPath = sources.ToDictionary(static s => s.Path, StringComparer.Ordinal);
            var invalid = new Dictionary<ZooSource, HashSet<ZooMember>>();
            foreach (var error in errors)
            {
                var source = error.Location.SourceTree is { } tree ? byPath.GetValueOrDefault(tree.FilePath) : null;
                var member = source is null ? null : source.MemberLines.GetValueOrDefault(error.Location.GetLineSpan().StartLinePosition.Line);
                if (source is null || member is null)
                {
                    throw new InvalidOperationException($"the zoo wrote invalid C# that is not one member's fault: {error}");
                }

                if (!invalid.TryGetValue(source, out var set))
                {
                    invalid[source] = set = new HashSet<ZooMember>();
                }

                if (set.Add(member))
                {
                    Excluded.Add((source.Model, member, error.Id + " " + error.GetMessage()));
                }
            }

            sources = sources.Select(s => invalid.TryGetValue(s, out var set) ? ZooSource.Without(s, set) : s).ToList();
        }
    }

    private static CSharpCompilation Compile(ZooNullable context, IReadOnlyList<ZooSource> sources)
    {
        var parse = new CSharpParseOptions(Language);
        var trees = sources.Select(s => CSharpSyntaxTree.ParseText(s.Text, parse, s.Path, Encoding.UTF8))
            .Prepend(CSharpSyntaxTree.ParseText(ZooTypes.EnumSource, parse, "/zoo/ZooTypes.cs", Encoding.UTF8));
        return CSharpCompilation.Create(
            "Zoo" + context,
            trees,
            GeneratorHarness.References,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: context switch
                {
                    ZooNullable.Enable => NullableContextOptions.Enable,
                    ZooNullable.Disable => NullableContextOptions.Disable,
                    _ => NullableContextOptions.Annotations,
                },
                warningLevel: 9999,
                optimizationLevel: OptimizationLevel.Debug,
                concurrentBuild: true));
    }

    // What a model's kind may answer with instead of working code: a diagnostic id, and the reason its message must
    // give (an explanation that names the wrong reason misleads as much as none).
    private static (string Id, string Reason)? Allowed(ZooModel model) => model.Kind switch
    {
        ModelKind.FileScoped => ("SKR001", "file-local"),
        ModelKind.NestedInGeneric => ("SKR001", "nested in a generic type"),
        _ => null,
    };

    private static ZooMember? Pin(ZooSource source, Diagnostic diagnostic) =>
        source.MemberLines.GetValueOrDefault(diagnostic.Location.GetLineSpan().StartLinePosition.Line);

    // A generated line names the member through value_{Name}, has_{Name}, row.{Name}, {Name} = ..., or the message
    // quotes it (a constructor parameter); prefixed locals are the surest sign.
    private static ZooMember? PinGenerated(ZooModel model, Diagnostic diagnostic)
    {
        var identifiers = new HashSet<string>(Regex.Matches(LineOf(diagnostic), "[A-Za-z_][A-Za-z0-9_]*").Select(static m => m.Value), StringComparer.Ordinal);
        var message = diagnostic.GetMessage();
        return model.Members.FirstOrDefault(m => identifiers.Contains("value_" + m.Name) || identifiers.Contains("has_" + m.Name))
            ?? model.Members.FirstOrDefault(m => message.Contains("'" + ZooNames.Written(m.Name) + "'", StringComparison.Ordinal))
            ?? model.Members.Where(m => identifiers.Contains(m.Name)).OrderByDescending(static m => m.Name.Length).FirstOrDefault();
    }

    private static string LineOf(Diagnostic diagnostic)
    {
        var tree = diagnostic.Location.SourceTree;
        return tree is null ? "" : tree.GetText().Lines[diagnostic.Location.GetLineSpan().StartLinePosition.Line].ToString().Trim();
    }
}
