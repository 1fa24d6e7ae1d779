using System;
using System.Collections.Generic;
using System.Threading;

namespace Skaftin.Realtime;

// The one place an app subscribes to what is not a declared table's or project event's own events (those come
// through the generated accessors: client.Vehicles().OnInserted(…)). Every handler runs on the dispatch path, in
// order with events and state changes, with no SDK lock held.
public sealed partial class SkaftinRealtimeClient
{
    /// <summary>The default buffer capacity of <see cref="AllChanges(CancellationToken)"/>: how many events may wait for its reader.</summary>
    public const int DefaultStreamCapacity = SkaftinEventRouter.DefaultStreamCapacity;

    /// <summary>
    /// Subscribes to delivery and connection failures: payloads that do not decode, handlers that throw, unknown event
    /// types, frames dropped, a full dispatch queue, refused connections. Reported, never thrown: the connection and
    /// later events go on.
    /// </summary>
    /// <param name="handler">Receives each failure.</param>
    /// <returns>Disposing it ends the subscription.</returns>
    public IDisposable OnError(Action<RealtimeError> handler) => Router.OnError(handler);

    /// <summary>
    /// Subscribes to schema drift: a declared table was changed under the app (<c>add_column</c>, <c>alter_column</c>,
    /// <c>drop_column</c>, <c>rename_table</c>, <c>drop_table</c>). Raised once per table and kind of change, not once
    /// per event or row; each report is also logged once as a warning and kept in <see cref="SchemaDrifts"/>.
    /// </summary>
    /// <param name="handler">Receives each report.</param>
    /// <returns>Disposing it ends the subscription.</returns>
    public IDisposable OnSchemaDrift(Action<SchemaDrift> handler) => Router.OnSchemaDrift(handler);

    /// <summary>The latest <see cref="SchemaDrift"/> report of each declared table that drifted, by table name (a snapshot).</summary>
    public IReadOnlyDictionary<string, SchemaDrift> SchemaDrifts => Router.SchemaDrifts;

    /// <summary>
    /// Subscribes to the schema changes of every table, declared or not (a <c>create_table</c> is usually for a table
    /// the app has not declared yet). A declared table's own <see cref="RealtimeTable{TRow, TKey}.OnSchemaChanged"/>
    /// handlers run first.
    /// </summary>
    /// <param name="handler">Receives each schema change, its payload typed in <see cref="SchemaChange.Details"/>.</param>
    /// <returns>Disposing it ends the subscription.</returns>
    public IDisposable OnSchemaChanged(Action<SchemaChange> handler) => Router.OnSchemaChanged(handler);

    /// <summary>Subscribes to cron-job changes (created, updated, deleted, toggled) of joined projects.</summary>
    /// <param name="handler">Receives each change.</param>
    /// <returns>Disposing it ends the subscription.</returns>
    public IDisposable OnCronJobChanged(Action<CronJobChange> handler) => Router.OnCronJobChanged(handler);

    /// <summary>Subscribes to <c>import_dump</c>: a joined project's whole database was replaced and should be reloaded.</summary>
    /// <param name="handler">Receives each import.</param>
    /// <returns>Disposing it ends the subscription.</returns>
    public IDisposable OnDatabaseImported(Action<DatabaseImported> handler) => Router.OnDatabaseImported(handler);

    /// <summary>
    /// Subscribes to every resync signal: a reconnect that could not recover the session, a whole-database import, or
    /// a declared table's schema change. Each table also has its own <see cref="RealtimeTable{TRow, TKey}.OnResync"/>.
    /// </summary>
    /// <param name="handler">Receives each signal.</param>
    /// <returns>Disposing it ends the subscription.</returns>
    public IDisposable OnResyncRequired(Action<ResyncRequired> handler) => Router.OnResyncRequired(handler);

    /// <summary>
    /// Subscribes to the row and schema events of tables no typed table was requested for, and to events of unknown
    /// types, with their rows as raw JSON.
    /// </summary>
    /// <param name="handler">Receives each such event.</param>
    /// <returns>Disposing it ends the subscription.</returns>
    public IDisposable OnUndeclaredChange(Action<DatabaseChange> handler) => Router.OnUndeclaredChange(handler);

    /// <summary>
    /// Subscribes to every <c>project-event</c> of joined projects with its data as raw JSON; the types declared with
    /// <see cref="SkaftinProjectEventAttribute"/> also arrive typed through their generated <c>client.On{Type}(…)</c>
    /// (whose handlers run first).
    /// </summary>
    /// <param name="handler">Receives each event.</param>
    /// <returns>Disposing it ends the subscription.</returns>
    public IDisposable OnProjectEvent(Action<ProjectEvent> handler) => Router.OnProjectEvent(handler);

    /// <summary>
    /// Subscribes to every <c>database-change</c> of the joined projects, in order, each in its most typed form: a
    /// <see cref="RowChange{TRow, TKey}"/> for a row of a declared table, <see cref="SchemaChange"/>,
    /// <see cref="CronJobChange"/> and <see cref="DatabaseImported"/> with typed payloads, and the raw
    /// <see cref="DatabaseChange"/> for rows of undeclared tables, unknown types, and rows that did not decode (the
    /// failure is also reported to <see cref="OnError"/>). A change reaches these handlers after the handlers of its
    /// own kind (a table's, <see cref="OnCronJobChanged"/>, ...).
    /// </summary>
    /// <param name="handler">Receives each change; pattern-match it.</param>
    /// <returns>Disposing it ends the subscription.</returns>
    public IDisposable OnAnyChange(Action<IDatabaseEvent> handler) => Router.OnAnyChange(handler);

    /// <summary>Every change of the joined projects (as <see cref="OnAnyChange"/>) as an ordered async stream, buffering up to <see cref="DefaultStreamCapacity"/> events.</summary>
    /// <param name="cancellationToken">Ends the stream.</param>
    /// <returns>The stream; it subscribes when enumeration starts. If the reader falls more than the capacity behind, it delivers what it buffered, then throws <see cref="StreamOverflowException"/>.</returns>
    public IAsyncEnumerable<IDatabaseEvent> AllChanges(CancellationToken cancellationToken) =>
        Router.AllChanges(DefaultStreamCapacity, cancellationToken);

    /// <summary>Every change of the joined projects (as <see cref="OnAnyChange"/>) as an ordered async stream with a buffer of the given capacity.</summary>
    /// <param name="capacity">How many events may wait for the reader before the stream overflows.</param>
    /// <param name="cancellationToken">Ends the stream.</param>
    /// <returns>The stream; it subscribes when enumeration starts. If the reader falls more than <paramref name="capacity"/> behind, it delivers what it buffered, then throws <see cref="StreamOverflowException"/>.</returns>
    public IAsyncEnumerable<IDatabaseEvent> AllChanges(int capacity = DefaultStreamCapacity, CancellationToken cancellationToken = default) =>
        Router.AllChanges(capacity, cancellationToken);
}
