using System.Collections.Generic;
using System.Text.Json;

namespace Skaftin.Realtime;

/// <summary>Reads an <c>import_dump</c> summary (<c>{droppedTables, tables, rows, ...}</c>) with <see cref="Utf8JsonReader"/> only.</summary>
internal static class DatabaseImportReader
{
    /// <summary>Reads the summary the reader is on.</summary>
    /// <exception cref="SkaftinDecodeException">A required field is missing or has the wrong type.</exception>
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
                dropped = PayloadJson.Field(ref reader, path + ".droppedTables", Names);
            }
            else if (reader.ValueTextEquals("tables"u8))
            {
                tables = PayloadJson.Field(ref reader, path + ".tables", Names);
            }
            else if (reader.ValueTextEquals("rows"u8))
            {
                rows = PayloadJson.Field(ref reader, path + ".rows", PayloadJson.Int64);
            }
            else
            {
                PayloadJson.KeepExtra(ref reader, ref extra);
            }
        }

        return new DatabaseImportSummary(
            dropped ?? throw PayloadJson.Missing(path + ".droppedTables"),
            tables ?? throw PayloadJson.Missing(path + ".tables"),
            rows ?? throw PayloadJson.Missing(path + ".rows"))
        {
            Extra = PayloadJson.Extra(extra),
        };
    }

    private static IReadOnlyList<string> Names(ref Utf8JsonReader reader, string path) => PayloadJson.List(ref reader, path, PayloadJson.String);
}
