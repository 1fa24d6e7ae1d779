using Microsoft.CodeAnalysis;

namespace Skaftin.Realtime.Generator.Diagnostics;

/// <summary>The checks of declared tables against the schema snapshot (SKR030–SKR039).</summary>
internal static partial class DiagnosticDescriptors
{
    public static readonly DiagnosticDescriptor TableNotInSnapshot = Create(
        "SKR030",
        "Table is not in the schema snapshot",
        "'{0}' reads table '{1}', which the schema snapshot '{2}' does not have; correct the table name, create the table on the backend, or pull the snapshot again",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor ColumnNotInSnapshot = Create(
        "SKR031",
        "Column is not in the table",
        "Member '{0}' of '{1}' reads column '{2}', which table '{3}' does not have in the schema snapshot; correct the name (or [SkaftinColumn]), or leave the member out with [SkaftinIgnore]",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor ColumnTypeMismatch = Create(
        "SKR032",
        "Member type cannot hold the column's type",
        "Member '{0}' of '{1}' has type '{2}', which cannot hold column '{3}' of backend type '{4}'; use {5}",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor NullableColumnNotNullableMember = Create(
        "SKR033",
        "Nullable column read by a non-nullable member",
        "Column '{0}' of table '{1}' is nullable, but member '{2}' of '{3}' has the non-nullable type '{4}'; a row with null in that column fails to decode; make the member nullable",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor RequiredColumnWithoutMember = Create(
        "SKR034",
        "Required column has no member",
        "Column '{0}' of table '{1}' is required (not nullable, no default), and '{2}' has no member for it; rows it inserts must set the column",
        DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor PrimaryKeyMismatch = Create(
        "SKR035",
        "Key differs from the table's primary key",
        "The key of '{0}' is column '{1}', but the primary key of table '{2}' in the schema snapshot is {3}; mark the member of the primary-key column with [SkaftinKey]",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor UnreadableSnapshot = Create(
        "SKR036",
        "Schema snapshot cannot be read",
        "The schema snapshot '{0}' cannot be used: {1}; the tables are not checked against it",
        DiagnosticSeverity.Warning);
}
