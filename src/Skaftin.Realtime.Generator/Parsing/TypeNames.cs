using Microsoft.CodeAnalysis;

namespace Skaftin.Realtime.Generator.Parsing;

/// <summary>How type names are written into generated code.</summary>
internal static class TypeNames
{
    /// <summary><c>global::</c>-qualified, keywords escaped, <c>int</c> rather than <c>System.Int32</c>.</summary>
    public static readonly SymbolDisplayFormat FullName = SymbolDisplayFormat.FullyQualifiedFormat
        .WithMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.EscapeKeywordIdentifiers | SymbolDisplayMiscellaneousOptions.UseSpecialTypes);
}
