using System.Collections.Generic;
using System.Collections.Immutable;
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
/// This file holds only the pipeline: parsing is in <see cref="TableParser"/>, writing in <see cref="TableEmitter"/>.
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
            .Select(static (identities, _) => CheckAcrossTables(identities!))
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

    // Two types for one table, or two tables whose generated classes share a name, are only visible together.
    private static CrossTableResult CheckAcrossTables(ImmutableArray<TableIdentity?> identities)
    {
        var found = new List<DiagnosticInfo>();
        var skipped = new List<string>();
        var byTable = new Dictionary<string, TableIdentity>();
        var byGeneratedName = new Dictionary<string, TableIdentity>();
        foreach (var identity in identities.OrderBy(static i => i!.ModelDisplayName, System.StringComparer.Ordinal))
        {
            if (byTable.TryGetValue(identity!.TableName, out var first))
            {
                found.Add(new DiagnosticInfo(
                    DiagnosticDescriptors.DuplicateTableName,
                    identity.Location,
                    new[] { identity.TableName, first.ModelDisplayName, identity.ModelDisplayName }.ToEquatableArray()));
                skipped.Add(identity.ModelFullName);
                continue;
            }

            byTable[identity.TableName] = identity;
            if (byGeneratedName.TryGetValue(identity.GeneratedFullName, out var other))
            {
                found.Add(new DiagnosticInfo(
                    DiagnosticDescriptors.GeneratedNameCollision,
                    identity.Location,
                    new[] { identity.GeneratedFullName, identity.TableName, $"the class generated for table '{other.TableName}' of '{other.ModelDisplayName}'" }.ToEquatableArray()));
                skipped.Add(identity.ModelFullName);
                continue;
            }

            byGeneratedName[identity.GeneratedFullName] = identity;
        }

        return new CrossTableResult(found.ToEquatableArray(), skipped.ToEquatableArray());
    }
}
