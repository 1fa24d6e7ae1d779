using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Channels;

namespace Skaftin.Realtime;

/// <summary>
/// Typed realtime events of one table. The generator derives one class per <see cref="SkaftinTableAttribute"/>
/// type from this (<c>VehiclesRealtime</c>); get it from the client with the generated extension
/// (<c>client.Vehicles()</c>). Every subscription returns an <see cref="IDisposable"/> that ends it.
/// Handlers of one table run in the order events arrived; a handler that throws is reported to
/// <see cref="SkaftinEventRouter.OnError"/> and does not stop the others.
/// </summary>
/// <typeparam name="TRow">The row type.</typeparam>
/// <typeparam name="TKey">The key type, or <see cref="SkaftinNoKey"/>.</typeparam>
public abstract class RealtimeTable<TRow, TKey> : RealtimeTableBase
    where TRow : class
{
    /// <summary>The default buffer capacity of <see cref="Changes(CancellationToken)"/>.</summary>
    public const int DefaultStreamCapacity = 10_000;

    private readonly HandlerList<Action<TRow>> _inserted = new();
    private readonly HandlerList<Action<TRow, TRow?>> _updated = new();
    private readonly HandlerList<Action<RowDeleted<TRow, TKey>>> _deleted = new();
    private readonly HandlerList<Action<RowChange<TRow, TKey>>> _changed = new();
    private readonly HandlerList<Action<SchemaChange>> _schema = new();
    private readonly HandlerList<Action<ResyncRequired>> _resync = new();

    /// <summary>Creates the table. Called by generated code.</summary>
    /// <param name="router">The router that delivers this table's events.</param>
    /// <param name="reader">The generated row reader.</param>
#pragma warning disable RS0022 // Generated table classes derive from this type by design.
    protected RealtimeTable(SkaftinEventRouter router, SkaftinRowReader<TRow, TKey> reader)
        : base(router ?? throw new ArgumentNullException(nameof(router)), (reader ?? throw new ArgumentNullException(nameof(reader))).TableName)
    {
        Reader = reader;
    }
#pragma warning restore RS0022

    /// <summary>The generated reader of this table's rows (also usable for rows fetched over REST).</summary>
    public SkaftinRowReader<TRow, TKey> Reader { get; }

    /// <summary>Subscribes to inserted rows.</summary>
    /// <param name="handler">Receives each new row.</param>
    /// <returns>Disposing it ends the subscription.</returns>
    public IDisposable OnInserted(Action<TRow> handler) => _inserted.Add(handler);

    /// <summary>Subscribes to updated rows.</summary>
    /// <param name="handler">Receives the row as it is now and as it was (null when the server sent no complete old row).</param>
    /// <returns>Disposing it ends the subscription.</returns>
    public IDisposable OnUpdated(Action<TRow, TRow?> handler) => _updated.Add(handler);

    /// <summary>Subscribes to deleted rows.</summary>
    /// <param name="handler">Receives the deleted row's key, and the row when the server sent a complete one.</param>
    /// <returns>Disposing it ends the subscription.</returns>
    public IDisposable OnDeleted(Action<RowDeleted<TRow, TKey>> handler) => _deleted.Add(handler);

    /// <summary>Subscribes to every row change as one typed union (insert, update, delete).</summary>
    /// <param name="handler">Receives each change.</param>
    /// <returns>Disposing it ends the subscription.</returns>
    public IDisposable OnChanged(Action<RowChange<TRow, TKey>> handler) => _changed.Add(handler);

    /// <summary>Subscribes to this table's schema changes (columns and constraints added, altered or dropped; the table renamed or dropped).</summary>
    /// <param name="handler">Receives each schema change.</param>
    /// <returns>Disposing it ends the subscription.</returns>
    public IDisposable OnSchemaChanged(Action<SchemaChange> handler) => _schema.Add(handler);

    /// <summary>
    /// Subscribes to the signal to reload this table: events may have been missed (a connection that could not be
    /// recovered), the database was replaced, or the table's schema changed. Reload the rows, then go on applying events.
    /// </summary>
    /// <param name="handler">Receives each signal, in order with the table's events.</param>
    /// <returns>Disposing it ends the subscription.</returns>
    public IDisposable OnResync(Action<ResyncRequired> handler) => _resync.Add(handler);

    /// <summary>
    /// The table's row changes as an observable, for System.Reactive users (this package does not depend on it).
    /// Observers are called in order on the dispatch thread; a throwing observer is reported like a throwing handler.
    /// </summary>
    /// <returns>The observable; each subscription lasts until disposed.</returns>
    public IObservable<RowChange<TRow, TKey>> AsObservable() => new HandlerObservable<RowChange<TRow, TKey>>(_changed);

    /// <summary>
    /// The table's row changes as an ordered async stream, buffering up to <see cref="DefaultStreamCapacity"/> events.
    /// The subscription starts when enumeration starts and ends when it stops.
    /// </summary>
    /// <param name="cancellationToken">Ends the stream.</param>
    /// <returns>The stream. If the reader falls more than the capacity behind, the stream delivers what it buffered, then throws <see cref="StreamOverflowException"/>.</returns>
    public IAsyncEnumerable<RowChange<TRow, TKey>> Changes(CancellationToken cancellationToken) =>
        Changes(DefaultStreamCapacity, cancellationToken);

    /// <summary>The table's row changes as an ordered async stream with a buffer of the given capacity.</summary>
    /// <param name="capacity">How many events may wait for the reader before the stream overflows.</param>
    /// <param name="cancellationToken">Ends the stream.</param>
    /// <returns>The stream. If the reader falls more than <paramref name="capacity"/> behind, the stream delivers what it buffered, then throws <see cref="StreamOverflowException"/>.</returns>
    public IAsyncEnumerable<RowChange<TRow, TKey>> Changes(int capacity = DefaultStreamCapacity, CancellationToken cancellationToken = default)
    {
        return HandlerStream.Create(_changed, capacity, TableName, cancellationToken);
    }

    /// <summary>Whether anything (a handler or a stream) listens to the union of row changes; streams subscribe lazily.</summary>
    internal bool HasChangeSubscribers => !_changed.IsEmpty;

    internal sealed override void Resync(ResyncRequired signal)
    {
        foreach (var handler in _resync.Snapshot)
        {
            try
            {
                handler(signal);
            }
            catch (Exception ex)
            {
                Router.ReportResyncHandlerFailure(signal, ex);
            }
        }
    }

    internal sealed override void Dispatch(DatabaseChange change)
    {
        switch (change.Type)
        {
            case DatabaseChangeType.Insert:
                DispatchInsert(change);
                break;
            case DatabaseChangeType.Update:
                DispatchUpdate(change);
                break;
            case DatabaseChangeType.Delete:
                DispatchDelete(change);
                break;
        }
    }

    internal sealed override bool HasSchemaSubscribers => !_schema.IsEmpty;

    internal sealed override void DispatchSchema(SchemaChange schemaChange, DatabaseChange change) => Router.Deliver(_schema, schemaChange, change);

    private void DispatchInsert(DatabaseChange change)
    {
        if (_inserted.IsEmpty && _changed.IsEmpty && !Router.HasAnyChangeHandlers)
        {
            return;
        }

        if (!TryReadFull(change, change.Data, out var row))
        {
            return;
        }

        DeliverInserted(row, change);
    }

    /// <summary>Hands a decoded insert to the handlers, in the one order every insert takes (also for Skaftin.Realtime.Testing's pushes).</summary>
    internal void DeliverInserted(TRow row, DatabaseChange change)
    {
        Router.Deliver(_inserted, row, change);
        if (!_changed.IsEmpty || Router.HasAnyChangeHandlers)
        {
            DeliverChanged(new RowInserted<TRow, TKey>(row) { ProjectId = change.ProjectId, TableName = TableName, Timestamp = change.Timestamp }, change);
        }
    }

    private void DispatchUpdate(DatabaseChange change)
    {
        if (_updated.IsEmpty && _changed.IsEmpty && !Router.HasAnyChangeHandlers)
        {
            return;
        }

        if (!TryReadFull(change, change.Data, out var row))
        {
            return;
        }

        // The old row is a courtesy of the server: partial or absent means "unknown", not an error.
        TRow? oldRow = null;
        if (!change.OldData.IsEmpty)
        {
            try
            {
                oldRow = Reader.ReadPartial(change.OldData.Span, out _, out _, out _);
            }
            catch (SkaftinDecodeException ex)
            {
                Router.ReportDecodeFailure(EventNames.DatabaseChange, TableName, change.TypeName, change.Utf8Json, ex);
            }
        }

        DeliverUpdated(row, oldRow, change);
    }

    /// <summary>Hands a decoded update to the handlers, in the one order every update takes (also for Skaftin.Realtime.Testing's pushes).</summary>
    internal void DeliverUpdated(TRow row, TRow? oldRow, DatabaseChange change)
    {
        foreach (var handler in _updated.Snapshot)
        {
            try
            {
                handler(row, oldRow);
            }
            catch (Exception ex)
            {
                Router.ReportHandlerFailure(change, ex);
            }
        }

        if (!_changed.IsEmpty || Router.HasAnyChangeHandlers)
        {
            DeliverChanged(new RowUpdated<TRow, TKey>(row, oldRow) { ProjectId = change.ProjectId, TableName = TableName, Timestamp = change.Timestamp }, change);
        }
    }

    private void DispatchDelete(DatabaseChange change)
    {
        if (_deleted.IsEmpty && _changed.IsEmpty && !Router.HasAnyChangeHandlers)
        {
            return;
        }

        TRow? row;
        TKey key;
        bool hasKey;
        string? missingColumn;
        try
        {
            if (change.Data.IsEmpty)
            {
                throw new SkaftinDecodeException(DecodeErrorKind.MissingColumn, TableName, null, null, "the delete event has no data.");
            }

            row = Reader.ReadPartial(change.Data.Span, out key, out hasKey, out missingColumn);
            if (row is null && !hasKey)
            {
                throw new SkaftinDecodeException(DecodeErrorKind.MissingColumn, TableName, missingColumn, null,
                    Reader.HasKey ? "the delete event has neither the key nor a complete row." : "the table has no key and the delete event has no complete row.");
            }
        }
        catch (SkaftinDecodeException ex)
        {
            Router.ReportDecodeFailure(EventNames.DatabaseChange, TableName, change.TypeName, change.Utf8Json, ex);
            Router.DeliverAny(change, change);
            return;
        }

        DeliverDeleted(new RowDeleted<TRow, TKey>(key, row) { HasKey = hasKey, ProjectId = change.ProjectId, TableName = TableName, Timestamp = change.Timestamp }, change);
    }

    /// <summary>Hands a decoded delete to the handlers, in the one order every delete takes (also for Skaftin.Realtime.Testing's pushes).</summary>
    internal void DeliverDeleted(RowDeleted<TRow, TKey> deleted, DatabaseChange change)
    {
        Router.Deliver(_deleted, deleted, change);
        DeliverChanged(deleted, change);
    }

    // The typed union goes to the table's OnChanged handlers, then to the router's OnAnyChange handlers.
    private void DeliverChanged(RowChange<TRow, TKey> rowChange, DatabaseChange change)
    {
        Router.Deliver(_changed, rowChange, change);
        Router.DeliverAny(rowChange, change);
    }

    private bool TryReadFull(DatabaseChange change, ReadOnlyMemory<byte> data, out TRow row)
    {
        try
        {
            if (data.IsEmpty)
            {
                throw new SkaftinDecodeException(DecodeErrorKind.MissingColumn, TableName, null, null, $"the {change.TypeName} event has no data.");
            }

            row = Reader.Read(data.Span);
            return true;
        }
        catch (SkaftinDecodeException ex)
        {
            Router.ReportDecodeFailure(EventNames.DatabaseChange, TableName, change.TypeName, change.Utf8Json, ex);
            Router.DeliverAny(change, change); // the row did not decode: OnAnyChange still gets the event, raw
            row = null!;
            return false;
        }
    }

}
