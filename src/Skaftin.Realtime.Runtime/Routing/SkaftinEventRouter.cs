using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Text;
using System.Threading;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Skaftin.Realtime;

/// <summary>
/// Hands incoming events to the typed tables: parses each event's envelope once, routes it by
/// <c>tableName</c>, and reports (never throws) what cannot be decoded or what a handler throws.
/// Each realtime client owns one. Apps never use it directly: they subscribe on <see cref="SkaftinRealtimeClient"/>
/// and on the generated accessors; its public part is what that generated code calls.
/// </summary>
public sealed partial class SkaftinEventRouter : ISkaftinRealtimeSource
{
    /// <summary>The default buffer capacity of <see cref="AllChanges(CancellationToken)"/>.</summary>
    internal const int DefaultStreamCapacity = 10_000;

    private readonly HandlerList<Action<DatabaseChange>> _undeclared = new();
    private readonly HandlerList<Action<RealtimeError>> _errors = new();
    private readonly HandlerList<Action<CronJobChange>> _cronJobs = new();
    private readonly HandlerList<Action<DatabaseImported>> _imports = new();
    private readonly HandlerList<Action<ResyncRequired>> _resyncs = new();
    private readonly HandlerList<Action<SchemaChange>> _schema = new();
    private readonly HandlerList<Action<IDatabaseEvent>> _any = new();
    private readonly ILogger _logger;
    private readonly TimeProvider _clock;
    private readonly NamedRegistry<RealtimeTableBase> _tables = new();

    /// <summary>Creates a router.</summary>
    /// <param name="logger">Where decode and handler failures are logged; none by default.</param>
    /// <param name="timeProvider">The client's clock: it stamps the resync signals the router raises; the system clock by default.</param>
    /// <param name="metrics">Where the router's counters go; the process-wide meter by default.</param>
    internal SkaftinEventRouter(ILogger? logger = null, TimeProvider? timeProvider = null, SkaftinMetrics? metrics = null)
    {
        _logger = logger ?? NullLogger.Instance;
        _clock = timeProvider ?? TimeProvider.System;
        Metrics = metrics ?? SkaftinMetrics.Default;
    }

    /// <summary>The client's instruments (its <see cref="SkaftinRealtimeOptions.MeterFactory"/>'s meter, or the default one).</summary>
    internal SkaftinMetrics Metrics { get; }

    /// <inheritdoc />
    SkaftinEventRouter ISkaftinRealtimeSource.Router => this;

    /// <summary>
    /// Returns the one typed table object for <paramref name="tableName"/>, creating it on first use.
    /// Generated extension methods call this; apps call those (<c>client.Vehicles()</c>).
    /// </summary>
    /// <typeparam name="TTable">The generated table class.</typeparam>
    /// <param name="tableName">The table's wire name.</param>
    /// <param name="factory">Creates the table object.</param>
    /// <returns>The table object.</returns>
    /// <exception cref="InvalidOperationException">Another row type already claimed the table.</exception>
    public TTable GetOrAddTable<TTable>(string tableName, Func<SkaftinEventRouter, TTable> factory)
        where TTable : RealtimeTableBase
    {
        return Cast<TTable>(_tables.GetOrAdd(tableName, (factory, router: this), static s => s.factory(s.router)));
    }

    /// <summary>Subscribes to the row and schema events of tables no typed table was requested for, and to events of unknown types.</summary>
    /// <param name="handler">Receives each such event with its rows as raw JSON.</param>
    /// <returns>Disposing it ends the subscription.</returns>
    internal IDisposable OnUndeclaredChange(Action<DatabaseChange> handler) => _undeclared.Add(handler);

    /// <summary>
    /// Subscribes to every <c>database-change</c> of the joined projects, in order, each in its most typed form (the
    /// seed's <c>onDatabaseChange</c>): <see cref="RowChange{TRow, TKey}"/> for a row of a declared table,
    /// <see cref="SchemaChange"/>, <see cref="CronJobChange"/> and <see cref="DatabaseImported"/> with typed payloads,
    /// and the raw <see cref="DatabaseChange"/> for rows of undeclared tables, unknown types, and rows that did not
    /// decode (the failure is also reported to <see cref="OnError"/>). A change reaches these handlers after the
    /// handlers of its own kind (a table's, <see cref="OnCronJobChanged"/>, ...).
    /// </summary>
    /// <param name="handler">Receives each change.</param>
    /// <returns>Disposing it ends the subscription.</returns>
    internal IDisposable OnAnyChange(Action<IDatabaseEvent> handler) => _any.Add(handler);

    /// <summary>Every change of the joined projects (as <see cref="OnAnyChange"/>) as an ordered async stream, buffering up to <see cref="RealtimeTable{TRow, TKey}.DefaultStreamCapacity"/> events.</summary>
    /// <param name="cancellationToken">Ends the stream.</param>
    /// <returns>The stream; it subscribes when enumeration starts. If the reader falls more than the capacity behind, it delivers what it buffered, then throws <see cref="StreamOverflowException"/>.</returns>
    internal IAsyncEnumerable<IDatabaseEvent> AllChanges(CancellationToken cancellationToken) =>
        AllChanges(DefaultStreamCapacity, cancellationToken);

