using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Skaftin.Realtime.Generator.Diagnostics;
using Skaftin.Realtime.Generator.Model;

namespace Skaftin.Realtime.Generator.Parsing;

/// <summary>
/// Checks that need every table at once: two types for one table, or two tables whose generated classes share a
/// name. The type whose name sorts first keeps its code; the other is reported and skipped.
/// </summary>
internal static class CrossTableChecker
{
    /// <param name="identities">The tables (or the project events, whose type stands in the table name).</param>
    /// <param name="duplicate">What a second type for one name is: SKR003 for tables, SKR021 for project events.</param>
    public static CrossTableResult Check(ImmutableArray<TableIdentity?> identities, DiagnosticDescriptor duplicate)
    {
        var found = new List<DiagnosticInfo>();
        var skipped = new List<string>();
        var byTable = new Dictionary<string, TableIdentity>(StringComparer.Ordinal);
        var byGeneratedName = new Dictionary<string, TableIdentity>(StringComparer.Ordinal);
        foreach (var identity in identities.OfType<TableIdentity>().OrderBy(static i => i.ModelDisplayName, StringComparer.Ordinal))
        {
            if (byTable.TryGetValue(identity.TableName, out var first))
            {
                found.Add(new DiagnosticInfo(
                    duplicate,
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
