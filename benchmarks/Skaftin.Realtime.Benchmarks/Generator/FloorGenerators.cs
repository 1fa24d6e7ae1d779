using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Skaftin.Realtime.Benchmarks.Generator;

// Two stand-in generators that find the same [SkaftinTable] types with the same ForAttributeWithMetadataName call,
// to show what Roslyn itself costs before the Skaftin generator's own work. Not shipped; benchmarks only.

/// <summary>The attribute match and nothing else: the transform keeps the type's name; one tiny file per table.</summary>
public sealed class AttributeOnlyGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var names = context.SyntaxProvider.ForAttributeWithMetadataName(
            "Skaftin.Realtime.SkaftinTableAttribute",
            static (node, _) => node is ClassDeclarationSyntax or RecordDeclarationSyntax,
            static (ctx, _) => ctx.TargetSymbol.Name);
        context.RegisterSourceOutput(names, static (spc, name) =>
            spc.AddSource(name + ".g.cs", SourceText.From("// " + name + "\n", Encoding.UTF8)));
    }
}

/// <summary>
/// The symbol work any row-reader generator needs: the type's instance constructors, its properties with their types
/// and attributes. The transform returns a string built from them (equatable), and one tiny file per table.
/// </summary>
public sealed class MembersOnlyGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var shapes = context.SyntaxProvider.ForAttributeWithMetadataName(
            "Skaftin.Realtime.SkaftinTableAttribute",
            static (node, _) => node is ClassDeclarationSyntax or RecordDeclarationSyntax,
            static (ctx, _) => Shape((INamedTypeSymbol)ctx.TargetSymbol));
        context.RegisterSourceOutput(shapes, static (spc, shape) =>
            spc.AddSource(shape.Substring(0, shape.IndexOf('(')) + ".g.cs", SourceText.From("// " + shape + "\n", Encoding.UTF8)));
    }

    private static string Shape(INamedTypeSymbol type)
    {
        var text = new StringBuilder(type.Name).Append('(');
        var constructor = type.InstanceConstructors.OrderByDescending(c => c.Parameters.Length).First();
        foreach (var parameter in constructor.Parameters)
        {
            text.Append(parameter.Type.ToDisplayString()).Append(' ').Append(parameter.Name).Append(',');
        }

        text.Append(")");
        foreach (var property in type.GetMembers().OfType<IPropertySymbol>())
        {
            text.Append(property.Name).Append(':').Append(property.Type.ToDisplayString())
                .Append('[').Append(property.GetAttributes().Length).Append("];");
        }

        return text.ToString();
    }
}
