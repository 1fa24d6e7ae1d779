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

/// <summary>
/// Turns one <c>[SkaftinTable]</c> type symbol into a <see cref="TableSpec"/> and its diagnostics. One instance per
/// table; each step is a small TryParse… method that reports through <see cref="Report"/>. No symbol leaves this class.
/// </summary>
internal sealed partial class TableParser
{
    private readonly INamedTypeSymbol _type;
    private readonly AttributeData _attribute;
    private readonly KnownTypeSymbols _known;
    private readonly MemberTypeParser _types;
    private readonly Location? _attributeLocation;
    private readonly string _displayName;
    private readonly CancellationToken _cancellationToken;
    private readonly ModelKind _kind;
    private readonly List<DiagnosticInfo> _diagnostics = new();
    private readonly List<MemberSpec> _members = new();
    private readonly List<(string TypeName, Location? Location)> _memberDeclarations = new();
    private readonly List<(int Index, bool Marked, ISymbol Symbol)> _keyCandidates = new();
    private readonly Dictionary<string, string> _memberByColumn = new(StringComparer.Ordinal);
    private readonly SortedSet<string> _suppressedWarnings = new(StringComparer.Ordinal);
    private bool _hasUnresolvedType;

    private TableParser(GeneratorAttributeSyntaxContext context, ModelKind kind, CancellationToken cancellationToken)
    {
        _kind = kind;
        _type = (INamedTypeSymbol)context.TargetSymbol;
        _attribute = context.Attributes[0];
        _known = KnownTypeSymbols.For(context.SemanticModel.Compilation);
        _types = new MemberTypeParser(_known);
        _attributeLocation = _attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation() ?? _type.Locations.FirstOrDefault();
        _displayName = _type.ToDisplayString();
        _cancellationToken = cancellationToken;
    }

