using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Skaftin.Realtime.Generator.Diagnostics;
using Skaftin.Realtime.Generator.Model;

namespace Skaftin.Realtime.Generator.Parsing;

// A [SkaftinProjectEvent] type is read like a row without a key: the same members, grammar, defaults and diagnostics,
// so its generated reader is the row reader's. What differs is in ModelKind.ProjectEvent.
internal sealed partial class TableParser
{
    public static TableParseResult ParseProjectEvent(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken) =>
        new TableParser(context, ModelKind.ProjectEvent, cancellationToken).Parse(context.SemanticModel.SyntaxTree);

    // A project event has no key; a member marked as one is a slip worth a warning (SKR022).
    private int ReportKeysOfProjectEvent()
    {
        foreach (var marked in _keyCandidates.Where(static k => k.Marked))
        {
            Report(DiagnosticDescriptors.KeyOnProjectEvent, marked.Symbol, _members[marked.Index].MemberName, _displayName);
        }

        return -1;
    }
}
