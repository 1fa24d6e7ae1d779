using System;
using System.Collections.Immutable;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace Skaftin.Realtime.CodeFixes;

/// <summary>
/// What the snapshot diagnostics' fixes share: find the model member the diagnostic points at, ask the fix what it
/// would make of it, and offer that as one code action per diagnostic (batch fix-all, keyed by the diagnostic id).
/// </summary>
public abstract class MemberCodeFixProvider : CodeFixProvider
{
    private readonly string _id;

    /// <summary>Creates the fix of one diagnostic id.</summary>
    /// <param name="id">The SKR id this provider fixes.</param>
    private protected MemberCodeFixProvider(string id)
    {
        _id = id;
        FixableDiagnosticIds = ImmutableArray.Create(id);
    }

    /// <inheritdoc />
    public sealed override ImmutableArray<string> FixableDiagnosticIds { get; }

    /// <inheritdoc />
    public sealed override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (MemberSyntax.Find(root, diagnostic.Location.SourceSpan) is not { } member
                || !TryFix(diagnostic, member, out var title, out var rewrite))
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    title,
                    _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(member, rewrite(member)))),
                    equivalenceKey: _id),
                diagnostic);
        }
    }

    /// <summary>Says whether this diagnostic on this member has an obvious fix, and what it is.</summary>
    /// <param name="diagnostic">The diagnostic, with the generator's properties (the column, the type).</param>
    /// <param name="member">The member's declaration: a positional record's parameter or a property.</param>
    /// <param name="title">The code action's title.</param>
    /// <param name="rewrite">Makes the fixed declaration of the member.</param>
    /// <returns>False when there is nothing obvious to offer.</returns>
    private protected abstract bool TryFix(Diagnostic diagnostic, SyntaxNode member, out string title, out Func<SyntaxNode, SyntaxNode> rewrite);
}