    /// <summary>Every change of the joined projects (as <see cref="OnAnyChange"/>) as an ordered async stream with a buffer of the given capacity.</summary>
    /// <param name="capacity">How many events may wait for the reader before the stream overflows.</param>
    /// <param name="cancellationToken">Ends the stream.</param>
    /// <returns>The stream; it subscribes when enumeration starts. If the reader falls more than <paramref name="capacity"/> behind, it delivers what it buffered, then throws <see cref="StreamOverflowException"/>.</returns>
    internal IAsyncEnumerable<IDatabaseEvent> AllChanges(int capacity = DefaultStreamCapacity, CancellationToken cancellationToken = default) =>
        HandlerStream.Create(_any, capacity, null, cancellationToken);

    /// <summary>
    /// Subscribes to the schema changes of every table, declared or not (a <c>create_table</c> is usually for a table
    /// the app has not declared yet). A declared table's own <see cref="RealtimeTable{TRow, TKey}.OnSchemaChanged"/>
    /// handlers run first.
    /// </summary>
    /// <param name="handler">Receives each schema change, its payload typed in <see cref="SchemaChange.Details"/>.</param>
    /// <returns>Disposing it ends the subscription.</returns>
    internal IDisposable OnSchemaChanged(Action<SchemaChange> handler) => _schema.Add(handler);

    /// <summary>Subscribes to cron-job changes (created, updated, deleted, toggled) of joined projects.</summary>
    /// <param name="handler">Receives each change.</param>
    /// <returns>Disposing it ends the subscription.</returns>
    internal IDisposable OnCronJobChanged(Action<CronJobChange> handler) => _cronJobs.Add(handler);

    /// <summary>Subscribes to <c>import_dump</c>: a project's whole database was replaced and should be reloaded.</summary>
    /// <param name="handler">Receives each import.</param>
    /// <returns>Disposing it ends the subscription.</returns>
    internal IDisposable OnDatabaseImported(Action<DatabaseImported> handler) => _imports.Add(handler);

    /// <summary>
    /// Subscribes to every resync signal: a connection that could not be recovered, a whole-database import, or a
    /// declared table's schema change. Tables have their own <see cref="RealtimeTable{TRow, TKey}.OnResync"/>.
    /// </summary>
    /// <param name="handler">Receives each signal.</param>
    /// <returns>Disposing it ends the subscription.</returns>
    internal IDisposable OnResyncRequired(Action<ResyncRequired> handler) => _resyncs.Add(handler);

    /// <summary>
    /// Tells every declared table (and <see cref="OnResyncRequired"/> handlers) that events may have been missed.
    /// The realtime client calls this, in order with events, after a reconnect that did not recover the session.
    /// </summary>
    /// <param name="signal">The signal.</param>
    internal void RequestResync(ResyncRequired signal)
    {
        if (signal is null)
        {
            throw new ArgumentNullException(nameof(signal));
        }

        foreach (var handler in _resyncs.Snapshot)
        {
            try
            {
                handler(signal);
            }
            catch (Exception ex)
            {
                ReportResyncHandlerFailure(signal, ex);
            }
        }

        foreach (var table in _tables.Current.Values)
        {
            if (signal.TableName is null || signal.TableName == table.TableName)
            {
                table.Resync(signal);
            }
        }
    }

    /// <summary>Subscribes to delivery failures: undecodable payloads, throwing handlers, unknown event types.</summary>
    /// <param name="handler">Receives each failure.</param>
    /// <returns>Disposing it ends the subscription.</returns>
    internal IDisposable OnError(Action<RealtimeError> handler) => _errors.Add(handler);

    /// <summary>
    /// Delivers one <c>database-change</c> event to its table's handlers, synchronously and in the caller's order.
    /// Never throws: failures go to <see cref="OnError"/> and the logger.
    /// </summary>
    /// <param name="utf8Json">The event's JSON object.</param>
    internal void DispatchDatabaseChange(ReadOnlyMemory<byte> utf8Json)
    {
        ChangeEnvelope envelope;
        try
        {
            envelope = ChangeEnvelope.Parse(utf8Json);
        }
        catch (SkaftinDecodeException ex)
        {
            ReportDecodeFailure(EventNames.DatabaseChange, null, null, utf8Json, ex);
            return;
        }

        Metrics.EventsReceived.Add(1, SkaftinTelemetry.Table(envelope.TableName), SkaftinTelemetry.EventType(envelope.TypeName));
        using var activity = SkaftinTelemetry.ActivitySource.StartActivity("skaftin.realtime.dispatch", System.Diagnostics.ActivityKind.Consumer);
        if (activity is not null)
        {
            activity.SetTag("skaftin.table", envelope.TableName);
            activity.SetTag("skaftin.event_type", envelope.TypeName);
            activity.SetTag("skaftin.project", envelope.ProjectId);
        }

        if (envelope.Type.IsRowChange() && envelope.TableName is { } rowTable && _tables.Current.TryGetValue(rowTable, out var rowOwner))
        {
            // Nearly every event: a row of a declared table. The table delivers the typed row change to OnAnyChange
            // handlers too, and makes the raw DatabaseChange only where the app is handed it (a row that did not decode,
            // for OnAnyChange) or a report needs it: typed handlers never cost one.
            rowOwner.Dispatch(envelope);
            return;
        }

        DispatchOther(envelope.ToChange(), utf8Json);
    }

