using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Skaftin.Realtime.Generator.Parsing;

namespace Skaftin.Realtime.Generator.Tests.Zoo;

/// <summary>
/// Runs the zoo: one compilation per nullable context holding all its models. Cells whose own C# is invalid are
/// set aside first (a compile without the generator names them). Then the generator runs; every diagnostic it
/// reports and every warning or error the compiler reports in a generated file is a finding unless the model's
/// kind allows that SKR diagnostic; models whose generated code fails are dropped and the rest compiled again, so
/// one broken model does not hide the others. The assembly is loaded into a collectible context and each model's
/// generated reader reads a row with a known value in every column (and, where members have defaults, a row
/// with none of them).
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

    public int RoundTrips { get; private set; }

    public int ExplainedCells { get; private set; }

    public int VerifiedCells { get; private set; }

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
                // The generator reports through plain-data locations: a path and a span, no syntax tree.
                var path = diagnostic.Location.GetLineSpan().Path;
                if (path is null || !byPath.TryGetValue(path, out var source))
                {
                    throw new InvalidOperationException($"a generator diagnostic without a zoo location: {diagnostic}");
                }

                if (Allowed(source.Model).Contains(diagnostic.Id))
                {
                    explained.Add(source.Model);
                    Explanations.Add((source.Model, diagnostic.Id + " " + diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)));
                }
                else
                {
                    Findings.Add(new ZooFinding(source.Model, Pin(source, diagnostic), $"{diagnostic.Id} reported", diagnostic.GetMessage()));
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
            RoundTrip(image.ToArray(), remaining.Select(static s => s.Model).Where(m => withGenerated.Contains(m) && !broken.Contains(m)).ToList());
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

    // What a model's kind may answer with instead of working code.
    private static IReadOnlySet<string> Allowed(ZooModel model) => model.Kind is ModelKind.FileScoped or ModelKind.NestedInGeneric
        ? new HashSet<string>(StringComparer.Ordinal) { "SKR001" }
        : new HashSet<string>(StringComparer.Ordinal);

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

    private void RoundTrip(byte[] image, IReadOnlyList<ZooModel> models)
    {
        var context = new AssemblyLoadContext("zoo", isCollectible: true);
        try
        {
            var assembly = context.LoadFromStream(new MemoryStream(image));
            foreach (var model in models)
            {
                var reader = assembly.GetType(model.ReaderTypeName);
                if (reader is null)
                {
                    Findings.Add(new ZooFinding(model, null, "no reader type", $"{model.ReaderTypeName} is not in the compiled zoo"));
                    continue;
                }

                var instance = reader.GetProperty("Instance", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
                var read = reader.GetMethod("Read", new[] { typeof(string) })!;
                var verified = Check(model, instance, read, FullRow(model), static m => m.Sample.Expected, "wrong value");
                if (model.Form == DeclarationForm.InitializedProperty)
                {
                    verified &= Check(model, instance, read, KeyOnlyRow(), static m => m.Type.InitializerValue, "missing column loses the initializer");
                }
                else if (model.Form == DeclarationForm.DefaultParameter)
                {
                    verified &= Check(model, instance, read, KeyOnlyRow(), static m => m.Type.ParameterDefaultValue, "missing column loses the parameter default");
                }

                verified &= CheckRequiredColumnsAreRequired(model, instance, read);
                verified &= CheckNullIsRefused(model, instance, read);
                VerifiedCells += verified ? model.Members.Count : 0;
            }
        }
        finally
        {
            context.Unload();
        }
    }

    // Reads one row and compares every member with what was written; false when any differs or the read failed.
    private bool Check(ZooModel model, object instance, MethodInfo read, string json, Func<ZooMember, object?> expected, string mismatch)
    {
        object row;
        try
        {
            row = read.Invoke(instance, new object[] { json })!;
        }
        catch (TargetInvocationException ex)
        {
            Findings.Add(new ZooFinding(model, PinByColumn(model, ex.InnerException?.Message ?? ""), "read failed", $"{ex.InnerException?.GetType().Name}: {ex.InnerException?.Message} | row {Truncate(json)}"));
            return false;
        }

        var allEqual = true;
        foreach (var member in model.Members)
        {
            RoundTrips++;
            var property = row.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).FirstOrDefault(p => p.Name == member.Name);
            var actual = ZooValue.Canonical(property?.GetValue(row));
            var wanted = ZooValue.Canonical(expected(member));
            if (property is null || actual != wanted)
            {
                allEqual = false;
                Findings.Add(new ZooFinding(model, member, mismatch,
                    $"expected {wanted}, read {actual}"));
            }
        }

        return allEqual;
    }

    // A positional member of a non-nullable value type without a default has no value to fall back on: a row
    // without its column must be a MissingColumn error, never a row holding 0.
    private bool CheckRequiredColumnsAreRequired(ZooModel model, object instance, MethodInfo read)
    {
        var required = model.Form == DeclarationForm.Positional ? model.Members.FirstOrDefault(static m => ZooTypes.RejectsNull(m.Type)) : null;
        if (required is null)
        {
            return true;
        }

        RoundTrips++;
        return ExpectDecodeError(model, required, instance, read, KeyOnlyRow(), DecodeErrorKind.MissingColumn, "missing required column is no error");
    }

    // JSON null in a column of a non-nullable value type must be a typed error naming the column, never default(T).
    private bool CheckNullIsRefused(ZooModel model, object instance, MethodInfo read)
    {
        var allRefused = true;
        foreach (var member in model.Members.Where(static m => ZooTypes.RejectsNull(m.Type)))
        {
            RoundTrips++;
            var json = "{\"id\":4," + JsonSerializer.Serialize(Naming.ToSnakeCase(member.Name)) + ":null}";
            allRefused &= ExpectDecodeError(model, member, instance, read, json, null, "null into a non-nullable value is no error");
        }

        return allRefused;
    }

    private bool ExpectDecodeError(ZooModel model, ZooMember member, object instance, MethodInfo read, string json, DecodeErrorKind? kind, string problem)
    {
        try
        {
            var row = read.Invoke(instance, new object[] { json });
            var property = row!.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).FirstOrDefault(p => p.Name == member.Name);
            Findings.Add(new ZooFinding(model, member, problem, $"row {json} read as {ZooValue.Canonical(property?.GetValue(row))}"));
            return false;
        }
        catch (TargetInvocationException ex) when (ex.InnerException is SkaftinDecodeException error)
        {
            // A missing-column error names the first missing required column, which may be another member's.
            var columns = kind == DecodeErrorKind.MissingColumn ? model.Members.Select(static m => Naming.ToSnakeCase(m.Name)) : new[] { Naming.ToSnakeCase(member.Name) };
            if ((kind is not null && error.Kind != kind) || !columns.Contains(error.ColumnName))
            {
                Findings.Add(new ZooFinding(model, member, problem + " of the right kind", $"row {json}: {error.Kind} on column '{error.ColumnName}': {error.Message}"));
                return false;
            }

            return true;
        }
        catch (TargetInvocationException ex)
        {
            Findings.Add(new ZooFinding(model, member, "untyped exception", $"row {json}: {ex.InnerException}"));
            return false;
        }
    }

    private static ZooMember? PinByColumn(ZooModel model, string message) =>
        model.Members.FirstOrDefault(m => message.Contains("'" + Naming.ToSnakeCase(m.Name) + "'", StringComparison.Ordinal));

    private static string FullRow(ZooModel model)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("id", 1);
            foreach (var member in model.Members)
            {
                writer.WritePropertyName(Naming.ToSnakeCase(member.Name));
                writer.WriteRawValue(member.Sample.Json);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string KeyOnlyRow() => "{\"id\":2}";

    private static string Truncate(string text) => text.Length <= 300 ? text : text.Substring(0, 300) + "…";
}
