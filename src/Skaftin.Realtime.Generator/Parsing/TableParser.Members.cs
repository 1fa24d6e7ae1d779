using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Skaftin.Realtime.Generator.Diagnostics;
using Skaftin.Realtime.Generator.Model;

namespace Skaftin.Realtime.Generator.Parsing;

internal sealed partial class TableParser
{
    // The constructor marked [JsonConstructor], else the parameterless one, else the only one, else the primary one.
    private bool TryChooseConstructor(out IMethodSymbol constructor)
    {
        var candidates = _type.InstanceConstructors
            .Where(static c => IsAccessible(c.DeclaredAccessibility) && !IsCopyConstructor(c))
            .ToList();
        var chosen = candidates.FirstOrDefault(c => KnownTypeSymbols.HasAttribute(c, _known.JsonConstructorAttribute))
            ?? candidates.FirstOrDefault(static c => c.Parameters.Length == 0)
            ?? (candidates.Count == 1 ? candidates[0] : null)
            ?? candidates.OrderByDescending(static c => c.Parameters.Length).FirstOrDefault(IsPrimaryConstructor);
        constructor = chosen!;
        if (chosen is not null)
        {
            return true;
        }

        var reason = candidates.Count == 0
            ? "it has no accessible constructor to create rows with; add a public constructor (a parameterless one, or one whose parameters match properties), or mark one with [JsonConstructor]"
            : $"it has {candidates.Count} accessible constructors and none is parameterless or the primary constructor, so which one creates rows is ambiguous; mark one with [JsonConstructor]";
        Report(_kind.UnsupportedType, null, _displayName, reason);
        return false;
    }

    private static bool IsCopyConstructor(IMethodSymbol constructor) =>
        constructor.Parameters.Length == 1 && SymbolEqualityComparer.Default.Equals(constructor.Parameters[0].Type, constructor.ContainingType);

    private static bool IsPrimaryConstructor(IMethodSymbol constructor) =>
        constructor.DeclaringSyntaxReferences.Any(static r => r.GetSyntax() is TypeDeclarationSyntax);

