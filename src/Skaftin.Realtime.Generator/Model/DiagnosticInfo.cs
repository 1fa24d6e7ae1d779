using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Skaftin.Realtime.Generator.Model;

/// <summary>A diagnostic as equatable data, reported on its own pipeline output.</summary>
/// <param name="Descriptor">What is reported.</param>
/// <param name="Location">Where.</param>
/// <param name="Arguments">The message's arguments.</param>
/// <param name="Properties">Data for a code fix, as key, value, key, value, ... (e.g. the column a member should read).</param>
internal sealed record DiagnosticInfo(DiagnosticDescriptor Descriptor, LocationInfo? Location, EquatableArray<string> Arguments, EquatableArray<string> Properties = default)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, Location? location, params string[] arguments) =>
        new(descriptor, LocationInfo.From(location), arguments.ToEquatableArray());

    /// <summary>The diagnostic, located in <paramref name="tree"/> when the file it points at is in the compilation.</summary>
    public Diagnostic ToDiagnostic(SyntaxTree? tree)
    {
        var pairs = Properties.AsImmutable();
        var properties = ImmutableDictionary<string, string?>.Empty;
        for (var i = 0; i + 1 < pairs.Length; i += 2)
        {
            properties = properties.SetItem(pairs[i], pairs[i + 1]);
        }

        return Diagnostic.Create(Descriptor, Location?.ToLocation(tree), properties, Arguments.Cast<object>().ToArray());
    }
}
