using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading;

namespace Skaftin.Realtime;

/// <summary>
/// One table's row-level drift: what the generated reader noted while decoding (a column the model does not know was
/// skipped; a column the model requires was missing) becomes one report per kind, once. A row that matches costs the
/// table nothing but the reader's flag; a reported kind costs one field read per row after that.
/// </summary>
internal sealed class RowDriftCheck
{
    private readonly RealtimeTableBase _table;
    private int _unknownReported;
    private int _missingReported;

    public RowDriftCheck(RealtimeTableBase table) => _table = table;

    /// <summary>A decoded row held a column the model has no member for.</summary>
    public void UnknownColumns(in ChangeEnvelope change, ReadOnlySpan<byte> row)
    {
        if (Volatile.Read(ref _unknownReported) != 0 || Interlocked.Exchange(ref _unknownReported, 1) != 0)
        {
            return;
        }

        _table.EventRouter.ReportUnknownColumns(_table, change.ToChange(), Unknown(row, _table.ColumnMembers));
    }

    /// <summary>An insert's row lacked a column the model requires.</summary>
    public void MissingColumn(in ChangeEnvelope change, string? column)
    {
        if (column is null || Volatile.Read(ref _missingReported) != 0 || Interlocked.Exchange(ref _missingReported, 1) != 0)
        {
            return;
        }

        _table.EventRouter.ReportMissingColumn(_table, change.ToChange(), column);
    }

    // The row's top-level names the model has no member for, in the row's order (once per table: it may allocate).
    // The row was already read whole by the reader, so it is valid JSON.
    internal static IReadOnlyList<string> Unknown(ReadOnlySpan<byte> row, IReadOnlyDictionary<string, string> columns)
    {
        var unknown = new List<string>();
        var reader = new Utf8JsonReader(row, SkaftinRowReader<object, object>.ReaderOptions);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return unknown;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            if (!columns.ContainsKey(name) && !unknown.Contains(name))
            {
                unknown.Add(name);
            }

            reader.Skip();
        }

        return unknown;
    }
}
