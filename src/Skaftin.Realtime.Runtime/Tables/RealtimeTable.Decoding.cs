using System;
using System.Collections.Generic;

namespace Skaftin.Realtime;

// Decoding a row event's data into typed row changes (a row, a row array, an update's old rows), with drift checks.
public abstract partial class RealtimeTable<TRow, TKey>
{
    private List<RowChange<TRow, TKey>> Decode(in ChangeEnvelope change)
    {
        var rows = RowSlices.Split(change.Data, out var isArray);
        if (rows.Count == 0)
        {
            throw new SkaftinDecodeException(DecodeErrorKind.MissingColumn, TableName, null, null, $"the {change.TypeName} event's data is an empty array.");
        }

        var oldRows = change.Type == DatabaseChangeType.Update ? OldRows(change, isArray, rows.Count) : null;
        var changes = new List<RowChange<TRow, TKey>>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            changes.Add(DecodeRow(change, rows[i], oldRows?[i]));
        }

        return changes;
    }

    private RowChange<TRow, TKey> DecodeRow(in ChangeEnvelope change, ReadOnlyMemory<byte> data, TRow? oldRow)
    {
        return change.Type switch
        {
            DatabaseChangeType.Insert => DecodeInsert(change, data),
            DatabaseChangeType.Update => DecodeUpdate(change, data, oldRow),
            _ => DecodeDelete(change, data),
        };
    }

    // An insert is a whole row: a column the model requires that is not there is drift (reported once) as well as this
    // row's DecodeFailed; a column the model does not know is drift too, and the row is still delivered.
    private RowInserted<TRow, TKey> DecodeInsert(in ChangeEnvelope change, ReadOnlyMemory<byte> data) =>
        NewInserted(change, DecodeInsertedRow(change, data));

    private RowInserted<TRow, TKey> NewInserted(in ChangeEnvelope change, TRow row) =>
        new(row) { ProjectId = change.ProjectId, TableName = TableName, Timestamp = change.Timestamp };

    private TRow DecodeInsertedRow(in ChangeEnvelope change, ReadOnlyMemory<byte> data)
    {
        var row = Reader.Read(data.Span, out var missingColumn, out var unknownColumns);
        if (unknownColumns)
        {
            _drift.UnknownColumns(change, data.Span);
        }

        if (row is null)
        {
            _drift.MissingColumn(change, missingColumn);
            throw Reader.MissingColumn(missingColumn);
        }

        return row;
    }

    // An update's data may hold only the columns that changed: the whole row when every column came, else the patch
    // completed from the whole previous row when the server sent one, else the patch itself (never a row with
    // defaults standing in for the columns that did not come).
    private RowChange<TRow, TKey> DecodeUpdate(in ChangeEnvelope change, ReadOnlyMemory<byte> data, TRow? oldRow)
    {
        var patch = Reader.ReadPatch(data.Span, out var unknownColumns);
        if (unknownColumns)
        {
            _drift.UnknownColumns(change, data.Span);
        }

        if (patch.IsComplete)
        {
            return new RowUpdated<TRow, TKey>(patch.ToRow(), oldRow) { ProjectId = change.ProjectId, TableName = TableName, Timestamp = change.Timestamp };
        }

        if (Reader.HasKey && !patch.HasKey)
        {
            throw new SkaftinDecodeException(DecodeErrorKind.MissingColumn, TableName, null, null, "the update carries neither the row's key nor the whole row.");
        }

        if (oldRow is not null && patch.TryApplyTo(oldRow, out var merged))
        {
            return new RowUpdated<TRow, TKey>(merged, oldRow) { Patch = patch, ProjectId = change.ProjectId, TableName = TableName, Timestamp = change.Timestamp };
        }

        return new RowPatched<TRow, TKey>(patch.Key, patch) { ProjectId = change.ProjectId, TableName = TableName, Timestamp = change.Timestamp };
    }

    private RowChange<TRow, TKey> DecodeDelete(in ChangeEnvelope change, ReadOnlyMemory<byte> data)
    {
        var row = Reader.ReadPartial(data.Span, out var key, out var hasKey, out var missingColumn, out var unknownColumns);
        if (unknownColumns)
        {
            _drift.UnknownColumns(change, data.Span);
        }

        if (row is null && !hasKey)
        {
            throw new SkaftinDecodeException(DecodeErrorKind.MissingColumn, TableName, missingColumn, null,
                Reader.HasKey ? "the delete event has neither the key nor a complete row." : "the table has no key and the delete event has no complete row.");
        }

        return new RowDeleted<TRow, TKey>(key, row) { HasKey = hasKey, ProjectId = change.ProjectId, TableName = TableName, Timestamp = change.Timestamp };
    }

    // The old rows are a courtesy of the server: absent, partial or not matching the rows means "unknown", not an error;
    // an old row that is there but does not decode is reported, and the update goes on without it.
    private TRow?[]? OldRows(in ChangeEnvelope change, bool isArray, int count)
    {
        if (change.OldData.IsEmpty)
        {
            return null;
        }

        try
        {
            var slices = RowSlices.Split(change.OldData, out var oldIsArray);
            if (oldIsArray != isArray || slices.Count != count)
            {
                throw new SkaftinDecodeException(DecodeErrorKind.WrongType, TableName, null, null,
                    $"oldData holds {(oldIsArray ? slices.Count + " rows" : "one row")} for {(isArray ? count + " rows" : "one row")} of data.");
            }

            var oldRows = new TRow?[count];
            for (var i = 0; i < count; i++)
            {
                var old = Reader.ReadPatch(slices[i].Span);
                oldRows[i] = old.IsComplete ? old.ToRow() : null;
            }

            return oldRows;
        }
        catch (SkaftinDecodeException ex)
        {
            Router.ReportDecodeFailure(EventNames.DatabaseChange, TableName, change.TypeName, change.Utf8Json, ex);
            return null;
        }
    }
}
