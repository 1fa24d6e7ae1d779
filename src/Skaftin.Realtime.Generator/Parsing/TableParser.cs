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

    // The table's name (SKR002), or a project event's type (SKR020): non-blank, and usable in generated names.
    private bool TryParseName(out string tableName, out string pascal)
    {
        tableName = _attribute.ConstructorArguments.Length == 1 ? _attribute.ConstructorArguments[0].Value as string ?? "" : "";
        pascal = Naming.ToPascalCase(tableName) ?? "";
        if (tableName.Trim().Length == 0)
        {
            Report(_kind.InvalidName, null, tableName, _displayName, "it is empty");
            return false;
        }

        // The character is named first: a Cyrillic or full-width name has letters, just none generated names can use.
        var invalid = default(char);
        if ((!_kind.IsProjectEvent && Naming.HasInvalidCharacter(tableName, out invalid)) || pascal.Length == 0)
        {
            var reason = invalid != default(char)
                ? $"it contains '{invalid}' (U+{(int)invalid:X4}); use ASCII letters, digits, '_', '-' and '.'"
                : "it has no ASCII letter or digit (a-z, A-Z, 0-9), which the generated type names are made of";
            Report(_kind.InvalidName, null, tableName, _displayName, reason);
            return false;
        }

        return true;
    }

    private bool TryParseModelType()
    {
        var problem = ModelTypeProblem(_type);
        if (problem is not null)
        {
            Report(_kind.UnsupportedType, null, _displayName, problem);
            return false;
        }

        return true;
    }

    private static string? ModelTypeProblem(INamedTypeSymbol type)
    {
        if (type.TypeKind == TypeKind.Struct)
        {
            return "it is a struct; declare the row type as a record or class";
        }

        // Arity, not IsGenericType: IsGenericType is also true for a type nested in a generic one (reported below).
        if (type.Arity > 0)
        {
            return "it is generic; declare a non-generic row type per table";
        }

        if (type.IsAbstract || type.IsStatic)
        {
            return type.IsStatic ? "it is static" : "it is abstract; rows must be creatable";
        }

        for (var current = type; current is not null; current = current.ContainingType)
        {
            var self = SymbolEqualityComparer.Default.Equals(current, type);
            if (current.IsFileLocal)
            {
                // Generated code lives in its own file, where a file-local type does not exist.
                return (self ? "it is" : $"its containing type '{current.Name}' is")
                    + " file-local ('file' modifier), so generated code in another file cannot see it; remove 'file' or make it internal";
            }

            if (!IsAccessible(current.DeclaredAccessibility))
            {
                return (self ? "it is" : $"its containing type '{current.Name}' is") + " not accessible to generated code; make it public or internal";
            }

            if (current.ContainingType is { IsGenericType: true })
            {
                return "it is nested in a generic type";
            }
        }

        return null;
    }

    // {Namespace}.{Containers}.{Type}{suffix} from the names as declared: no '@' (Roslyn refuses it in a hint name).
    // Unique per declaration but for case, which the cross-table check settles (EmissionPlan.HintFor).
    private string HintName()
    {
        var parts = new List<string>();
        for (ISymbol current = _type; current is not null && current is not INamespaceSymbol { IsGlobalNamespace: true }; current = current.ContainingSymbol)
        {
            parts.Insert(0, current.MetadataName);
        }

        return string.Join(".", parts) + _kind.HintSuffix;
    }

    // Generated code names the model, its containing types, the constructor it calls, the members it reads and sets,
    // and their types. Using an [Obsolete] or [Experimental] one warns (an error under warnings-as-errors, and
    // Experimental is an error by default), so the generated file disables exactly those ids; an
    // [Obsolete(error: true)] one cannot be used at all, and the model is refused (SKR011).
    private void CheckUse(ISymbol used, ISymbol? at)
    {
        foreach (var attribute in used.GetAttributes())
        {
            if (KnownTypeSymbols.Is(attribute.AttributeClass, _known.ObsoleteAttribute))
            {
                var arguments = attribute.ConstructorArguments;
                var customId = attribute.NamedArguments.FirstOrDefault(static a => a.Key == "DiagnosticId").Value.Value as string;
                if (arguments.Length == 2 && arguments[1].Value is true)
                {
                    // What the user can do depends on what generated code uses it for.
                    var fix = at is not null ? "leave the member out with [JsonIgnore] or [SkaftinIgnore], or drop error: true"
                        : used is IMethodSymbol ? "mark another constructor with [JsonConstructor], or drop error: true"
                        : "drop error: true";
                    Report(DiagnosticDescriptors.UnusableDeclaration, at, used.ToDisplayString(), _displayName,
                        "is [Obsolete] with error: true, so code using it cannot compile; " + fix);
                }
                else
                {
                    Suppress(customId ?? (arguments.Length > 0 && arguments[0].Value is string ? "CS0618" : "CS0612"), used, at, "[Obsolete] with DiagnosticId");
                }
            }
            else if (KnownTypeSymbols.Is(attribute.AttributeClass, _known.ExperimentalAttribute))
            {
                Suppress(attribute.ConstructorArguments.Length == 1 ? attribute.ConstructorArguments[0].Value as string ?? "" : "", used, at, "[Experimental]");
            }
        }
    }

    // The member's type and the types it is built of (element types, Nullable<T>'s argument): an enum among them is
    // named by the generated reader.
    private void CheckUseOfType(ITypeSymbol type, ISymbol at)
    {
        switch (type)
        {
            case IArrayTypeSymbol array:
                CheckUseOfType(array.ElementType, at);
                break;
            case INamedTypeSymbol named:
                CheckUse(named, at);
                foreach (var argument in named.TypeArguments)
                {
                    CheckUseOfType(argument, at);
                }

                break;
        }
    }

    private void Suppress(string id, ISymbol used, ISymbol? at, string attribute)
    {
        // A #pragma names an id by an identifier or a number; another id cannot be silenced in generated code.
        if (id.Length > 0 && id.All(static c => c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_'))
        {
            _suppressedWarnings.Add(id);
            return;
        }

        Report(DiagnosticDescriptors.UnusableDeclaration, at, used.ToDisplayString(), _displayName,
            $"is {attribute} '{Naming.Printable(id)}', an id a #pragma cannot name, so generated code cannot silence it; use letters, digits and '_' in the id");
    }

    // A required member the reader does not set leaves the object initializer incomplete (CS9035): an ignored
    // property, or a field (the reader reads properties). A constructor with [SetsRequiredMembers] sets them itself.
    private void CheckRequiredMembersAreRead(IMethodSymbol constructor, List<IPropertySymbol> properties)
    {
        if (KnownTypeSymbols.HasAttribute(constructor, _known.SetsRequiredMembersAttribute))
        {
            return;
        }

        var read = new HashSet<string>(_members.Select(static m => m.MemberName), StringComparer.Ordinal);
        foreach (var property in properties.Where(p => p.IsRequired && !read.Contains(p.Name)))
        {
            var reason = KnownTypeSymbols.HasAttribute(property, _known.JsonIgnoreAttribute) ? "is excluded with [JsonIgnore]"
                : KnownTypeSymbols.HasAttribute(property, _known.IgnoreAttribute) ? "is excluded with [SkaftinIgnore]"
                : null;
            if (reason is not null)
            {
                Report(DiagnosticDescriptors.RequiredMemberNotRead, property, property.Name, _displayName, reason);
            }
        }

        for (var current = _type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            foreach (var field in current.GetMembers().OfType<IFieldSymbol>().Where(static f => f.IsRequired))
            {
                Report(DiagnosticDescriptors.RequiredMemberNotRead, field, field.Name, _displayName, "is a field, and the generated reader sets properties only");
            }
        }
    }

    private List<string> ContainerNames()
    {
        var names = new List<string>();
        for (var container = _type.ContainingType; container is not null; container = container.ContainingType)
        {
            names.Insert(0, container.Name);
        }

        return names;
    }

    private void CheckGeneratedNamesAreFree(string? ns, string tableName, string realtimeClassName, string readerClassName, string patchClassName)
    {
        foreach (var generatedName in new[] { realtimeClassName, readerClassName, realtimeClassName + "Extensions", patchClassName })
        {
            // Only the model's namespace can hold a colliding type: a lookup there, not a search of every reference
            // (this runs for every table again after any edit, so its cost counts).
            var extendable = generatedName == realtimeClassName;
            if (_type.ContainingNamespace.GetTypeMembers(generatedName).Any(existing => existing.Arity == 0
                    && !KnownTypeSymbols.HasAttribute(existing, _known.GeneratedCodeAttribute)
                    && !(extendable && ExtendsGeneratedClass(existing))))
            {
                Report(DiagnosticDescriptors.GeneratedNameCollision, null, Qualify(ns, generatedName), tableName, "a type declared in this compilation");
            }
        }
    }

    // The generated table class is "sealed partial class", so the user may add members in a partial class of the same
    // name; only a declaration the compiler could not merge with it (not partial, static, abstract, a struct, another
    // accessibility, another base class) is a collision.
    private bool ExtendsGeneratedClass(INamedTypeSymbol existing)
    {
        if (existing.TypeKind != TypeKind.Class || existing.IsStatic || existing.IsAbstract || existing.ContainingType is not null)
        {
            return false;
        }

        var declarations = existing.DeclaringSyntaxReferences.Select(r => r.GetSyntax(_cancellationToken)).OfType<ClassDeclarationSyntax>().ToList();
        if (declarations.Count == 0 || declarations.Count != existing.DeclaringSyntaxReferences.Length
            || !declarations.All(static d => d.Modifiers.Any(SyntaxKind.PartialKeyword)))
        {
            return false;
        }

        var accessibilityStated = declarations.Any(static d => d.Modifiers.Any(static m => m.IsKind(SyntaxKind.PublicKeyword) || m.IsKind(SyntaxKind.InternalKeyword)
            || m.IsKind(SyntaxKind.PrivateKeyword) || m.IsKind(SyntaxKind.ProtectedKeyword) || m.IsKind(SyntaxKind.FileKeyword)));
        if (accessibilityStated && existing.DeclaredAccessibility != (IsPubliclyVisible(_type) ? Accessibility.Public : Accessibility.Internal))
        {
            return false;
        }

        return existing.BaseType is null || existing.BaseType.SpecialType == SpecialType.System_Object;
    }

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
