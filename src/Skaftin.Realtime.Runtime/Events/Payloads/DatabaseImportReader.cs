using System.Collections.Generic;
using System.Text.Json;

namespace Skaftin.Realtime;

/// <summary>
/// Reads an <c>import_dump</c> summary (<c>{droppedTables, tables, rows, ...}</c>) with <see cref="Utf8JsonReader"/>
/// only. It never fails on an object: an absent member stays null, and a field it does not know, or whose value has
/// another shape, is kept raw in <c>Extra</c>.
/// </summary>
internal static class DatabaseImportReader
{
    /// <summary>Reads the summary the reader is on.</summary>
    /// <exception cref="SkaftinDecodeException">The value is not an object.</exception>
    public static DatabaseImportSummary Read(ref Utf8JsonReader reader, string path)
    {
        PayloadJson.ExpectObject(ref reader, path);
        IReadOnlyList<string>? dropped = null, tables = null;
        long? rows = null;
        Dictionary<string, JsonElement>? extra = null;
        while (PayloadJson.NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("droppedTables"u8))
            {
                dropped = PayloadJson.Tolerant(ref reader, "droppedTables", PayloadJson.Strings, ref extra);
            }
            else if (reader.ValueTextEquals("tables"u8))
            {
                tables = PayloadJson.Tolerant(ref reader, "tables", PayloadJson.Strings, ref extra);
            }
            else if (reader.ValueTextEquals("rows"u8))
            {
                rows = PayloadJson.Tolerant(ref reader, "rows", PayloadJson.OptionalInt64, ref extra);
            }
            else
            {
                PayloadJson.KeepExtra(ref reader, ref extra);
            }
        }

        return new DatabaseImportSummary(dropped, tables, rows)
        {
            Extra = PayloadJson.Extra(extra),
        };
    }
}
