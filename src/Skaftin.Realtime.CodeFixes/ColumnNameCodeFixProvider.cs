using System;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace Skaftin.Realtime.CodeFixes;

/// <summary>
/// SKR031 (a member reads a column the table does not have), when the table has a clearly nearest column: binds the
/// member to it with <c>[SkaftinColumn("real_name")]</c> (<c>[property: ...]</c> on a positional record's parameter),
/// or corrects the name an existing <c>[SkaftinColumn]</c> gives.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ColumnNameCodeFixProvider))]
[Shared]
public sealed class ColumnNameCodeFixProvider : MemberCodeFixProvider
{
    /// <summary>Creates the fix of SKR031.</summary>
    public ColumnNameCodeFixProvider()
        : base("SKR031")
    {
    }

    /// <inheritdoc />
    private protected override bool TryFix(Diagnostic diagnostic, SyntaxNode member, out string title, out Func<SyntaxNode, SyntaxNode> rewrite)
    {
        if (!diagnostic.Properties.TryGetValue(FixProperties.Column, out var column) || column is null)
        {
            (title, rewrite) = ("", static m => m);
            return false;
        }

        title = $"Read column '{column}' ([SkaftinColumn])";
        rewrite = m => WithColumn(m, column);
        return true;
    }

    internal static SyntaxNode WithColumn(SyntaxNode member, string column)
    {
        var arguments = AttributeArgumentList(SingletonSeparatedList(AttributeArgument(LiteralExpression(SyntaxKind.StringLiteralExpression, Literal(column)))));
        var lists = MemberSyntax.AttributeLists(member);
        var existing = lists.SelectMany(static l => l.Attributes).FirstOrDefault(IsSkaftinColumn);
        if (existing is not null)
        {
            return member.ReplaceNode(existing, existing.WithArgumentList(arguments));
        }

        var attribute = Attribute(ParseName("global::Skaftin.Realtime.SkaftinColumn").WithAdditionalAnnotations(Simplifier.Annotation), arguments);
        var list = AttributeList(SingletonSeparatedList(attribute));
        var leading = member.GetLeadingTrivia();
        if (member is ParameterSyntax)
        {
            // A positional record's parameter: the attribute must target the property the record declares.
            list = list.WithTarget(AttributeTargetSpecifier(Token(SyntaxKind.PropertyKeyword))).WithLeadingTrivia(leading).WithTrailingTrivia(Space);
        }
        else
        {
            // A property: the attribute on its own line, at the property's indentation.
            var newLine = member.SyntaxTree.GetText().ToString().Contains("\r\n") ? CarriageReturnLineFeed : LineFeed;
            var indentation = leading.LastOrDefault();
            list = indentation.IsKind(SyntaxKind.WhitespaceTrivia)
                ? list.WithLeadingTrivia(leading).WithTrailingTrivia(newLine, indentation)
                : list.WithLeadingTrivia(leading).WithTrailingTrivia(newLine);
        }

        return MemberSyntax.WithAttributeLists(member.WithoutLeadingTrivia(), lists.Insert(0, list));
    }

    private static bool IsSkaftinColumn(AttributeSyntax attribute)
    {
        var name = attribute.Name switch
        {
            QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
            AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
            SimpleNameSyntax simple => simple.Identifier.ValueText,
            _ => "",
        };
        return name is "SkaftinColumn" or "SkaftinColumnAttribute";
    }
}
