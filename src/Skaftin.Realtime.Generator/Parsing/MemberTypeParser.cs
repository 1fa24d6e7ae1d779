using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Skaftin.Realtime.Generator.Model;

namespace Skaftin.Realtime.Generator.Parsing;

/// <summary>Turns a member's type into the <see cref="TypeSpec"/> its reader needs, collecting the enums one table uses.</summary>
internal sealed class MemberTypeParser
{
    private readonly KnownTypeSymbols _known;
    private readonly Dictionary<string, EnumSpec> _enums = new(StringComparer.Ordinal);

    public MemberTypeParser(KnownTypeSymbols known) => _known = known;

    /// <summary>The enums parsed so far, one reader each, in a stable order.</summary>
    public EquatableArray<EnumSpec> Enums => _enums.Values.OrderBy(static e => e.ReaderName, StringComparer.Ordinal).ToEquatableArray();

    /// <summary>The type's spec, or false with what cannot be decoded.</summary>
    public bool TryParse(ITypeSymbol type, out TypeSpec spec, out string unsupported)
    {
        var parsed = Parse(type, out var reason);
        spec = parsed!;
        unsupported = reason ?? type.ToDisplayString();
        return parsed is not null;
    }

    private TypeSpec? Parse(ITypeSymbol type, out string? unsupported)
    {
        unsupported = null;
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullableValue)
        {
            var inner = Parse(nullableValue.TypeArguments[0], out unsupported);
            return inner is null ? null : inner with { FullName = inner.FullName + "?", IsNullable = true };
        }

        var fullName = type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(TypeNames.FullName);
        var nullable = !type.IsValueType && type.NullableAnnotation != NullableAnnotation.NotAnnotated;
        var written = nullable ? fullName + "?" : fullName;
        if (SimpleKind(type) is { } simple)
        {
            return new TypeSpec(simple, written, nullable, null, null);
        }

        if (type is INamedTypeSymbol { TypeKind: TypeKind.Enum } enumType)
        {
            return new TypeSpec(ValueKind.Enum, written, false, null, ParseEnum(enumType).ReaderName);
        }

        if (!TryGetElement(type, out var element, out var collection))
        {
            unsupported = type.ToDisplayString();
            return null;
        }

        var elementSpec = Parse(element, out unsupported);
        if (elementSpec is null || elementSpec.Kind is ValueKind.Array or ValueKind.List)
        {
            unsupported ??= type.ToDisplayString() + " (collections of collections are not supported)";
            return null;
        }

