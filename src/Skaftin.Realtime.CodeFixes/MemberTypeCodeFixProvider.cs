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
public sealed class MemberTypeCodeFixProvider : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("SKR032");

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
            if (!diagnostic.Properties.TryGetValue(FixProperties.Type, out var typeName) || typeName is null
                || MemberSyntax.Find(root, diagnostic.Location.SourceSpan) is not { } member)
            {
                continue;
            }

            var title = typeName.Replace("global::System.Text.Json.", "").Replace("global::System.", "");
            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Change the type to '{title}'",
                    _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(member, WithType(member, typeName)))),
                    equivalenceKey: "SKR032"),
                diagnostic);
        }
    }

    internal static SyntaxNode WithType(SyntaxNode member, string typeName)
    {
        var old = MemberSyntax.TypeOf(member);
        var type = SyntaxFactory.ParseTypeName(typeName).WithTriviaFrom(old).WithAdditionalAnnotations(Simplifier.Annotation);
        return MemberSyntax.WithType(member, type);
    }
}
