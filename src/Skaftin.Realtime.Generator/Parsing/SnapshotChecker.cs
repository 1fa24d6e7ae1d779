using System;
using System.Collections.Generic;
using System.Linq;
using Skaftin.Realtime.Generator.Diagnostics;
using Skaftin.Realtime.Generator.Model;

namespace Skaftin.Realtime.Generator.Parsing;

/// <summary>
/// Compares one declared table with the schema snapshot (SKR030–SKR035). The member types a backend type can be
/// read into are in <see cref="Holds"/>, documented in docs/schema-snapshots.md.
/// </summary>
internal static class SnapshotChecker
{
    public static EquatableArray<DiagnosticInfo> Check(TableSchemaView table, SchemaSnapshot? snapshot)
    {
        if (snapshot is null || snapshot.Problem is not null)
        {
            return EquatableArray<DiagnosticInfo>.Empty;
        }

        var diagnostics = new List<DiagnosticInfo>();
        var backend = snapshot.Tables.FirstOrDefault(t => string.Equals(t.Name, table.TableName, StringComparison.Ordinal));
        if (backend is null)
        {
            diagnostics.Add(new DiagnosticInfo(DiagnosticDescriptors.TableNotInSnapshot, table.Location, Arguments(table.ModelDisplayName, table.TableName, snapshot.Path)));
            return diagnostics.ToEquatableArray();
        }

        var columns = new Dictionary<string, SnapshotColumn>(StringComparer.Ordinal);
        foreach (var column in backend.Columns)
        {
            columns[column.Name] = column;
        }

        var read = new HashSet<string>(table.Members.Select(static m => m.ColumnName), StringComparer.Ordinal);
        foreach (var member in table.Members)
        {
            if (!columns.TryGetValue(member.ColumnName, out var column))
            {
                // The code fix's column: the nearest one no other member reads, when one is clearly nearest.
                var close = CloseColumnName.Find(member.ColumnName, backend.Columns.Select(static c => c.Name).Where(c => !read.Contains(c)));
                diagnostics.Add(new DiagnosticInfo(DiagnosticDescriptors.ColumnNotInSnapshot, member.Location, Arguments(member.MemberName, table.ModelDisplayName, member.ColumnName, backend.Name),
                    close is null ? default : Arguments(FixProperties.Column, close)));
                continue;
            }

            var accepted = Holds(column.Type);
            if (accepted is not null && member.Kind != ValueKind.JsonElement && Array.IndexOf(accepted.Kinds, member.Kind) < 0)
            {
                diagnostics.Add(new DiagnosticInfo(DiagnosticDescriptors.ColumnTypeMismatch, member.Location,
                    Arguments(member.MemberName, table.ModelDisplayName, member.TypeName, column.Name, column.Type, accepted.Advice),
                    Arguments(FixProperties.Type, accepted.FixType + (column.Nullable || member.IsNullable ? "?" : ""))));
            }
            else if (column.Nullable && !member.IsNullable)
            {
                diagnostics.Add(new DiagnosticInfo(DiagnosticDescriptors.NullableColumnNotNullableMember, member.Location,
                    Arguments(column.Name, backend.Name, member.MemberName, table.ModelDisplayName, member.TypeName)));
            }
        }

        foreach (var column in backend.Columns.Where(c => !c.Nullable && !c.HasDefault && !c.PrimaryKey && c.Name != backend.PrimaryKey && !read.Contains(c.Name)))
        {
            diagnostics.Add(new DiagnosticInfo(DiagnosticDescriptors.RequiredColumnWithoutMember, table.Location, Arguments(column.Name, backend.Name, table.ModelDisplayName)));
        }

        // A model without a key already has SKR005; this compares two keys that both exist, or a key the backend lacks.
        if (table.KeyColumn is { } key && !string.Equals(key, backend.PrimaryKey, StringComparison.Ordinal))
        {
            var keyMember = table.Members.FirstOrDefault(m => m.ColumnName == key);
            var backendKey = backend.PrimaryKey is null ? "not set (the table has no primary key)" : $"'{backend.PrimaryKey}'";
            diagnostics.Add(new DiagnosticInfo(DiagnosticDescriptors.PrimaryKeyMismatch, keyMember?.Location ?? table.Location,
                Arguments(table.ModelDisplayName, key, backend.Name, backendKey)));
        }

        return diagnostics.ToEquatableArray();
    }

    /// <summary>
    /// The member kinds that hold every value of a backend type (without loss), or null for a type this version
    /// does not know (not checked). <see cref="ValueKind.JsonElement"/> holds any value and is always accepted.
    /// </summary>
    public static Compatibility? Holds(string backendType) => backendType switch
    {
        "integer" => new(new[] { ValueKind.Int32, ValueKind.Int64, ValueKind.Decimal, ValueKind.Double, ValueKind.Enum }, "int, long, decimal, double or an enum read by value", "int"),
        "bigint" => new(new[] { ValueKind.Int64, ValueKind.Decimal }, "long or decimal", "long"),
        "text" => new(new[] { ValueKind.String, ValueKind.Enum }, "string, or an enum read by name", "string"),
        "real" => new(new[] { ValueKind.Double }, "double", "double"),
        "numeric" => new(new[] { ValueKind.Decimal, ValueKind.Double }, "decimal (or double, which rounds)", "decimal"),
        "boolean" => new(new[] { ValueKind.Boolean }, "bool", "bool"),
        "timestamp" => new(new[] { ValueKind.DateTimeOffset, ValueKind.DateTime, ValueKind.String }, "DateTimeOffset, DateTime or string", "global::System.DateTimeOffset"),
        "json" => new(new[] { ValueKind.Array, ValueKind.List }, "System.Text.Json.JsonElement, or an array or list for a JSON array", "global::System.Text.Json.JsonElement"),
        "uuid" => new(new[] { ValueKind.Guid, ValueKind.String }, "Guid or string", "global::System.Guid"),
        _ => null,
    };

    private static EquatableArray<string> Arguments(params string[] arguments) => arguments.ToEquatableArray();

    /// <summary>Which member kinds a backend type can be read into, and how the diagnostic says so.</summary>
    internal sealed class Compatibility
    {
        public Compatibility(ValueKind[] kinds, string advice, string fixType)
        {
            Kinds = kinds;
            Advice = advice;
            FixType = fixType;
        }

        /// <summary>The member type SKR032's code fix writes (the first the advice names), without nullability.</summary>
        public string FixType { get; }

        public ValueKind[] Kinds { get; }

        public string Advice { get; }
    }
}