    // Every event but a row of a declared table: unknown types, cron jobs, imports, schema changes, undeclared tables.
    private void DispatchOther(DatabaseChange change, ReadOnlyMemory<byte> utf8Json)
    {
        if (change.Type == DatabaseChangeType.Unknown)
        {
            Log.UnknownEventType(_logger, change.TypeName);
            Report(new RealtimeError(RealtimeErrorKind.UnknownEventType, EventNames.DatabaseChange, change.TableName, change.TypeName, Cut(utf8Json), null));
            DeliverUndeclared(change);
            return;
        }

        if (change.Type.IsCronJobChange())
        {
            if (!_cronJobs.IsEmpty || !_any.IsEmpty)
            {
                var cronJob = TypedEvents.CronJob(change);
                Deliver(_cronJobs, cronJob, change);
                DeliverAny(cronJob, change);
            }

            return;
        }

        if (change.Type == DatabaseChangeType.ImportDump)
        {
            if (!_imports.IsEmpty || !_any.IsEmpty)
            {
                var imported = TypedEvents.Import(change);
                Deliver(_imports, imported, change);
                DeliverAny(imported, change);
            }

            RequestResync(new ResyncRequired(ResyncReason.DatabaseImported, change.ProjectId, null, _clock.GetUtcNow()));
            return;
        }

        var tables = _tables.Current;
        RealtimeTableBase? table = null;
        var declared = change.TableName is { } name && tables.TryGetValue(name, out table);
        if (change.Type.IsSchemaChange() && change.TableName is { } schemaTable)
        {
            var drift = declared && SchemaDrift.IsDrift(change.Type);
            if (drift || !_schema.IsEmpty || !_any.IsEmpty || (table?.HasSchemaSubscribers ?? false))
            {
                var schemaChange = TypedEvents.Schema(change, schemaTable);
                table?.DispatchSchema(schemaChange, change);
                Deliver(_schema, schemaChange, change);
                DeliverAny(schemaChange, change);
                if (drift)
                {
                    ReportDrift(SchemaDrift.From(schemaChange, table!.ColumnMembers, _clock.GetUtcNow()), change);
                }
            }

            if (declared)
            {
                RequestResync(new ResyncRequired(ResyncReason.SchemaChanged, change.ProjectId, schemaTable, _clock.GetUtcNow()));
            }
            else
            {
                Deliver(_undeclared, change, change);
            }

            return;
        }

        if (change.TableName is null && change.Type.IsRowChange())
        {
            Log.MissingTableName(_logger, change.TypeName, change.ProjectId);
            Report(new RealtimeError(RealtimeErrorKind.MissingTableName, EventNames.DatabaseChange, null, change.TypeName, Cut(utf8Json), null));
        }

        DeliverUndeclared(change);
    }

    // Rows of undeclared tables, unknown types and schema events without a table: raw, to both kinds of handler.
    private void DeliverUndeclared(DatabaseChange change)
    {
        Deliver(_undeclared, change, change);
        DeliverAny(change, change);
    }

    /// <summary>Whether anything (a handler or a stream) listens to every change.</summary>
    internal bool HasAnyChangeHandlers => !_any.IsEmpty;

    /// <summary>Hands <paramref name="value"/> to the <see cref="OnAnyChange"/> handlers.</summary>
    internal void DeliverAny(IDatabaseEvent value, DatabaseChange change) => DeliverAny(value, change.Envelope);

    /// <summary>Hands <paramref name="value"/> to the <see cref="OnAnyChange"/> handlers; failures name the event of <paramref name="change"/>.</summary>
    internal void DeliverAny(IDatabaseEvent value, in ChangeEnvelope change)
    {
        if (!_any.IsEmpty)
        {
            Deliver(_any, value, change);
        }
    }

    // Runs each handler; one that throws is reported and does not stop the others.
    internal void Deliver<T>(HandlerList<Action<T>> handlers, T value, DatabaseChange change) => Deliver(handlers, value, change.Envelope);

    // The same, for the typed row path, which has the envelope and no DatabaseChange.
    internal void Deliver<T>(HandlerList<Action<T>> handlers, T value, in ChangeEnvelope change)
    {
        foreach (var handler in handlers.Snapshot)
        {
            try
            {
                handler(value);
            }
            catch (Exception ex)
            {
                ReportHandlerFailure(change, ex);
            }
        }
    }

    private static TTable Cast<TTable>(RealtimeTableBase table)
        where TTable : RealtimeTableBase =>
        table as TTable ?? throw new InvalidOperationException(
            $"Table '{table.TableName}' is already bound to {table.GetType().FullName}; it cannot also be {typeof(TTable).FullName}.");
}