        // Written from the element the reader produces, so List<string?> (and an oblivious string list, read as
        // string?) is declared with the nullability ReadList returns.
        var collectionName = collection == ValueKind.Array
            ? elementSpec.FullName + "[]"
            : "global::System.Collections.Generic.List<" + elementSpec.FullName + ">";
        return new TypeSpec(collection, nullable ? collectionName + "?" : collectionName, nullable, elementSpec, null);
    }

    private ValueKind? SimpleKind(ITypeSymbol type) => type.SpecialType switch
    {
        SpecialType.System_String => ValueKind.String,
        SpecialType.System_Boolean => ValueKind.Boolean,
        SpecialType.System_Byte => ValueKind.Byte,
        SpecialType.System_SByte => ValueKind.SByte,
        SpecialType.System_Int16 => ValueKind.Int16,
        SpecialType.System_UInt16 => ValueKind.UInt16,
        SpecialType.System_Int32 => ValueKind.Int32,
        SpecialType.System_UInt32 => ValueKind.UInt32,
        SpecialType.System_Int64 => ValueKind.Int64,
        SpecialType.System_UInt64 => ValueKind.UInt64,
        SpecialType.System_Single => ValueKind.Single,
        SpecialType.System_Double => ValueKind.Double,
        SpecialType.System_Decimal => ValueKind.Decimal,
        SpecialType.System_DateTime => ValueKind.DateTime,
        _ when KnownTypeSymbols.Is(type, _known.Guid) => ValueKind.Guid,
        _ when KnownTypeSymbols.Is(type, _known.DateTimeOffset) => ValueKind.DateTimeOffset,
        _ when KnownTypeSymbols.Is(type, _known.DateOnly) => ValueKind.DateOnly,
        _ when KnownTypeSymbols.Is(type, _known.TimeOnly) => ValueKind.TimeOnly,
        _ when KnownTypeSymbols.Is(type, _known.JsonElement) => ValueKind.JsonElement,
        _ => null,
    };

    private bool TryGetElement(ITypeSymbol type, out ITypeSymbol element, out ValueKind collection)
    {
        if (type is IArrayTypeSymbol { Rank: 1 } array)
        {
            (element, collection) = (array.ElementType, ValueKind.Array);
            return true;
        }

        if (type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } generic && _known.IsListType(generic.OriginalDefinition))
        {
            (element, collection) = (generic.TypeArguments[0], ValueKind.List);
            return true;
        }

        (element, collection) = (type, ValueKind.List);
        return false;
    }

    private EnumSpec ParseEnum(INamedTypeSymbol enumType)
    {
        var fullName = enumType.ToDisplayString(TypeNames.FullName);
        if (_enums.TryGetValue(fullName, out var existing))
        {
            return existing;
        }

        var fields = enumType.GetMembers().OfType<IFieldSymbol>().Where(static f => f.HasConstantValue).ToList();
        var members = fields
            .Select(field => MemberSpecOf(field))
            .ToEquatableArray();

        // The simple name keeps the reader readable; two enums of one table with one simple name are numbered.
        // The "Enum" suffix keeps it clear of the base reader's own members (an enum named Row or Array).
        var readerName = "Read" + enumType.Name + "Enum";
        for (var n = 2; _enums.Values.Any(e => e.ReaderName == readerName); n++)
        {
            readerName = "Read" + enumType.Name + "Enum" + n.ToString(CultureInfo.InvariantCulture);
        }

        var isFlags = KnownTypeSymbols.HasAttribute(enumType, _known.FlagsAttribute);
        var underlying = enumType.EnumUnderlyingType?.SpecialType ?? SpecialType.System_Int32;
        var spec = new EnumSpec(
            fullName,
            enumType.ToDisplayString(),
            readerName,
            isFlags,
            members,
            underlying == SpecialType.System_UInt64,
            EnumRange(underlying),
            isFlags ? OutsideFlags(fields, underlying) : null);
        _enums[fullName] = spec;
        return spec;
    }

    // As System.Text.Json: an alias replaces the member's name on the wire, so "B" is the member aliased "B" even when
    // another member's C# name is B. The C# name of an aliased member is still read, after every wire name.
    private EnumMemberSpec MemberSpecOf(IFieldSymbol field)
    {
        var aliases = Aliases(field).Distinct(StringComparer.Ordinal).ToList();
        var wireNames = aliases.Count > 0 ? aliases : new List<string> { field.Name };
        var normalizedWireNames = wireNames.Select(Naming.NormalizeEnumName).Distinct(StringComparer.Ordinal).ToList();
        var normalizedName = Naming.NormalizeEnumName(field.Name);
        return new EnumMemberSpec(
            field.Name,
            wireNames.ToEquatableArray(),
            normalizedWireNames.ToEquatableArray(),
            normalizedWireNames.Contains(normalizedName) ? null : normalizedName,
            Convert.ToString(field.ConstantValue, CultureInfo.InvariantCulture)!,
            _known.IsObsoleteOrExperimental(field));
    }

    // The aliases [JsonStringEnumMemberName] and [EnumMember(Value = ...)] give a member.
    private IEnumerable<string> Aliases(IFieldSymbol field)
    {
        foreach (var attribute in field.GetAttributes())
        {
            if (KnownTypeSymbols.Is(attribute.AttributeClass, _known.JsonStringEnumMemberNameAttribute)
                && attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is string alias)
            {
                yield return alias;
            }
            else if (KnownTypeSymbols.Is(attribute.AttributeClass, _known.EnumMemberAttribute)
                     && attribute.NamedArguments.FirstOrDefault(static a => a.Key == "Value").Value.Value is string value)
            {
                yield return value;
            }
        }
    }

    // The pattern a number read as long must match to fit the enum's underlying type; null when every long fits
    // (long) or the number is read as ulong (ulong).
    private static string? EnumRange(SpecialType underlying) => underlying switch
    {
        SpecialType.System_Byte => ">= 0 and <= 255",
        SpecialType.System_SByte => ">= -128 and <= 127",
        SpecialType.System_Int16 => ">= -32768 and <= 32767",
        SpecialType.System_UInt16 => ">= 0 and <= 65535",
        SpecialType.System_UInt32 => ">= 0 and <= 4294967295",
        SpecialType.System_Int64 or SpecialType.System_UInt64 => null,
        _ => ">= -2147483648 and <= 2147483647",
    };

    // The bits no flag defines, as a literal of the number's type: a number with any of them set is not a combination
    // of the enum's flags. Signed values are sign-extended, so a flag of -1 (all bits) allows every number in range.
    private static string OutsideFlags(IEnumerable<IFieldSymbol> fields, SpecialType underlying)
    {
        ulong defined = 0;
        foreach (var field in fields)
        {
            defined |= field.ConstantValue switch
            {
                ulong u => u,
                long l => unchecked((ulong)l),
                uint u => u,
                int i => unchecked((ulong)(long)i),
                ushort u => u,
                short v => unchecked((ulong)(long)v),
                byte b => b,
                sbyte v => unchecked((ulong)(long)v),
                _ => 0UL,
            };
        }

        var outside = ~defined;
        return underlying == SpecialType.System_UInt64
            ? outside.ToString(CultureInfo.InvariantCulture) + "UL"
            : unchecked((long)outside).ToString(CultureInfo.InvariantCulture) + "L";
    }
}
