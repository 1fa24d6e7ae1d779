using System.Collections.Generic;
using System.Text.Json;

namespace Skaftin.Realtime;

/// <summary>What an <c>import_dump</c> event says about the import (<c>{droppedTables, tables, rows}</c>).</summary>
/// <param name="DroppedTables">The tables the import dropped.</param>
/// <param name="Tables">The tables it created.</param>
/// <param name="RowCount">How many rows it inserted.</param>
public sealed record DatabaseImportSummary(IReadOnlyList<string> DroppedTables, IReadOnlyList<string> Tables, long RowCount)
{
    /// <summary>The fields this SDK does not know, by name, exactly as sent.</summary>
    public IReadOnlyDictionary<string, JsonElement> Extra { get; init; } = PayloadJson.NoExtra;
}