    public static TableParseResult Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken) =>
        new TableParser(context, ModelKind.Table, cancellationToken).Parse(context.SemanticModel.SyntaxTree);

    private TableParseResult Parse(SyntaxTree tree)
    {
        if (!TryParseLanguageVersion(tree) || !TryParseName(out var tableName, out var pascal))
        {
            return Result(null, null);
        }

        var ns = _type.ContainingNamespace.IsGlobalNamespace ? null : _type.ContainingNamespace.ToDisplayString();
        var realtimeClassName = pascal + _kind.ClassSuffix;
        var containerNames = ContainerNames();
        var readerClassName = string.Concat(containerNames) + _type.Name + _kind.ReaderSuffix;
        var patchClassName = string.Concat(containerNames) + _type.Name + "Patch";
        var hintName = HintName();
        var generatedNames = new[] { realtimeClassName, realtimeClassName + "Extensions", readerClassName, patchClassName }
            .Select(name => Qualify(ns, name))
            .ToEquatableArray();
        var identity = new TableIdentity(tableName, _displayName, _type.ToDisplayString(TypeNames.FullName), generatedNames, hintName, _kind.IsProjectEvent, LocationInfo.From(_attributeLocation));
        if (!TryParseModelType())
        {
            return Result(null, identity);
        }

        CheckGeneratedNamesAreFree(ns, tableName, realtimeClassName, readerClassName, patchClassName);
        if (!TryChooseConstructor(out var constructor))
        {
            return Result(null, identity);
        }

        for (var type = _type; type is not null; type = type.ContainingType)
        {
            CheckUse(type, null);
        }

        CheckUse(constructor, null);
        var properties = AllProperties();
        ParseConstructorParameters(constructor, properties);
        ParseProperties(constructor, properties);
        CheckRequiredMembersAreRead(constructor, properties);
        var keyIndex = _kind.IsProjectEvent ? ReportKeysOfProjectEvent() : ParseKey();
        if (_hasUnresolvedType || _diagnostics.Any(static d => d.Descriptor.DefaultSeverity == DiagnosticSeverity.Error))
        {
            return Result(null, identity);
        }

        var typeName = string.Join(".", containerNames.Concat(new[] { _type.Name }));
        var spec = new TableSpec(
            ns,
            typeName,
            _type.ToDisplayString(TypeNames.FullName),
            IsPubliclyVisible(_type),
            tableName,
            realtimeClassName,
            pascal,
            readerClassName,
            hintName,
            patchClassName,
            _members.ToEquatableArray(),
            keyIndex,
            _types.Enums,
            _suppressedWarnings.ToEquatableArray());
        return Result(spec, identity) with { Schema = _kind.IsProjectEvent ? null : SchemaView(tableName, keyIndex) };
    }

    // The snapshot checks report on the model type and its members, so this view keeps their locations (apart from
    // the spec, which emission uses).
    private TableSchemaView SchemaView(string tableName, int keyIndex) => new(
        tableName,
        _displayName,
        keyIndex >= 0 ? _members[keyIndex].ColumnName : null,
        LocationInfo.From(_type.Locations.FirstOrDefault()),
        _members.Select((member, i) => new MemberSchemaView(
            member.MemberName,
            member.ColumnName,
            _memberDeclarations[i].TypeName,
            member.Type.Kind,
            member.Type.IsNullable,
            LocationInfo.From(_memberDeclarations[i].Location))).ToEquatableArray());

    // The one way a diagnostic is recorded; without a member location it points at the [SkaftinTable] attribute.
    private void Report(DiagnosticDescriptor descriptor, ISymbol? at, params string[] arguments) =>
        _diagnostics.Add(DiagnosticInfo.Create(descriptor, at?.Locations.FirstOrDefault() ?? _attributeLocation, arguments));

    private TableParseResult Result(TableSpec? spec, TableIdentity? identity) => new(spec, identity, _diagnostics.ToEquatableArray());

    private bool TryParseLanguageVersion(SyntaxTree tree)
    {
        if (tree.Options is CSharpParseOptions options && options.LanguageVersion < LanguageVersion.CSharp11)
        {
            Report(DiagnosticDescriptors.LanguageVersionTooLow, null, _displayName, options.LanguageVersion.ToDisplayString());
            return false;
        }

        return true;
    }

    private int ParseKey()
    {
        var marked = _keyCandidates.Where(static k => k.Marked).ToList();
        if (marked.Count > 1)
        {
            Report(DiagnosticDescriptors.InvalidKey, marked[1].Symbol, _displayName, "more than one member has [SkaftinKey]; composite keys are not supported, mark one member");
            return -1;
        }

        var key = marked.Count == 1 ? marked[0] : _keyCandidates.FirstOrDefault(static k => !k.Marked);
        if (key.Symbol is null)
        {
            Report(DiagnosticDescriptors.MissingKey, null, _displayName, MissingKeyReason());
            return -1;
        }

        var keyType = _members[key.Index].Type;
        if (keyType.Kind is ValueKind.Array or ValueKind.List or ValueKind.JsonElement or ValueKind.Single or ValueKind.Double or ValueKind.Boolean)
        {
            Report(DiagnosticDescriptors.InvalidKey, key.Symbol, _displayName,
                $"the key '{_members[key.Index].MemberName}' has type '{keyType.FullName}'; a key must be a string, integer, Guid, enum, decimal or date");
            return -1;
        }

        return key.Index;
    }

    // Why no member is the key: a [SkaftinKey] or an 'Id' that is not a column says which and why, else the general advice.
    private string MissingKeyReason()
    {
        const string Advice = "mark the primary-key member with [SkaftinKey] or name it 'Id', so delete events that carry only the key can be decoded";
        for (var current = _type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            foreach (var member in current.GetMembers().Where(static m => m is IPropertySymbol or IFieldSymbol && !m.IsStatic && !m.IsImplicitlyDeclared))
            {
                var marked = KnownTypeSymbols.HasAttribute(member, _known.KeyAttribute);
                if (!marked && !string.Equals(member.Name, "Id", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                var why = member switch
                {
                    IFieldSymbol => "it is a field; the reader sets properties and constructor parameters only",
                    IPropertySymbol p when KnownTypeSymbols.HasAttribute(p, _known.IgnoreAttribute) || IsJsonIgnored(p) => "it is ignored ([SkaftinIgnore] or [JsonIgnore])",
                    IPropertySymbol { SetMethod: null } => "it has no setter and no constructor parameter sets it",
                    IPropertySymbol p when !IsAccessible(p.DeclaredAccessibility) || !IsAccessible(p.SetMethod!.DeclaredAccessibility) => "it or its setter is not accessible to generated code",
                    _ when !_members.Any(m => m.MemberName == member.Name) => "the error reported on it (its type or its column) keeps it from being a column",
                    _ => null,
                };
                if (why is not null)
                {
                    return $"{(marked ? "[SkaftinKey] is on" : "the member")} '{member.Name}', which is not read from a column: {why}; make it a settable property or a constructor parameter";
                }
            }
        }

        return Advice;
    }

    // The type's and its base types' instance properties, base first; a redeclared property counts once.
    private List<IPropertySymbol> AllProperties()
    {
        var result = new List<IPropertySymbol>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var current = _type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            var declared = current.GetMembers().OfType<IPropertySymbol>()
                .Where(static p => !p.IsStatic && !p.IsIndexer && p.DeclaredAccessibility is Accessibility.Public or Accessibility.Internal && p.Name != "EqualityContract")
                .Where(p => seen.Add(p.Name))
                .ToList();
            result.InsertRange(0, declared);
        }

        return result;
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

    private bool HasInitializer(IPropertySymbol property) =>
        property.DeclaringSyntaxReferences.Any(r => r.GetSyntax(_cancellationToken) is PropertyDeclarationSyntax { Initializer: not null });

    private static bool IsAnnotatedNullable(ITypeSymbol type) =>
        type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T }
        || (!type.IsValueType && type.NullableAnnotation == NullableAnnotation.Annotated);

    private static bool IsNullable(ITypeSymbol type) =>
        type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T }
        || (!type.IsValueType && type.NullableAnnotation != NullableAnnotation.NotAnnotated);

    // A patch completes a row with the values the row already has: the property must be readable and, for a
    // constructor parameter, of the parameter's very type (nullability included, so the copy needs no conversion).
    private static bool IsReadable(IPropertySymbol? property, IParameterSymbol? parameter) =>
        property?.GetMethod is { } getter
        && IsAccessible(getter.DeclaredAccessibility)
        && (parameter is null || SymbolEqualityComparer.IncludeNullability.Equals(property.Type, parameter.Type));

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

    private static string Qualify(string? ns, string name) => ns is null ? name : ns + "." + name;

    private static string Capitalize(string name) => name.Length == 0 ? name : char.ToUpperInvariant(name[0]) + name.Substring(1);
}
