using System.Collections.Generic;
using System.Text.Json;

namespace Skaftin.Realtime;

/// <summary>What an <c>import_dump</c> event says about the import (<c>{droppedTables, tables, rows}</c>).</summary>
/// <remarks>The contract does not fix this shape: each member is null when the server did not send it in a shape this SDK reads.</remarks>
/// <param name="DroppedTables">The tables the import dropped.</param>
/// <param name="Tables">The tables it created.</param>
/// <param name="RowCount">How many rows it inserted.</param>
public sealed record DatabaseImportSummary(IReadOnlyList<string>? DroppedTables, IReadOnlyList<string>? Tables, long? RowCount)
{
    /// <summary>The fields this SDK does not know, or whose value has a shape it does not read, by name, exactly as sent.</summary>
    public IReadOnlyDictionary<string, JsonElement> Extra { get; init; } = PayloadJson.NoExtra;
}
