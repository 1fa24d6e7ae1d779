using System;
using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace Skaftin.Realtime.CodeFixes;

/// <summary>
/// SKR032 (a member's type cannot hold the column's backend type): changes the member's type to the one the
/// snapshot's type implies (e.g. <c>long</c> for <c>bigint</c>, <c>bool</c> for <c>boolean</c>), nullable when the
/// column or the member was.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MemberTypeCodeFixProvider))]
[Shared]
public sealed class MemberTypeCodeFixProvider : MemberCodeFixProvider
{
    /// <summary>Creates the fix of SKR032.</summary>
    public MemberTypeCodeFixProvider()
        : base("SKR032")
    {
    }

    /// <inheritdoc />
    private protected override bool TryFix(Diagnostic diagnostic, SyntaxNode member, out string title, out Func<SyntaxNode, SyntaxNode> rewrite)
    {
        if (!diagnostic.Properties.TryGetValue(FixProperties.Type, out var typeName) || typeName is null)
        {
            (title, rewrite) = ("", static m => m);
            return false;
        }

        title = $"Change the type to '{typeName.Replace("global::System.Text.Json.", "").Replace("global::System.", "")}'";
        rewrite = m => WithType(m, typeName);
        return true;
    }

    internal static SyntaxNode WithType(SyntaxNode member, string typeName)
    {
        var old = MemberSyntax.TypeOf(member);
        var type = SyntaxFactory.ParseTypeName(typeName).WithTriviaFrom(old).WithAdditionalAnnotations(Simplifier.Annotation);
        return MemberSyntax.WithType(member, type);
    }
}
