using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace Skaftin.Realtime.Generator.Parsing;

/// <summary>
/// The types the parser recognizes, looked up once per compilation and compared by symbol, never by display string
/// (a user type named like one of them in another namespace must not match).
/// </summary>
internal sealed class KnownTypeSymbols
{
    private static readonly ConditionalWeakTable<Compilation, KnownTypeSymbols> PerCompilation = new();

    private readonly ImmutableArray<INamedTypeSymbol> _listTypes;

    private KnownTypeSymbols(Compilation compilation)
    {
        KeyAttribute = compilation.GetTypeByMetadataName("Skaftin.Realtime.SkaftinKeyAttribute");
        ColumnAttribute = compilation.GetTypeByMetadataName("Skaftin.Realtime.SkaftinColumnAttribute");
        IgnoreAttribute = compilation.GetTypeByMetadataName("Skaftin.Realtime.SkaftinIgnoreAttribute");
        JsonPropertyNameAttribute = compilation.GetTypeByMetadataName("System.Text.Json.Serialization.JsonPropertyNameAttribute");
        JsonIgnoreAttribute = compilation.GetTypeByMetadataName("System.Text.Json.Serialization.JsonIgnoreAttribute");
        JsonConstructorAttribute = compilation.GetTypeByMetadataName("System.Text.Json.Serialization.JsonConstructorAttribute");
        JsonConverterAttribute = compilation.GetTypeByMetadataName("System.Text.Json.Serialization.JsonConverterAttribute");
        JsonStringEnumConverter = compilation.GetTypeByMetadataName("System.Text.Json.Serialization.JsonStringEnumConverter");
        JsonStringEnumConverterOfT = compilation.GetTypeByMetadataName("System.Text.Json.Serialization.JsonStringEnumConverter`1");
        JsonStringEnumMemberNameAttribute = compilation.GetTypeByMetadataName("System.Text.Json.Serialization.JsonStringEnumMemberNameAttribute");
        EnumMemberAttribute = compilation.GetTypeByMetadataName("System.Runtime.Serialization.EnumMemberAttribute");
        FlagsAttribute = compilation.GetTypeByMetadataName("System.FlagsAttribute");
        GeneratedCodeAttribute = compilation.GetTypeByMetadataName("System.CodeDom.Compiler.GeneratedCodeAttribute");
        Guid = compilation.GetTypeByMetadataName("System.Guid");
        DateTimeOffset = compilation.GetTypeByMetadataName("System.DateTimeOffset");
        DateOnly = compilation.GetTypeByMetadataName("System.DateOnly");
        TimeOnly = compilation.GetTypeByMetadataName("System.TimeOnly");
        JsonElement = compilation.GetTypeByMetadataName("System.Text.Json.JsonElement");
        ObsoleteAttribute = compilation.GetTypeByMetadataName("System.ObsoleteAttribute");
        ExperimentalAttribute = compilation.GetTypeByMetadataName("System.Diagnostics.CodeAnalysis.ExperimentalAttribute");
        SetsRequiredMembersAttribute = compilation.GetTypeByMetadataName("System.Diagnostics.CodeAnalysis.SetsRequiredMembersAttribute");
        _listTypes = new[]
            {
                "System.Collections.Generic.List`1", "System.Collections.Generic.IReadOnlyList`1", "System.Collections.Generic.IList`1",
                "System.Collections.Generic.ICollection`1", "System.Collections.Generic.IReadOnlyCollection`1", "System.Collections.Generic.IEnumerable`1",
            }
            .Select(compilation.GetTypeByMetadataName)
            .Where(static t => t is not null)
            .Select(static t => t!)
            .ToImmutableArray();
    }

    public INamedTypeSymbol? KeyAttribute { get; }

    public INamedTypeSymbol? ColumnAttribute { get; }

    public INamedTypeSymbol? IgnoreAttribute { get; }

    public INamedTypeSymbol? JsonPropertyNameAttribute { get; }

    public INamedTypeSymbol? JsonIgnoreAttribute { get; }

    public INamedTypeSymbol? JsonConstructorAttribute { get; }

    public INamedTypeSymbol? JsonStringEnumMemberNameAttribute { get; }

    /// <summary>System.Text.Json.Serialization.JsonConverterAttribute (the readers do not run converters: SKR015).</summary>
    public INamedTypeSymbol? JsonConverterAttribute { get; }

    /// <summary>System.Text.Json.Serialization.JsonStringEnumConverter: the enum reading the readers already do.</summary>
    public INamedTypeSymbol? JsonStringEnumConverter { get; }

    /// <summary>System.Text.Json.Serialization.JsonStringEnumConverter&lt;TEnum&gt;.</summary>
    public INamedTypeSymbol? JsonStringEnumConverterOfT { get; }

    public INamedTypeSymbol? EnumMemberAttribute { get; }

    public INamedTypeSymbol? FlagsAttribute { get; }

    public INamedTypeSymbol? GeneratedCodeAttribute { get; }

    public INamedTypeSymbol? Guid { get; }

    public INamedTypeSymbol? DateTimeOffset { get; }

    public INamedTypeSymbol? DateOnly { get; }

    public INamedTypeSymbol? TimeOnly { get; }

    public INamedTypeSymbol? JsonElement { get; }

    public INamedTypeSymbol? ObsoleteAttribute { get; }

    public INamedTypeSymbol? ExperimentalAttribute { get; }

    public INamedTypeSymbol? SetsRequiredMembersAttribute { get; }

    /// <summary>Whether using <paramref name="symbol"/> makes the compiler warn or fail: [Obsolete] or [Experimental].</summary>
    public bool IsObsoleteOrExperimental(ISymbol symbol) =>
        HasAttribute(symbol, ObsoleteAttribute) || HasAttribute(symbol, ExperimentalAttribute);

    /// <summary>The symbols of <paramref name="compilation"/>, found on first use and shared by every table in it.</summary>
    public static KnownTypeSymbols For(Compilation compilation) =>
        PerCompilation.GetValue(compilation, static c => new KnownTypeSymbols(c));

    /// <summary>Whether <paramref name="symbol"/> is <paramref name="known"/> (false when the compilation lacks it).</summary>
    public static bool Is(ISymbol? symbol, INamedTypeSymbol? known) =>
        known is not null && SymbolEqualityComparer.Default.Equals(symbol, known);

    /// <summary>Whether <paramref name="definition"/> is <c>List&lt;T&gt;</c> or one of the list interfaces it implements.</summary>
    public bool IsListType(INamedTypeSymbol definition) =>
        _listTypes.Any(t => SymbolEqualityComparer.Default.Equals(definition, t));

    /// <summary>Whether <paramref name="symbol"/> carries the attribute <paramref name="attribute"/>.</summary>
    public static bool HasAttribute(ISymbol? symbol, INamedTypeSymbol? attribute) =>
        symbol is not null && attribute is not null && symbol.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, attribute));
}
