using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Skaftin.Realtime.Generator.Diagnostics;
using Skaftin.Realtime.Generator.Emitting;
using Skaftin.Realtime.Generator.Model;
using Skaftin.Realtime.Generator.Parsing;

namespace Skaftin.Realtime.Generator;

/// <summary>
/// Turns each <c>[SkaftinTable]</c> type into a typed <c>{Table}Realtime</c> class and a reflection-free row reader.
/// This file holds only the pipeline: parsing is in <see cref="TableParser"/> and <see cref="CrossTableChecker"/>, writing in <see cref="TableEmitter"/>.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class SkaftinRealtimeGenerator : IIncrementalGenerator
{
    /// <summary>The attribute the generator looks for.</summary>
    public const string TableAttributeName = "Skaftin.Realtime.SkaftinTableAttribute";

    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var parsed = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                TableAttributeName,
                static (node, _) => node is ClassDeclarationSyntax or RecordDeclarationSyntax or StructDeclarationSyntax,
                static (ctx, ct) => TableParser.Parse(ctx, ct))
            .WithTrackingName(TrackingNames.ParseTables);

        var diagnostics = parsed
            .Select(static (result, _) => result.Diagnostics)
            .WithTrackingName(TrackingNames.TableDiagnostics);
        // Reporting needs the syntax trees (see Report), so it re-runs after each edit; it only reports, and the
        // parsing and emission steps stay cached.
        context.RegisterSourceOutput(diagnostics.Combine(context.CompilationProvider), static (spc, item) => Report(spc, item.Left, item.Right));

        var crossTable = parsed
            .Select(static (result, _) => result.Identity)
            .Where(static identity => identity is not null)
            .WithTrackingName(TrackingNames.TableIdentities)
            .Collect()
            .Select(static (identities, _) => CrossTableChecker.Check(identities))
            .WithTrackingName(TrackingNames.CrossTableDiagnostics);
        context.RegisterSourceOutput(crossTable.Combine(context.CompilationProvider), static (spc, item) => Report(spc, item.Left.Diagnostics, item.Right));

        // The skipped set is equatable data, so an unrelated edit leaves this combination (and emission) cached.
        var specs = parsed
            .Select(static (result, _) => result.Spec)
            .Where(static spec => spec is not null)
            .Combine(crossTable.Select(static (result, _) => result.SkippedModels))
            .WithTrackingName(TrackingNames.TableSpecs);
        context.RegisterSourceOutput(specs, static (spc, item) =>
        {
            if (!item.Right.Contains(item.Left!.ModelFullName))
            {
                TableEmitter.Emit(spc, item.Left);
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
