using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Skaftin.Realtime.Generator.Diagnostics;
using Skaftin.Realtime.Generator.Model;

namespace Skaftin.Realtime.Generator.Parsing;

/// <summary>Turns one <c>[SkaftinTable]</c> type symbol into a <see cref="TableSpec"/> and its diagnostics. No symbol leaves this class.</summary>
internal static class TableParser
{
    private const string KeyAttribute = "Skaftin.Realtime.SkaftinKeyAttribute";
    private const string ColumnAttribute = "Skaftin.Realtime.SkaftinColumnAttribute";
    private const string IgnoreAttribute = "Skaftin.Realtime.SkaftinIgnoreAttribute";
    private const string JsonPropertyNameAttribute = "System.Text.Json.Serialization.JsonPropertyNameAttribute";
    private const string JsonIgnoreAttribute = "System.Text.Json.Serialization.JsonIgnoreAttribute";
    private const string JsonConstructorAttribute = "System.Text.Json.Serialization.JsonConstructorAttribute";

    private static readonly SymbolDisplayFormat FullName = SymbolDisplayFormat.FullyQualifiedFormat
        .WithMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.EscapeKeywordIdentifiers | SymbolDisplayMiscellaneousOptions.UseSpecialTypes);

    public static TableParseResult Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        var type = (INamedTypeSymbol)context.TargetSymbol;
        var attribute = context.Attributes[0];
        var attributeLocation = attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation() ?? type.Locations.FirstOrDefault();
        var diagnostics = new List<DiagnosticInfo>();
        var displayName = type.ToDisplayString();

        TableParseResult Fail() => new(null, null, diagnostics.ToEquatableArray());

        if (context.SemanticModel.SyntaxTree.Options is CSharpParseOptions options && options.LanguageVersion < LanguageVersion.CSharp11)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.LanguageVersionTooLow, attributeLocation, displayName, options.LanguageVersion.ToDisplayString()));
            return Fail();
        }

        var tableName = attribute.ConstructorArguments.Length == 1 ? attribute.ConstructorArguments[0].Value as string : null;
        var pascal = tableName is null ? null : Naming.ToPascalCase(tableName);
        if (tableName is null || tableName.Trim().Length == 0)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidTableName, attributeLocation, tableName ?? "", displayName, "it is empty"));
            return Fail();
        }

        if (Naming.HasInvalidCharacter(tableName, out var invalid) || pascal is null)
        {
            var reason = pascal is null ? "it has no letter or digit" : $"it contains '{invalid}'; use letters, digits, '_', '-' and '.'";
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidTableName, attributeLocation, tableName, displayName, reason));
            return Fail();
        }

        var ns = type.ContainingNamespace.IsGlobalNamespace ? null : type.ContainingNamespace.ToDisplayString();
        var realtimeClassName = pascal + "Realtime";
        var generatedFullName = (ns is null ? "" : ns + ".") + realtimeClassName;
        var identity = new TableIdentity(tableName, displayName, type.ToDisplayString(FullName), generatedFullName, LocationInfo.From(attributeLocation));

        var problem = CheckModelType(type);
        if (problem is not null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedModelType, attributeLocation, displayName, problem));
            return new TableParseResult(null, identity, diagnostics.ToEquatableArray());
        }

        var containerNames = new List<string>();
        for (var container = type.ContainingType; container is not null; container = container.ContainingType)
        {
            containerNames.Insert(0, container.Name);
        }

        var readerClassName = string.Concat(containerNames) + type.Name + "RowReader";
        foreach (var generatedName in new[] { realtimeClassName, readerClassName, realtimeClassName + "Extensions" })
        {
            // Only the model's namespace can hold a colliding type: a lookup there, not a search of every reference
            // (this runs for every table again after any edit, so its cost counts).
            var metadataName = (ns is null ? "" : ns + ".") + generatedName;
            var extendable = generatedName == realtimeClassName;
            if (type.ContainingNamespace.GetTypeMembers(generatedName).Any(existing => existing.Arity == 0
                    && !existing.GetAttributes().Any(static a => a.AttributeClass?.ToDisplayString() == "System.CodeDom.Compiler.GeneratedCodeAttribute")
                    && !(extendable && ExtendsGeneratedClass(existing, IsPubliclyVisible(type), cancellationToken))))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.GeneratedNameCollision, attributeLocation, metadataName, tableName, "a type declared in this compilation"));
            }
        }

        var constructor = ChooseConstructor(type, out var accessibleConstructors);
        if (constructor is null)
        {
            var reason = accessibleConstructors == 0
                ? "it has no accessible constructor to create rows with; add a public constructor (a parameterless one, or one whose parameters match properties), or mark one with [JsonConstructor]"
                : $"it has {accessibleConstructors} accessible constructors and none is parameterless or the primary constructor, so which one creates rows is ambiguous; mark one with [JsonConstructor]";
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedModelType, attributeLocation, displayName, reason));
            return new TableParseResult(null, identity, diagnostics.ToEquatableArray());
        }

        var enums = new Dictionary<string, EnumSpec>(StringComparer.Ordinal);
        var members = new List<MemberSpec>();
        var keyCandidates = new List<(int Index, bool Marked, ISymbol Symbol)>();
        var byColumn = new Dictionary<string, string>(StringComparer.Ordinal);
        var properties = AllProperties(type);
        var hasUnresolvedType = false;

        void AddMember(ISymbol symbol, ITypeSymbol memberType, string memberName, MemberAssignment assignment, int ctorIndex, bool required, string defaultValue, IPropertySymbol? property, IParameterSymbol? parameter)
        {
            var typeSpec = AnalyzeType(memberType, enums, out var unsupported);
            if (typeSpec is null && memberType.TypeKind == TypeKind.Error)
            {
                // The compiler already reports the unknown type; stop generating without a second, misleading error.
                hasUnresolvedType = true;
                return;
            }

            if (typeSpec is null)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedMemberType, symbol.Locations.FirstOrDefault() ?? attributeLocation,
                    memberName, displayName, unsupported ?? memberType.ToDisplayString()));
                return;
            }

            var named = ColumnName(property, parameter);
            if (named is not null && named.Trim().Length == 0)
            {
                // An empty [SkaftinColumn("")] names no column; falling back to the snake_case name would hide the slip.
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidColumnName, symbol.Locations.FirstOrDefault() ?? attributeLocation, named, memberName, displayName));
                return;
            }

            var column = named ?? Naming.ToSnakeCase(memberName);
            if (byColumn.TryGetValue(column, out var firstMember))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateColumn, symbol.Locations.FirstOrDefault() ?? attributeLocation, firstMember, memberName, displayName, column));
                return;
            }

            byColumn[column] = memberName;
            var marked = HasAttribute(property, KeyAttribute) || HasAttribute(parameter, KeyAttribute);
            if (marked || string.Equals(memberName, "Id", StringComparison.OrdinalIgnoreCase))
            {
                keyCandidates.Add((members.Count, marked, symbol));
            }

            members.Add(new MemberSpec(memberName, column, typeSpec, assignment, ctorIndex, required, defaultValue));
        }

        var covered = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < constructor.Parameters.Length; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var parameter = constructor.Parameters[i];
            var property = PropertyOf(parameter, properties);
            var memberName = property?.Name ?? Capitalize(parameter.Name);
            covered.Add(property?.Name ?? parameter.Name);
            var nullable = IsNullable(parameter.Type);
            var defaultValue = parameter.HasExplicitDefaultValue ? Literal(parameter.ExplicitDefaultValue, parameter.Type) : "default!";
            var required = !parameter.HasExplicitDefaultValue && !nullable;
            AddMember(parameter, parameter.Type, memberName, MemberAssignment.Constructor, i, required, defaultValue, property, parameter);
        }

        foreach (var property in properties)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (covered.Contains(property.Name) || HasAttribute(property, IgnoreAttribute) || HasAttribute(property, JsonIgnoreAttribute))
            {
                continue;
            }

            var setter = property.SetMethod;
            if (setter is null || !IsAccessible(setter.DeclaredAccessibility))
            {
                // Read-only or computed: not a column.
                continue;
            }

            var nullable = IsNullable(property.Type);
            if (property.IsRequired)
            {
                AddMember(property, property.Type, property.Name, MemberAssignment.Initializer, -1, required: true, "default!", property, null);
            }
            else if (setter.IsInitOnly)
            {
                // Without its column an init-only member keeps the value the type gives it (its initializer or what
                // the constructor set), read from a first instance; so it must be readable. A non-nullable reference
                // with no initializer would keep null, a lie, so its column is required.
                var readable = property.GetMethod is { } getter && IsAccessible(getter.DeclaredAccessibility);
                var required = !readable || (!nullable && !property.Type.IsValueType && !HasInitializer(property, cancellationToken));
                AddMember(property, property.Type, property.Name, MemberAssignment.Initializer, -1, required, "default!", property, null);
            }
            else
            {
                AddMember(property, property.Type, property.Name, MemberAssignment.SetWhenPresent, -1, required: false, "default!", property, null);
            }
        }

        var keyIndex = -1;
        var marked = keyCandidates.Where(static k => k.Marked).ToList();
        if (marked.Count > 1)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidKey, marked[1].Symbol.Locations.FirstOrDefault() ?? attributeLocation, displayName,
                "more than one member has [SkaftinKey]; composite keys are not supported, mark one member"));
        }
        else
        {
            var key = marked.Count == 1 ? marked[0] : keyCandidates.FirstOrDefault(static k => !k.Marked);
            if (key.Symbol is not null)
            {
                var keyType = members[key.Index].Type;
                if (keyType.Kind is ValueKind.Array or ValueKind.List or ValueKind.JsonElement or ValueKind.Single or ValueKind.Double)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidKey, key.Symbol.Locations.FirstOrDefault() ?? attributeLocation, displayName,
                        $"the key '{members[key.Index].MemberName}' has type '{keyType.FullName}'; a key must be a string, integer, Guid, enum, decimal or date"));
                }
                else
                {
                    keyIndex = key.Index;
                }
            }
            else
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MissingKey, attributeLocation, displayName));
            }
        }

        if (hasUnresolvedType || diagnostics.Any(static d => d.Descriptor.DefaultSeverity == DiagnosticSeverity.Error))
        {
            return new TableParseResult(null, identity, diagnostics.ToEquatableArray());
        }

        var typeName = string.Join(".", containerNames.Concat(new[] { type.Name }));
        var spec = new TableSpec(
            ns,
            typeName,
            type.ToDisplayString(FullName),
            IsPubliclyVisible(type),
            tableName,
            realtimeClassName,
            pascal,
            readerClassName,
            (ns is null ? "" : ns + ".") + typeName + ".Realtime.g.cs",
            members.ToEquatableArray(),
            keyIndex,
            enums.Values.OrderBy(static e => e.ReaderName, StringComparer.Ordinal).ToEquatableArray());
        return new TableParseResult(spec, identity, diagnostics.ToEquatableArray());
    }

    private static string? CheckModelType(INamedTypeSymbol type)
    {
        if (type.TypeKind == TypeKind.Struct)
        {
            return "it is a struct; declare the row type as a record or class";
        }

        if (type.IsGenericType)
        {
            return "it is generic; declare a non-generic row type per table";
        }

        if (type.IsAbstract || type.IsStatic)
        {
            return type.IsStatic ? "it is static" : "it is abstract; rows must be creatable";
        }

        for (var current = type; current is not null; current = current.ContainingType)
        {
            if (current.IsFileLocal)
            {
                // Generated code lives in its own file, where a file-local type does not exist.
                return current.Equals(type, SymbolEqualityComparer.Default)
                    ? "it is file-local ('file' modifier), so generated code in another file cannot see it; remove 'file' or make it internal"
                    : $"its containing type '{current.Name}' is file-local ('file' modifier), so generated code in another file cannot see it; remove 'file' or make it internal";
            }

            if (!IsAccessible(current.DeclaredAccessibility))
            {
                return current.Equals(type, SymbolEqualityComparer.Default)
                    ? "it is not accessible to generated code; make it public or internal"
                    : $"its containing type '{current.Name}' is not accessible to generated code; make it public or internal";
            }

            if (current.ContainingType is { IsGenericType: true })
            {
                return "it is nested in a generic type";
            }
        }

        return null;
    }

    // The generated table class is "sealed partial class", so the user may add members in a partial class of the same
    // name; only a declaration the compiler could not merge with it (not partial, static, abstract, a struct, another
    // accessibility, another base class) is a collision.
    private static bool ExtendsGeneratedClass(INamedTypeSymbol existing, bool isPublic, CancellationToken cancellationToken)
    {
        if (existing.TypeKind != TypeKind.Class || existing.IsStatic || existing.IsAbstract || existing.ContainingType is not null)
        {
            return false;
        }

        var declarations = existing.DeclaringSyntaxReferences.Select(r => r.GetSyntax(cancellationToken)).OfType<Microsoft.CodeAnalysis.CSharp.Syntax.ClassDeclarationSyntax>().ToList();
        if (declarations.Count == 0 || declarations.Count != existing.DeclaringSyntaxReferences.Length
            || !declarations.All(static d => d.Modifiers.Any(SyntaxKind.PartialKeyword)))
        {
            return false;
        }

        var accessibilityStated = declarations.Any(static d => d.Modifiers.Any(static m => m.IsKind(SyntaxKind.PublicKeyword) || m.IsKind(SyntaxKind.InternalKeyword)
            || m.IsKind(SyntaxKind.PrivateKeyword) || m.IsKind(SyntaxKind.ProtectedKeyword) || m.IsKind(SyntaxKind.FileKeyword)));
        if (accessibilityStated && existing.DeclaredAccessibility != (isPublic ? Accessibility.Public : Accessibility.Internal))
        {
            return false;
        }

        return existing.BaseType is null || existing.BaseType.SpecialType == SpecialType.System_Object;
    }

    private static IMethodSymbol? ChooseConstructor(INamedTypeSymbol type, out int accessible)
    {
        var candidates = type.InstanceConstructors
            .Where(static c => IsAccessible(c.DeclaredAccessibility) && !IsCopyConstructor(c))
            .ToList();
        accessible = candidates.Count;
        return candidates.FirstOrDefault(static c => HasAttribute(c, JsonConstructorAttribute))
            ?? candidates.FirstOrDefault(static c => c.Parameters.Length == 0)
            ?? (candidates.Count == 1 ? candidates[0] : null)
            ?? candidates.OrderByDescending(static c => c.Parameters.Length).FirstOrDefault(c => IsPrimaryConstructor(type, c));
    }

    private static bool IsCopyConstructor(IMethodSymbol constructor) =>
        constructor.Parameters.Length == 1 && SymbolEqualityComparer.Default.Equals(constructor.Parameters[0].Type, constructor.ContainingType);

    private static bool IsPrimaryConstructor(INamedTypeSymbol type, IMethodSymbol constructor) =>
        constructor.DeclaringSyntaxReferences.Any(static r => r.GetSyntax() is Microsoft.CodeAnalysis.CSharp.Syntax.TypeDeclarationSyntax);

    private static List<IPropertySymbol> AllProperties(INamedTypeSymbol type)
    {
        var result = new List<IPropertySymbol>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            var declared = current.GetMembers().OfType<IPropertySymbol>()
                .Where(static p => !p.IsStatic && !p.IsIndexer && p.DeclaredAccessibility is Accessibility.Public or Accessibility.Internal && p.Name != "EqualityContract")
                .ToList();
            var batch = declared.Where(p => seen.Add(p.Name)).ToList();
            result.InsertRange(0, batch);
        }

        return result;
    }

    private static TypeSpec? AnalyzeType(ITypeSymbol type, Dictionary<string, EnumSpec> enums, out string? unsupported)
    {
        unsupported = null;
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullableValue)
        {
            var inner = AnalyzeType(nullableValue.TypeArguments[0], enums, out unsupported);
            return inner is null ? null : inner with { FullName = inner.FullName + "?", IsNullable = true };
        }

        var fullName = type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(FullName);
        var nullable = !type.IsValueType && type.NullableAnnotation != NullableAnnotation.NotAnnotated;
        var written = nullable ? fullName + "?" : fullName;

        ValueKind? kind = type.SpecialType switch
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
            _ => null,
        };

        kind ??= type.ToDisplayString() switch
        {
            "System.Guid" => ValueKind.Guid,
            "System.DateTimeOffset" => ValueKind.DateTimeOffset,
            "System.DateOnly" => ValueKind.DateOnly,
            "System.TimeOnly" => ValueKind.TimeOnly,
            "System.Text.Json.JsonElement" => ValueKind.JsonElement,
            _ => null,
        };

        if (kind is { } simple)
        {
            return new TypeSpec(simple, written, nullable, null, null);
        }

        if (type is INamedTypeSymbol { TypeKind: TypeKind.Enum } enumType)
        {
            var enumSpec = AnalyzeEnum(enumType, enums);
            return new TypeSpec(ValueKind.Enum, written, false, null, enumSpec.ReaderName);
        }

        ITypeSymbol? element = null;
        var collection = ValueKind.List;
        if (type is IArrayTypeSymbol { Rank: 1 } array)
        {
            element = array.ElementType;
            collection = ValueKind.Array;
        }
        else if (type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } generic
                 && generic.OriginalDefinition.ToDisplayString() is "System.Collections.Generic.List<T>" or "System.Collections.Generic.IReadOnlyList<T>"
                     or "System.Collections.Generic.IList<T>" or "System.Collections.Generic.ICollection<T>" or "System.Collections.Generic.IReadOnlyCollection<T>"
                     or "System.Collections.Generic.IEnumerable<T>")
        {
            element = generic.TypeArguments[0];
        }

        if (element is not null)
        {
            var elementSpec = AnalyzeType(element, enums, out unsupported);
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

        unsupported = type.ToDisplayString();
        return null;
    }

    private static EnumSpec AnalyzeEnum(INamedTypeSymbol enumType, Dictionary<string, EnumSpec> enums)
    {
        var fullName = enumType.ToDisplayString(FullName);
        if (enums.TryGetValue(fullName, out var existing))
        {
            return existing;
        }

        var members = new List<EnumMemberSpec>();
        foreach (var field in enumType.GetMembers().OfType<IFieldSymbol>().Where(static f => f.HasConstantValue))
        {
            var names = new List<string> { Naming.NormalizeEnumName(field.Name) };
            foreach (var attribute in field.GetAttributes())
            {
                var attributeName = attribute.AttributeClass?.ToDisplayString();
                if (attributeName == "System.Text.Json.Serialization.JsonStringEnumMemberNameAttribute" && attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is string alias)
                {
                    names.Add(Naming.NormalizeEnumName(alias));
                }
                else if (attributeName == "System.Runtime.Serialization.EnumMemberAttribute"
                         && attribute.NamedArguments.FirstOrDefault(static a => a.Key == "Value").Value.Value is string value)
                {
                    names.Add(Naming.NormalizeEnumName(value));
                }
            }

            members.Add(new EnumMemberSpec(field.Name, names.Distinct().ToEquatableArray(), Convert.ToString(field.ConstantValue, CultureInfo.InvariantCulture)!));
        }

        // The simple name keeps the reader readable; two enums of one table with one simple name are numbered.
        // The "Enum" suffix keeps it clear of the base reader's own members (an enum named Row or Array).
        var readerName = "Read" + enumType.Name + "Enum";
        for (var n = 2; enums.Values.Any(e => e.ReaderName == readerName); n++)
        {
            readerName = "Read" + enumType.Name + "Enum" + n.ToString(CultureInfo.InvariantCulture);
        }

        var isFlags = enumType.GetAttributes().Any(static a => a.AttributeClass?.ToDisplayString() == "System.FlagsAttribute");
        var underlying = enumType.EnumUnderlyingType?.SpecialType ?? SpecialType.System_Int32;
        var spec = new EnumSpec(
            fullName,
            enumType.ToDisplayString(),
            readerName,
            isFlags,
            members.ToEquatableArray(),
            underlying == SpecialType.System_UInt64,
            EnumRange(underlying),
            isFlags ? OutsideFlags(enumType, underlying) : null);
        enums[fullName] = spec;
        return spec;
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
    private static string OutsideFlags(INamedTypeSymbol enumType, SpecialType underlying)
    {
        ulong defined = 0;
        foreach (var field in enumType.GetMembers().OfType<IFieldSymbol>().Where(static f => f.HasConstantValue))
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

    private static string? ColumnName(IPropertySymbol? property, IParameterSymbol? parameter)
    {
        foreach (var symbol in new ISymbol?[] { property, parameter })
        {
            if (symbol is null)
            {
                continue;
            }

            foreach (var attribute in symbol.GetAttributes())
            {
                var name = attribute.AttributeClass?.ToDisplayString();
                if ((name == ColumnAttribute || name == JsonPropertyNameAttribute)
                    && attribute.ConstructorArguments.Length == 1)
                {
                    // Null and blank names are returned too, so the caller reports them.
                    return attribute.ConstructorArguments[0].Value as string ?? "";
                }
            }
        }

        return null;
    }

    // The property a constructor parameter initializes: the one of the same name, else the only one whose name
    // differs in case alone (so UserID and UserId stay two members).
    private static IPropertySymbol? PropertyOf(IParameterSymbol parameter, List<IPropertySymbol> properties)
    {
        var exact = properties.FirstOrDefault(p => p.Name == parameter.Name);
        if (exact is not null)
        {
            return exact;
        }

        var byCase = properties.Where(p => string.Equals(p.Name, parameter.Name, StringComparison.OrdinalIgnoreCase)).Take(2).ToList();
        return byCase.Count == 1 ? byCase[0] : null;
    }

    private static bool HasInitializer(IPropertySymbol property, CancellationToken cancellationToken) =>
        property.DeclaringSyntaxReferences.Any(r => r.GetSyntax(cancellationToken) is Microsoft.CodeAnalysis.CSharp.Syntax.PropertyDeclarationSyntax { Initializer: not null });

    private static bool HasAttribute(ISymbol? symbol, string attributeName) =>
        symbol is not null && symbol.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == attributeName);

    private static bool IsNullable(ITypeSymbol type) =>
        type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T }
        || (!type.IsValueType && type.NullableAnnotation != NullableAnnotation.NotAnnotated);

    private static bool IsAccessible(Accessibility accessibility) =>
        accessibility is Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal;

    private static bool IsPubliclyVisible(INamedTypeSymbol type)
    {
        for (var current = type; current is not null; current = current.ContainingType)
        {
            if (current.DeclaredAccessibility != Accessibility.Public)
            {
                return false;
            }
        }

        return true;
    }

    private static string Capitalize(string name) => name.Length == 0 ? name : char.ToUpperInvariant(name[0]) + name.Substring(1);

    // A constructor parameter's default value as a C# expression of the parameter's type. Casts wrap their operand
    // in parentheses: "(E)-1" would parse as a subtraction.
    private static string Literal(object? value, ITypeSymbol type)
    {
        var isNullableValue = type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T };
        if (value is null)
        {
            return type.IsValueType && !isNullableValue ? "default" : "null";
        }

        var target = isNullableValue ? ((INamedTypeSymbol)type).TypeArguments[0] : type;
        var cast = "(" + target.ToDisplayString(FullName) + ")";
        if (target.TypeKind == TypeKind.Enum)
        {
            return cast + "(" + Convert.ToString(value, CultureInfo.InvariantCulture) + ")";
        }

        return value switch
        {
            string s => SymbolDisplay.FormatLiteral(s, quote: true),
            char c => SymbolDisplay.FormatLiteral(c, quote: true),
            bool b => b ? "true" : "false",
            float f => FloatLiteral(f),
            double d => DoubleLiteral(d),
            decimal m => m.ToString(CultureInfo.InvariantCulture) + "m",
            _ => cast + "(" + Convert.ToString(value, CultureInfo.InvariantCulture) + ")",
        };
    }

    // "R" does not round-trip every value on .NET Framework (a Visual Studio host); G9 and G17 always do.
    private static string FloatLiteral(float value) => FloatingLiteral(
        "float", "f", value, value.ToString("R", CultureInfo.InvariantCulture), static text => float.Parse(text, CultureInfo.InvariantCulture), value.ToString("G9", CultureInfo.InvariantCulture));

    private static string DoubleLiteral(double value) => FloatingLiteral(
        "double", "d", value, value.ToString("R", CultureInfo.InvariantCulture), static text => double.Parse(text, CultureInfo.InvariantCulture), value.ToString("G17", CultureInfo.InvariantCulture));

    private static string FloatingLiteral(string keyword, string suffix, double value, string shortest, Func<string, double> parse, string exact)
    {
        if (double.IsNaN(value))
        {
            return keyword + ".NaN";
        }

        if (double.IsInfinity(value))
        {
            return keyword + (value > 0 ? ".PositiveInfinity" : ".NegativeInfinity");
        }

        return (parse(shortest) == value ? shortest : exact) + suffix;
    }
}
