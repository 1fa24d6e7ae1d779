using System;
using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace Skaftin.Realtime.CodeFixes;

/// <summary>SKR033 (a nullable column is read by a member that cannot hold null): makes the member's type nullable.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(NullableMemberCodeFixProvider))]
[Shared]
public sealed class NullableMemberCodeFixProvider : MemberCodeFixProvider
{
    /// <summary>Creates the fix of SKR033.</summary>
    public NullableMemberCodeFixProvider()
        : base("SKR033")
    {
    }

    /// <inheritdoc />
    private protected override bool TryFix(Diagnostic diagnostic, SyntaxNode member, out string title, out Func<SyntaxNode, SyntaxNode> rewrite)
    {
        title = "Make the member nullable";
        rewrite = MakeNullable;
        return MemberSyntax.TypeOf(member) is not NullableTypeSyntax;
    }

    internal static SyntaxNode MakeNullable(SyntaxNode member)
    {
        var type = MemberSyntax.TypeOf(member);
        return MemberSyntax.WithType(member, NullableType(type.WithoutTrivia()).WithTriviaFrom(type));
    }
}