    private void ParseConstructorParameters(IMethodSymbol constructor, List<IPropertySymbol> properties)
    {
        for (var i = 0; i < constructor.Parameters.Length; i++)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            var parameter = constructor.Parameters[i];
            var property = PropertyOf(parameter, properties);
            var defaultValue = parameter.HasExplicitDefaultValue ? DefaultValueLiteral.Write(parameter.ExplicitDefaultValue, parameter.Type) : "default!";
            // Required unless it has a default or is annotated nullable: a parameter without nullable annotations
            // ('string' with nullable disabled) is not optional because the compiler cannot tell; it still takes null.
            var required = !parameter.HasExplicitDefaultValue && !IsAnnotatedNullable(parameter.Type);
            TryAddMember(parameter, parameter.Type, property?.Name ?? Capitalize(parameter.Name), MemberAssignment.Constructor, i, required, defaultValue, property, parameter);
        }
    }

    private void ParseProperties(IMethodSymbol constructor, List<IPropertySymbol> properties)
    {
        var covered = new HashSet<string>(constructor.Parameters.Select(p => PropertyOf(p, properties)?.Name ?? p.Name), StringComparer.Ordinal);
        foreach (var property in properties)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            var setter = property.SetMethod;
            if (covered.Contains(property.Name)
                || KnownTypeSymbols.HasAttribute(property, _known.IgnoreAttribute)
                || IsJsonIgnored(property)
                || setter is null
                || !IsAccessible(setter.DeclaredAccessibility))
            {
                // Ignored, set by the constructor, read-only or computed: not a column of its own.
                continue;
            }

            if (property.IsRequired)
            {
                TryAddMember(property, property.Type, property.Name, MemberAssignment.Initializer, -1, required: true, "default!", property, null);
            }
            else if (setter.IsInitOnly)
            {
                // Without its column an init-only member keeps the value the type gives it (its initializer or what
                // the constructor set), read from a first instance; so it must be readable. A non-nullable reference
                // with no initializer would keep null, a lie, so its column is required.
                var readable = property.GetMethod is { } getter && IsAccessible(getter.DeclaredAccessibility);
                var required = !readable || (!IsNullable(property.Type) && !property.Type.IsValueType && !HasInitializer(property));
                TryAddMember(property, property.Type, property.Name, MemberAssignment.Initializer, -1, required, "default!", property, null);
            }
            else
            {
                TryAddMember(property, property.Type, property.Name, MemberAssignment.SetWhenPresent, -1, required: false, "default!", property, null);
            }
        }
    }

    private void TryAddMember(ISymbol symbol, ITypeSymbol memberType, string memberName, MemberAssignment assignment, int constructorIndex, bool required, string defaultValue, IPropertySymbol? property, IParameterSymbol? parameter)
    {
        if (!_types.TryParse(memberType, out var typeSpec, out var unsupported))
        {
            if (memberType.TypeKind == TypeKind.Error)
            {
                // The compiler already reports the unknown type; stop generating without a second, misleading error.
                _hasUnresolvedType = true;
            }
            else
            {
                Report(DiagnosticDescriptors.UnsupportedMemberType, symbol, memberName, _displayName, unsupported);
            }

            return;
        }

        if (!TryParseColumnName(symbol, memberName, property, parameter, out var column) || !EnumNamesAreEncodable(symbol, memberName, typeSpec))
        {
            return;
        }

        CheckUseOfType(memberType, symbol);
        if (property is not null)
        {
            CheckUse(property, symbol);
        }

        var marked = KnownTypeSymbols.HasAttribute(property, _known.KeyAttribute) || KnownTypeSymbols.HasAttribute(parameter, _known.KeyAttribute);
        if (marked || string.Equals(memberName, "Id", StringComparison.OrdinalIgnoreCase))
        {
            _keyCandidates.Add((_members.Count, marked, symbol));
        }

        ReportUnusedConverter(symbol, memberType, memberName, property, parameter);
        _members.Add(new MemberSpec(memberName, column, typeSpec, assignment, constructorIndex, required, defaultValue, IsReadable(property, parameter)));
        _memberDeclarations.Add((memberType.ToDisplayString(), symbol.Locations.FirstOrDefault()));
    }

    // System.Text.Json would read the column through the converter; the reader cannot, so it says so (SKR015) rather
    // than read another value silently. A string enum converter on an enum type is what the reader does anyway.
    private void ReportUnusedConverter(ISymbol symbol, ITypeSymbol memberType, string memberName, IPropertySymbol? property, IParameterSymbol? parameter)
    {
        var onMember = ConverterOf(property) ?? ConverterOf(parameter);
        var valueType = memberType is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable ? nullable.TypeArguments[0] : memberType;
        var onType = onMember is null ? ConverterOf(valueType) : null;
        var converter = onMember ?? onType;
        if (converter is null || (onType is not null && IsStringEnumConverter(converter)))
        {
            return;
        }

        Report(DiagnosticDescriptors.ConverterNotUsed, symbol, memberName, _displayName, converter.ToDisplayString(),
            onType is null ? "" : $" on its type '{valueType.ToDisplayString()}'", memberType.ToDisplayString());
    }

    private ITypeSymbol? ConverterOf(ISymbol? symbol) => symbol?.GetAttributes()
        .Where(a => KnownTypeSymbols.Is(a.AttributeClass, _known.JsonConverterAttribute) && a.ConstructorArguments.Length == 1)
        .Select(static a => a.ConstructorArguments[0].Value as ITypeSymbol)
        .FirstOrDefault(static t => t is not null);

    private bool IsStringEnumConverter(ITypeSymbol converter) =>
        KnownTypeSymbols.Is(converter, _known.JsonStringEnumConverter)
        || (converter is INamedTypeSymbol { IsGenericType: true } generic && KnownTypeSymbols.Is(generic.OriginalDefinition, _known.JsonStringEnumConverterOfT));

    // [SkaftinColumn], else [JsonPropertyName], on the property or the parameter, else the snake_case member name.
    // [SkaftinColumn] wins whatever the attributes' order: it is the SDK's own, System.Text.Json's may serve another wire.
    private bool TryParseColumnName(ISymbol symbol, string memberName, IPropertySymbol? property, IParameterSymbol? parameter, out string column)
    {
        var named = NamedColumn(property) ?? NamedColumn(parameter);
        column = named ?? Naming.ToSnakeCase(memberName);
        if (named is not null && named.Trim().Length == 0)
        {
            // An empty [SkaftinColumn("")] names no column; falling back to the snake_case name would hide the slip.
            Report(DiagnosticDescriptors.InvalidColumnName, symbol, named, memberName, _displayName);
            return false;
        }

        if (Naming.HasLoneSurrogate(column, out var lone))
        {
            Report(DiagnosticDescriptors.UnencodableName, symbol, Naming.Printable(column), $"the column of member '{memberName}' of '{_displayName}'", ((int)lone).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
            return false;
        }

        if (_memberByColumn.TryGetValue(column, out var firstMember))
        {
            Report(DiagnosticDescriptors.DuplicateColumn, symbol, firstMember, memberName, _displayName, column);
            return false;
        }

        _memberByColumn[column] = memberName;
        return true;
    }

    // An enum's aliases are matched as UTF-8 text, so one with an unpaired surrogate could never match (and its u8
    // literal would not compile).
    private bool EnumNamesAreEncodable(ISymbol symbol, string memberName, TypeSpec type)
    {
        var enumType = type.Element ?? type;
        if (enumType.Kind != ValueKind.Enum)
        {
            return true;
        }

        var spec = _types.Enums.First(e => e.ReaderName == enumType.EnumReader);
        foreach (var member in spec.Members)
        {
            foreach (var name in member.WireNames.Concat(member.NormalizedWireNames))
            {
                if (Naming.HasLoneSurrogate(name, out var lone))
                {
                    Report(DiagnosticDescriptors.UnencodableName, symbol, Naming.Printable(name),
                        $"enum member '{spec.DisplayName}.{member.Name}', the type of member '{memberName}' of '{_displayName}'",
                        ((int)lone).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
                    return false;
                }
            }
        }

        return true;
    }

    // Null and blank names are returned too, so the caller reports them.
    private string? NamedColumn(ISymbol? symbol) =>
        NamedBy(symbol, _known.ColumnAttribute) ?? NamedBy(symbol, _known.JsonPropertyNameAttribute);

    private static string? NamedBy(ISymbol? symbol, INamedTypeSymbol? attribute) => symbol?.GetAttributes()
        .Where(a => KnownTypeSymbols.Is(a.AttributeClass, attribute) && a.ConstructorArguments.Length == 1)
        .Select(static a => a.ConstructorArguments[0].Value as string ?? "")
        .FirstOrDefault();

    // As System.Text.Json reads: [JsonIgnore] without a condition, or with Condition = Always, means "not read";
    // Never, WhenWritingNull and WhenWritingDefault concern writing only, so such a member is still a column.
    private bool IsJsonIgnored(IPropertySymbol property) => property.GetAttributes()
        .Where(a => KnownTypeSymbols.Is(a.AttributeClass, _known.JsonIgnoreAttribute))
        .Any(static a => a.NamedArguments.FirstOrDefault(static n => n.Key == "Condition").Value.Value is null or 1);
}
