using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Skaftin.Realtime.CodeFixes;

/// <summary>
/// The declaration a snapshot diagnostic points at: a positional record's parameter or a property (the diagnostic is
/// on its name), with its type and attribute lists.
/// </summary>
internal static class MemberSyntax
{
    /// <summary>The parameter or property whose name is at <paramref name="span"/>, or null.</summary>
    public static SyntaxNode? Find(SyntaxNode root, TextSpan span)
    {
        for (var node = root.FindToken(span.Start).Parent; node is not null; node = node.Parent)
        {
            if (node is ParameterSyntax { Type: not null } or PropertyDeclarationSyntax)
            {
                return node;
            }

            if (node is MemberDeclarationSyntax)
            {
                return null;
            }
        }

        return null;
    }

    public static TypeSyntax TypeOf(SyntaxNode member) => member switch
    {
        ParameterSyntax parameter => parameter.Type!,
        _ => ((PropertyDeclarationSyntax)member).Type,
    };

    public static SyntaxNode WithType(SyntaxNode member, TypeSyntax type) => member switch
    {
        ParameterSyntax parameter => parameter.WithType(type),
        _ => ((PropertyDeclarationSyntax)member).WithType(type),
    };

    public static SyntaxList<AttributeListSyntax> AttributeLists(SyntaxNode member) => member switch
    {
        ParameterSyntax parameter => parameter.AttributeLists,
        _ => ((PropertyDeclarationSyntax)member).AttributeLists,
    };

    public static SyntaxNode WithAttributeLists(SyntaxNode member, SyntaxList<AttributeListSyntax> lists) => member switch
    {
        ParameterSyntax parameter => parameter.WithAttributeLists(lists),
        _ => ((PropertyDeclarationSyntax)member).WithAttributeLists(lists),
    };
}
