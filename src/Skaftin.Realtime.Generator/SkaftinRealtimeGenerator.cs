using System;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Skaftin.Realtime.Generator.Diagnostics;
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
        Register(
            context,
            TableAttributeName,
            static (ctx, ct) => TableParser.Parse(ctx, ct),
            DiagnosticDescriptors.DuplicateTableName,
            TableEmitter.Emit,
            (TrackingNames.ParseTables, TrackingNames.TableDiagnostics, TrackingNames.TableIdentities, TrackingNames.CrossTableDiagnostics, TrackingNames.TableSpecs));
        Register(
            context,
            ProjectEventAttributeName,
            static (ctx, ct) => TableParser.ParseProjectEvent(ctx, ct),
            DiagnosticDescriptors.DuplicateProjectEventType,
            ProjectEventEmitter.Emit,
            (TrackingNames.ParseProjectEvents, TrackingNames.ProjectEventDiagnostics, TrackingNames.ProjectEventIdentities, TrackingNames.CrossProjectEventDiagnostics, TrackingNames.ProjectEventSpecs));
    }

    // One pipeline per attribute: parse, report, check across the declarations, emit.
    private static void Register(
        IncrementalGeneratorInitializationContext context,
        string attributeName,
        Func<GeneratorAttributeSyntaxContext, CancellationToken, TableParseResult> parse,
        DiagnosticDescriptor duplicate,
        Action<SourceProductionContext, TableSpec> emit,
        (string Parse, string Diagnostics, string Identities, string CrossDiagnostics, string Specs) names)
    {
        var parsed = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                attributeName,
                static (node, _) => node is ClassDeclarationSyntax or RecordDeclarationSyntax or StructDeclarationSyntax,
                parse)
            .WithTrackingName(names.Parse);

        var diagnostics = parsed
            .Select(static (result, _) => result.Diagnostics)
            .WithTrackingName(names.Diagnostics);
        // Reporting needs the syntax trees (see Report), so it re-runs after each edit; it only reports, and the
        // parsing and emission steps stay cached.
        context.RegisterSourceOutput(diagnostics.Combine(context.CompilationProvider), static (spc, item) => Report(spc, item.Left, item.Right));

        var crossChecked = parsed
            .Select(static (result, _) => result.Identity)
            .Where(static identity => identity is not null)
            .WithTrackingName(names.Identities)
            .Collect()
            .Select((identities, _) => CrossTableChecker.Check(identities, duplicate))
            .WithTrackingName(names.CrossDiagnostics);
        context.RegisterSourceOutput(crossChecked.Combine(context.CompilationProvider), static (spc, item) => Report(spc, item.Left.Diagnostics, item.Right));

        // The skipped set is equatable data, so an unrelated edit leaves this combination (and emission) cached.
        var specs = parsed
            .Select(static (result, _) => result.Spec)
            .Where(static spec => spec is not null)
            .Combine(crossChecked.Select(static (result, _) => result.SkippedModels))
            .WithTrackingName(names.Specs);
        context.RegisterSourceOutput(specs, (spc, item) =>
        {
            if (!item.Right.Contains(item.Left!.ModelFullName))
            {
                emit(spc, item.Left);
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
