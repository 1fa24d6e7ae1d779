using System;
using System.Collections.Concurrent;
using System.Collections.Generic;

namespace Skaftin.Realtime;

// Schema drift of declared tables, from schema events and from rows: each kind of change of a table is reported once
// (handlers, log line, the latest per table for health), never once per event or row.
public sealed partial class SkaftinEventRouter
{
    private readonly HandlerList<Action<SchemaDrift>> _drifts = new();
    private readonly ConcurrentDictionary<(string Table, DatabaseChangeType Type), bool> _driftsSeen = new();
    private readonly ConcurrentDictionary<string, SchemaDrift> _latestDrifts = new(StringComparer.Ordinal);

    /// <summary>
    /// Subscribes to schema drift of declared tables: a schema event (<c>add_column</c>, <c>alter_column</c>,
    /// <c>drop_column</c>, <c>rename_table</c>, <c>drop_table</c>), or a decoded row that carried columns the model does
    /// not know or (an insert) lacked one it requires. Raised once per table and kind of change, not once per event or
    /// row; each report is also logged once as a warning and kept in <see cref="SchemaDrifts"/>.
    /// </summary>
    /// <param name="handler">Receives each report.</param>
    /// <returns>Disposing it ends the subscription.</returns>
    internal IDisposable OnSchemaDrift(Action<SchemaDrift> handler) => _drifts.Add(handler);

    /// <summary>The latest <see cref="SchemaDrift"/> report of each declared table that drifted, by table name.</summary>
    internal IReadOnlyDictionary<string, SchemaDrift> SchemaDrifts => new Dictionary<string, SchemaDrift>(_latestDrifts, StringComparer.Ordinal);

    // A row of a declared table carried columns its model has no member for (the table calls this once).
    internal void ReportUnknownColumns(RealtimeTableBase table, DatabaseChange change, IReadOnlyList<string> columns) =>
        ReportDrift(SchemaDrift.UnknownColumns(change, table.TableName, columns, _clock.GetUtcNow()), change);

    // An insert of a declared table lacked a column its model requires (the table calls this once).
    internal void ReportMissingColumn(RealtimeTableBase table, DatabaseChange change, string column) =>
        ReportDrift(SchemaDrift.MissingColumn(change, table.TableName, column, table.ColumnMembers, _clock.GetUtcNow()), change);

    // Once per table and kind of change: the report, its log line, and the latest per table.
    private void ReportDrift(SchemaDrift drift, DatabaseChange change)
    {
        if (!_driftsSeen.TryAdd((drift.TableName, drift.ChangeType), true))
        {
            return;
        }

        _latestDrifts[drift.TableName] = drift;
        Log.SchemaDrift(_logger, drift.Describe(), drift.Action);
        foreach (var handler in _drifts.Snapshot)
        {
            try
            {
                handler(drift);
            }
            catch (Exception ex)
            {
                ReportHandlerFailure(change, ex);
            }
        }
    }
}
