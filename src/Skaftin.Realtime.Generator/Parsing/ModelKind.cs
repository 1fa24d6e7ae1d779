using Microsoft.CodeAnalysis;
using Skaftin.Realtime.Generator.Diagnostics;

namespace Skaftin.Realtime.Generator.Parsing;

/// <summary>
/// What a parsed type is declared as: a table's row (<c>[SkaftinTable]</c>) or a project event's data
/// (<c>[SkaftinProjectEvent]</c>). Both are read by the same parser and the same reader emission; these are the
/// differences: the generated names, the name rules, the key, and the ids of the diagnostics that speak of them.
/// </summary>
internal sealed class ModelKind
{
    public static readonly ModelKind Table = new("Realtime", "RowReader", ".Realtime.g.cs", DiagnosticDescriptors.InvalidTableName, DiagnosticDescriptors.UnsupportedModelType, isProjectEvent: false);

    // An event's type is the server's free text ("order:created"), so it is not held to a table name's characters.
    public static readonly ModelKind ProjectEvent = new("Events", "EventReader", ".ProjectEvent.g.cs", DiagnosticDescriptors.InvalidProjectEventType, DiagnosticDescriptors.UnsupportedProjectEventType, isProjectEvent: true);

    private ModelKind(string classSuffix, string readerSuffix, string hintSuffix, DiagnosticDescriptor invalidName, DiagnosticDescriptor unsupportedType, bool isProjectEvent)
    {
        ClassSuffix = classSuffix;
        ReaderSuffix = readerSuffix;
        HintSuffix = hintSuffix;
        InvalidName = invalidName;
        UnsupportedType = unsupportedType;
        IsProjectEvent = isProjectEvent;
    }

    /// <summary>Appended to the PascalCase name for the generated class (<c>VehiclesRealtime</c>, <c>VehicleDispatchedEvents</c>).</summary>
    public string ClassSuffix { get; }

    /// <summary>Appended to the model's name for the generated reader.</summary>
    public string ReaderSuffix { get; }

    /// <summary>Appended to the model's qualified name for the generated file's hint name.</summary>
    public string HintSuffix { get; }

    /// <summary>Reported for an unusable name (SKR002, SKR020).</summary>
    public DiagnosticDescriptor InvalidName { get; }

    /// <summary>Reported for a type generated code cannot read (SKR001, SKR023).</summary>
    public DiagnosticDescriptor UnsupportedType { get; }

    /// <summary>A project event: any name character, and no key (SKR022 for a marked one).</summary>
    public bool IsProjectEvent { get; }
}
