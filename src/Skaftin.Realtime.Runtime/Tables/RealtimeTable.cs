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
/// <see cref="SkaftinRealtimeClient.OnError"/> and does not stop the others.
/// </summary>
/// <typeparam name="TRow">The row type.</typeparam>
/// <typeparam name="TKey">The key type, or <see cref="SkaftinNoKey"/>.</typeparam>
public abstract partial class RealtimeTable<TRow, TKey> : RealtimeTableBase
    where TRow : class
{
    /// <summary>The default buffer capacity of <see cref="Changes(CancellationToken)"/>.</summary>
    public const int DefaultStreamCapacity = 10_000;

    private readonly HandlerList<Action<TRow>> _inserted = new();
    private readonly HandlerList<Action<TRow, TRow?>> _updated = new();
    private readonly HandlerList<Action<RowDeleted<TRow, TKey>>> _deleted = new();
    private readonly HandlerList<Action<RowPatched<TRow, TKey>>> _patched = new();
    private readonly HandlerList<Action<RowChange<TRow, TKey>>> _changed = new();
    private readonly HandlerList<Action<SchemaChange>> _schema = new();
    private readonly HandlerList<Action<ResyncRequired>> _resync = new();
    private int _unhandledPatchReported;
    private readonly RowDriftCheck _drift;

    /// <summary>Creates the table. Called by generated code.</summary>
    /// <param name="router">The router that delivers this table's events.</param>
    /// <param name="reader">The generated row reader.</param>
#pragma warning disable RS0022 // Generated table classes derive from this type by design.
    protected RealtimeTable(SkaftinEventRouter router, SkaftinRowReader<TRow, TKey> reader)
        : base(router ?? throw new ArgumentNullException(nameof(router)), (reader ?? throw new ArgumentNullException(nameof(reader))).TableName)
    {
        Reader = reader;
        _drift = new RowDriftCheck(this);
    }
#pragma warning restore RS0022

    /// <summary>The generated reader of this table's rows (also usable for rows fetched over REST).</summary>
    public SkaftinRowReader<TRow, TKey> Reader { get; }

    /// <summary>Subscribes to inserted rows.</summary>
    /// <param name="handler">Receives each new row.</param>
    /// <returns>Disposing it ends the subscription.</returns>
    public IDisposable OnInserted(Action<TRow> handler) => _inserted.Add(handler);

    /// <summary>
    /// Subscribes to updated rows. An update that carried only some columns reaches these handlers when the server also
    /// sent the whole previous row to complete it from; without one it goes to <see cref="OnPatched"/> (and
    /// <see cref="OnChanged"/>) instead, since no whole row is known.
    /// </summary>
    /// <param name="handler">Receives the row as it is now and as it was (null when the server sent no complete old row).</param>
    /// <returns>Disposing it ends the subscription.</returns>
    public IDisposable OnUpdated(Action<TRow, TRow?> handler) => _updated.Add(handler);

    /// <summary>
    /// Subscribes to updates that carried only some columns and no whole previous row: the patch says which columns came,
    /// with their typed values, and completes a row the app holds (<see cref="RowPatch{TRow, TKey}.TryApplyTo"/>).
    /// </summary>
    /// <param name="handler">Receives each such update.</param>
    /// <returns>Disposing it ends the subscription.</returns>
    public IDisposable OnPatched(Action<RowPatched<TRow, TKey>> handler) => _patched.Add(handler);

    /// <summary>Subscribes to deleted rows.</summary>
    /// <param name="handler">Receives the deleted row's key, and the row when the server sent a complete one.</param>
    /// <returns>Disposing it ends the subscription.</returns>
    public IDisposable OnDeleted(Action<RowDeleted<TRow, TKey>> handler) => _deleted.Add(handler);

    /// <summary>Subscribes to every row change as one typed union (insert, update, patch, delete); a row array is one change per row.</summary>
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

    internal sealed override void Dispatch(in ChangeEnvelope change)
    {
        if (!HasSubscribers(change.Type))
        {
            return;
        }

        // A row array (a bulk write announced once) is one typed change per row, decoded whole before any is delivered:
        // a row that does not decode fails the event, which then reaches OnAnyChange raw, as any undecodable event does.
        // One row (nearly every event) is decoded and delivered without the lists a row array needs; an inserted row
        // only OnInserted handlers take is delivered without its RowInserted too.
        RowChange<TRow, TKey>? single = null;
        TRow? insertedRow = null;
        List<RowChange<TRow, TKey>>? changes = null;
        try
        {
            if (change.Data.IsEmpty)
            {
                throw new SkaftinDecodeException(DecodeErrorKind.MissingColumn, TableName, null, null, $"the {change.TypeName} event has no data.");
            }

            if (RowSlices.IsArray(change.Data))
            {
                changes = Decode(change);
            }
            else if (change.Type == DatabaseChangeType.Insert && !HasUnionSubscribers)
            {
                insertedRow = DecodeInsertedRow(change, change.Data);
            }
            else
            {
                single = DecodeRow(change, change.Data, change.Type == DatabaseChangeType.Update ? OldRows(change, isArray: false, 1)?[0] : null);
            }
        }
        catch (SkaftinDecodeException ex)
        {
            Router.ReportDecodeFailure(EventNames.DatabaseChange, TableName, change.TypeName, change.Utf8Json, ex);
            if (Router.HasAnyChangeHandlers)
            {
                Router.DeliverAny(change.ToChange(), change);
            }

            return;
        }

        if (insertedRow is not null)
        {
            Router.Deliver(_inserted, insertedRow, change);
            if (HasUnionSubscribers)
            {
                // Subscribed by an OnInserted handler just now: they take this row too, as they would have in Deliver.
                DeliverUnion(NewInserted(change, insertedRow), change);
            }

            return;
        }

        if (single is not null)
        {
            Deliver(single, change);
            return;
        }

        foreach (var rowChange in changes!)
        {
            Deliver(rowChange, change);
        }
    }

    // Whether anything takes the typed union (RowChange) of this table's events.
    private bool HasUnionSubscribers => !_changed.IsEmpty || Router.HasAnyChangeHandlers;

    internal sealed override bool HasSchemaSubscribers => !_schema.IsEmpty;

    internal sealed override IReadOnlyDictionary<string, string> ColumnMembers => Reader.ColumnMembers;

    internal sealed override void DispatchSchema(SchemaChange schemaChange, DatabaseChange change) => Router.Deliver(_schema, schemaChange, change);

    private bool HasSubscribers(DatabaseChangeType type) =>
        !_changed.IsEmpty || Router.HasAnyChangeHandlers || type switch
        {
            DatabaseChangeType.Insert => !_inserted.IsEmpty,
            DatabaseChangeType.Update => !_updated.IsEmpty || !_patched.IsEmpty,
            DatabaseChangeType.Delete => !_deleted.IsEmpty,
            _ => false,
        };

    /// <summary>
    /// Hands one decoded row change to the handlers, in the one order every change takes: the type's own handlers,
    /// then the table's OnChanged, then the router's OnAnyChange (also for Skaftin.Realtime.Testing's typed pushes).
    /// </summary>
    internal void Deliver(RowChange<TRow, TKey> rowChange, DatabaseChange change) => Deliver(rowChange, change.Envelope);

    private void Deliver(RowChange<TRow, TKey> rowChange, in ChangeEnvelope change)
    {
        switch (rowChange)
        {
            case RowInserted<TRow, TKey> inserted:
                Router.Deliver(_inserted, inserted.Row, change);
                break;
            case RowUpdated<TRow, TKey> updated:
                foreach (var handler in _updated.Snapshot)
                {
                    try
                    {
                        handler(updated.Row, updated.OldRow);
                    }
                    catch (Exception ex)
                    {
                        Router.ReportHandlerFailure(change, ex);
                    }
                }

                break;
            case RowPatched<TRow, TKey> patched:
                Router.Deliver(_patched, patched, change);
                if (_patched.IsEmpty && _changed.IsEmpty && !Router.HasAnyChangeHandlers && Interlocked.Exchange(ref _unhandledPatchReported, 1) == 0)
                {
                    // The typed handlers of this table (OnUpdated, ...) are subscribed, yet nothing takes a patch.
                    Router.ReportUnhandledPatch(TableName, change);
                }

                break;
            case RowDeleted<TRow, TKey> deleted:
                Router.Deliver(_deleted, deleted, change);
                break;
        }

        DeliverUnion(rowChange, change);
    }

    // The typed union goes to the table's OnChanged handlers, then to the router's OnAnyChange handlers.
    private void DeliverUnion(RowChange<TRow, TKey> rowChange, in ChangeEnvelope change)
    {
        Router.Deliver(_changed, rowChange, change);
        Router.DeliverAny(rowChange, change);
    }
}
