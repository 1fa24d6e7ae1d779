using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Skaftin.Realtime.Generator.Diagnostics;
using Skaftin.Realtime.Generator.Model;

namespace Skaftin.Realtime.Generator.Parsing;

/// <summary>
/// Checks that need every declaration at once: two types for one table (or one event type), or two declarations
/// whose generated types share a name (a table class, a reader, a patch; <c>Outer.Inner</c> and <c>OuterInner</c>
/// both concatenate to <c>OuterInner…</c>). Tables and project events are checked together, since their generated
/// types live side by side. The type whose name sorts first keeps its code; the other is reported and skipped.
/// </summary>
internal static class CrossTableChecker
{
    public static CrossTableResult Check(ImmutableArray<TableIdentity?> tables, ImmutableArray<TableIdentity?> events)
    {
        var found = new List<DiagnosticInfo>();
        var skipped = new List<string>();
        var kept = new List<TableIdentity>();
        var byName = new Dictionary<(bool, string), TableIdentity>();
        var byGeneratedName = new Dictionary<string, TableIdentity>(StringComparer.Ordinal);
        var all = tables.Concat(events).OfType<TableIdentity>()
            .OrderBy(static i => i.ModelDisplayName, StringComparer.Ordinal)
            .ThenBy(static i => i.IsProjectEvent);
        foreach (var identity in all)
        {
            if (byName.TryGetValue((identity.IsProjectEvent, identity.TableName), out var first))
            {
                found.Add(new DiagnosticInfo(
                    identity.IsProjectEvent ? DiagnosticDescriptors.DuplicateProjectEventType : DiagnosticDescriptors.DuplicateTableName,
                    identity.Location,
                    new[] { identity.TableName, first.ModelDisplayName, identity.ModelDisplayName }.ToEquatableArray()));
                skipped.Add(identity.HintName);
                continue;
            }

            byName[(identity.IsProjectEvent, identity.TableName)] = identity;
            var clash = identity.GeneratedNames.FirstOrDefault(byGeneratedName.ContainsKey);
            if (clash is not null)
            {
                var other = byGeneratedName[clash];
                found.Add(new DiagnosticInfo(
                    DiagnosticDescriptors.GeneratedNameCollision,
                    identity.Location,
                    new[] { clash, identity.TableName, $"the class generated for table '{other.TableName}' of '{other.ModelDisplayName}'" }.ToEquatableArray()));
                skipped.Add(identity.HintName);
                continue;
            }

            foreach (var name in identity.GeneratedNames)
            {
                byGeneratedName[name] = identity;
            }

            kept.Add(identity);
        }

        // Roslyn refuses a second hint name that equals the first but for case (Row and ROW): it would throw, and the
        // generator would emit nothing for any table.
        var caseColliding = kept
            .GroupBy(static i => i.HintName, StringComparer.OrdinalIgnoreCase)
            .Where(static g => g.Count() > 1)
            .SelectMany(static g => g.Select(static i => i.HintName))
            .OrderBy(static h => h, StringComparer.Ordinal);
        return new CrossTableResult(found.ToEquatableArray(), new EmissionPlan(skipped.ToEquatableArray(), caseColliding.ToEquatableArray()));
    }
}
