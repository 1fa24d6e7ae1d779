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
public sealed class NullableMemberCodeFixProvider : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("SKR033");

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (MemberSyntax.Find(root, diagnostic.Location.SourceSpan) is not { } member || MemberSyntax.TypeOf(member) is NullableTypeSyntax)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    "Make the member nullable",
                    _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(member, MakeNullable(member)))),
                    equivalenceKey: "SKR033"),
                diagnostic);
        }
    }

    internal static SyntaxNode MakeNullable(SyntaxNode member)
    {
        var type = MemberSyntax.TypeOf(member);
        return MemberSyntax.WithType(member, NullableType(type.WithoutTrivia()).WithTriviaFrom(type));
    }
}
