using Microsoft.CodeAnalysis;

namespace Skaftin.Realtime.Generator.Diagnostics;

// The diagnostics of [SkaftinProjectEvent] types, numbered from SKR020 so the table diagnostics can grow apart.
internal static partial class DiagnosticDescriptors
{
    public static readonly DiagnosticDescriptor InvalidProjectEventType = Create(
        "SKR020",
        "Invalid project event type",
        "The project event type '{0}' on '{1}' is not valid: {2}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor DuplicateProjectEventType = Create(
        "SKR021",
        "Project event declared twice",
        "Project event '{0}' is declared by both '{1}' and '{2}'; keep one data type per event type",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor KeyOnProjectEvent = Create(
        "SKR022",
        "A project event has no key",
        "[SkaftinKey] on member '{0}' of project event '{1}' has no effect: project events are not rows and have no key; remove the attribute",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor UnsupportedProjectEventType = Create(
        "SKR023",
        "Type cannot be a Skaftin project event",
        "'{0}' cannot be the data of a Skaftin project event: {1}",
        DiagnosticSeverity.Error);
}
