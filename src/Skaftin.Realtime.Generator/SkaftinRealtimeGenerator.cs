using System;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using Skaftin.Realtime.Generator.Emitting;
using Skaftin.Realtime.Generator.Model;
using Skaftin.Realtime.Generator.Parsing;

namespace Skaftin.Realtime.Generator;

/// <summary>
/// Turns each <c>[SkaftinTable]</c> type into a typed <c>{Table}Realtime</c> class and a reflection-free row reader,
/// and each <c>[SkaftinProjectEvent]</c> type into a typed <c>{Type}Events</c> class and a reader of its data.
/// This file holds only the pipeline: parsing is in <see cref="TableParser"/> and <see cref="CrossTableChecker"/>,
/// writing in <see cref="TableEmitter"/> and <see cref="ProjectEventEmitter"/>.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class SkaftinRealtimeGenerator : IIncrementalGenerator
{
    /// <summary>The attribute the generator looks for.</summary>
    public const string TableAttributeName = "Skaftin.Realtime.SkaftinTableAttribute";

    /// <summary>The attribute that declares a typed project event.</summary>
    public const string ProjectEventAttributeName = "Skaftin.Realtime.SkaftinProjectEventAttribute";

    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var tables = Parse(context, TableAttributeName, static (ctx, ct) => TableParser.Parse(ctx, ct), TrackingNames.ParseTables, TrackingNames.TableDiagnostics);
        var events = Parse(context, ProjectEventAttributeName, static (ctx, ct) => TableParser.ParseProjectEvent(ctx, ct), TrackingNames.ParseProjectEvents, TrackingNames.ProjectEventDiagnostics);

        // Tables and project events are checked together: their generated types share the namespaces.
        var crossChecked = Identities(tables, TrackingNames.TableIdentities)
            .Combine(Identities(events, TrackingNames.ProjectEventIdentities))
            .Select(static (pair, _) => CrossTableChecker.Check(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.CrossTableDiagnostics);
        context.RegisterSourceOutput(crossChecked.Combine(context.CompilationProvider), static (spc, item) => Report(spc, item.Left.Diagnostics, item.Right));

        // The plan is equatable data without locations, so an unrelated edit leaves this combination (and emission) cached.
        var plan = crossChecked.Select(static (result, _) => result.Plan);
        Emit(context, tables, plan, TableEmitter.Write, TrackingNames.TableSpecs);
        Emit(context, events, plan, ProjectEventEmitter.Write, TrackingNames.ProjectEventSpecs);
        CheckAgainstSnapshot(context, tables);
    }

    // Opt-in (the SkaftinSchemaSnapshot property): the declared tables are compared with the schema snapshot among the
    // additional files. Without the property no file is read. Reporting only; emission does not depend on it.
    private static void CheckAgainstSnapshot(IncrementalGeneratorInitializationContext context, IncrementalValuesProvider<TableParseResult> tables)
    {
        var settings = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) => SnapshotReader.Settings(options.GlobalOptions))
            .WithTrackingName(TrackingNames.SnapshotSettings);
        var snapshot = context.AdditionalTextsProvider
            .Combine(settings)
            .Where(static pair => SnapshotReader.IsSnapshot(pair.Right, pair.Left.Path))
            .Select(static (pair, ct) => SnapshotReader.Read(pair.Left.Path, pair.Left.GetText(ct), ct))
            .WithTrackingName(TrackingNames.ReadSnapshot)
            .Collect()
            .Combine(settings)
            .Select(static (pair, _) => SnapshotReader.Choose(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.Snapshot);

        var problem = snapshot
            .Select(static (snapshot, _) => snapshot?.Problem is { } problem ? new[] { problem }.ToEquatableArray() : EquatableArray<DiagnosticInfo>.Empty)
            .WithTrackingName(TrackingNames.SnapshotProblem);
        context.RegisterSourceOutput(problem.Combine(context.CompilationProvider), static (spc, item) => Report(spc, item.Left, item.Right));

        var drift = tables
            .Select(static (result, _) => result.Schema)
            .Where(static schema => schema is not null)
            .Combine(snapshot)
            .Select(static (pair, _) => SnapshotChecker.Check(pair.Left!, pair.Right))
            .WithTrackingName(TrackingNames.SnapshotDiagnostics);
        context.RegisterSourceOutput(drift.Combine(context.CompilationProvider), static (spc, item) => Report(spc, item.Left, item.Right));
    }

    // Parses each declaration carrying the attribute and reports what parsing found.
    private static IncrementalValuesProvider<TableParseResult> Parse(
        IncrementalGeneratorInitializationContext context,
        string attributeName,
        Func<GeneratorAttributeSyntaxContext, CancellationToken, TableParseResult> parse,
        string parseName,
        string diagnosticsName)
    {
        var parsed = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                attributeName,
                static (node, _) => node is ClassDeclarationSyntax or RecordDeclarationSyntax or StructDeclarationSyntax,
                parse)
            .WithTrackingName(parseName);

        var diagnostics = parsed
            .Select(static (result, _) => result.Diagnostics)
            .WithTrackingName(diagnosticsName);
        // Reporting needs the syntax trees (see Report), so it re-runs after each edit; it only reports, and the
        // parsing and emission steps stay cached.
        context.RegisterSourceOutput(diagnostics.Combine(context.CompilationProvider), static (spc, item) => Report(spc, item.Left, item.Right));
        return parsed;
    }

    private static IncrementalValueProvider<System.Collections.Immutable.ImmutableArray<TableIdentity?>> Identities(IncrementalValuesProvider<TableParseResult> parsed, string name) =>
        parsed
            .Select(static (result, _) => result.Identity)
            .Where(static identity => identity is not null)
            .WithTrackingName(name)
            .Collect();

    private static void Emit(
        IncrementalGeneratorInitializationContext context,
        IncrementalValuesProvider<TableParseResult> parsed,
        IncrementalValueProvider<EmissionPlan> plan,
        Func<TableSpec, string> write,
        string specsName)
    {
        var specs = parsed
            .Select(static (result, _) => result.Spec)
            .Where(static spec => spec is not null)
            .Combine(plan)
            .WithTrackingName(specsName);
        context.RegisterSourceOutput(specs, (spc, item) =>
        {
            var spec = item.Left!;
            if (!item.Right.SkippedHints.Contains(spec.HintName))
            {
                spc.AddSource(item.Right.HintFor(spec.HintName), SourceText.From(write(spec), Encoding.UTF8));
            }
        });
    }

    // A diagnostic must point into a syntax tree of the compilation for .editorconfig severities
    // (dotnet_diagnostic.SKR005.severity = none) to apply: the compiler reads them per tree, and a location rebuilt
    // from a file path has none. The models keep only the path, so the tree is found again here.
    private static void Report(SourceProductionContext context, EquatableArray<DiagnosticInfo> diagnostics, Compilation compilation)
    {
        if (diagnostics.Count == 0)
        {
            return;
        }

        foreach (var diagnostic in diagnostics)
        {
            var tree = diagnostic.Location is { } location
                ? compilation.SyntaxTrees.FirstOrDefault(t => t.FilePath == location.FilePath)
                : null;
            context.ReportDiagnostic(diagnostic.ToDiagnostic(tree));
        }
    }
}
