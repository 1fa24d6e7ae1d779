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
}
