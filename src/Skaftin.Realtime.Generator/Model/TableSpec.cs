namespace Skaftin.Realtime.Generator.Model;

/// <summary>Everything the emitter needs to write one table's code; plain data only.</summary>
/// <param name="Namespace">The model's namespace, or null for the global namespace.</param>
/// <param name="ModelTypeName">The model's name including containing types (<c>Outer.Vehicle</c>).</param>
/// <param name="ModelFullName">The model's fully qualified name (<c>global::Fleet.Vehicle</c>).</param>
/// <param name="IsPublic">Whether the generated types are public (else internal).</param>
/// <param name="TableName">The table's wire name.</param>
/// <param name="RealtimeClassName">The generated table class (<c>VehiclesRealtime</c>).</param>
/// <param name="AccessorName">The generated extension method (<c>Vehicles</c>).</param>
/// <param name="ReaderClassName">The generated reader class (<c>VehicleRowReader</c>).</param>
/// <param name="HintName">The generated file's hint name.</param>
/// <param name="PatchClassName">The generated patch class (<c>VehiclePatch</c>).</param>
/// <param name="Members">The columns, in declaration order.</param>
/// <param name="KeyIndex">The index of the key member in <paramref name="Members"/>, or -1.</param>
/// <param name="Enums">The enum types the columns use, one reader each.</param>
/// <param name="SuppressedWarnings">
/// The ids of the [Obsolete] and [Experimental] warnings generated code would raise by using the user's own
/// declarations (CS0612, CS0618, a custom DiagnosticId, an Experimental id); the file disables them, and only them.
/// </param>
internal sealed record TableSpec(
    string? Namespace,
    string ModelTypeName,
    string ModelFullName,
    bool IsPublic,
    string TableName,
    string RealtimeClassName,
    string AccessorName,
    string ReaderClassName,
    string HintName,
    string PatchClassName,
    EquatableArray<MemberSpec> Members,
    int KeyIndex,
    EquatableArray<EnumSpec> Enums,
    EquatableArray<string> SuppressedWarnings);
