using System.Linq;
using Microsoft.CodeAnalysis;

namespace Skaftin.Realtime.Generator.Model;

/// <summary>A diagnostic as equatable data, reported on its own pipeline output.</summary>
internal sealed record DiagnosticInfo(DiagnosticDescriptor Descriptor, LocationInfo? Location, EquatableArray<string> Arguments)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, Location? location, params string[] arguments) =>
        new(descriptor, LocationInfo.From(location), arguments.ToEquatableArray());

    /// <summary>The diagnostic, located in <paramref name="tree"/> when the file it points at is in the compilation.</summary>
    public Diagnostic ToDiagnostic(SyntaxTree? tree) =>
        Diagnostic.Create(Descriptor, Location?.ToLocation(tree), Arguments.Cast<object>().ToArray());
}
