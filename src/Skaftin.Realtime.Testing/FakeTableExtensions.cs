using System;
using System.Threading;
using System.Threading.Tasks;

namespace Skaftin.Realtime.Testing;

/// <summary>
/// Test pushes on a generated table of a <see cref="FakeSkaftinServer"/>'s client: <c>await server.Vehicles().InsertAsync(vehicle)</c>.
/// The typed row reaches the table's handlers (<c>OnInserted</c>, <c>OnChanged</c>, streams, live tables) and the client's
/// <c>OnAnyChange</c> handlers exactly as a decoded server event does: the same typed change, in the same order with
/// everything else, on the same thread or context. Each task completes once every handler ran.
/// </summary>
/// <remarks>
/// <c>projectId</c> defaults to the one project the client has joined; <c>timestamp</c> defaults to the
/// clock of the client's options. Pushes throw <see cref="InvalidOperationException"/> when a real server would not
/// deliver the change (the client is not connected, or not in the project's room).
/// </remarks>
public static class FakeTableExtensions
{
    /// <summary>The server inserts a row.</summary>
    /// <typeparam name="TRow">The row type.</typeparam>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <param name="table">A table of a fake server's client (<c>server.Vehicles()</c>).</param>
    /// <param name="row">The new row.</param>
    /// <param name="projectId">The project; null for the one the client has joined.</param>
    /// <param name="timestamp">When the server made the change; null for now.</param>
    /// <param name="cancellationToken">Abandons the wait for the handlers (the change is still delivered).</param>
    /// <returns>A task that completes once every handler ran.</returns>
    public static Task InsertAsync<TRow, TKey>(this RealtimeTable<TRow, TKey> table, TRow row, string? projectId = null, DateTimeOffset? timestamp = null, CancellationToken cancellationToken = default)
        where TRow : class
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(row);
        return FakeSkaftinServer.Of(table).PushRowAsync(table, DatabaseChangeType.Insert, projectId, timestamp, change => new RowInserted<TRow, TKey>(row) { ProjectId = change.ProjectId, TableName = table.TableName, Timestamp = change.Timestamp }, cancellationToken);
    }

    /// <summary>The server updates a row.</summary>
    /// <typeparam name="TRow">The row type.</typeparam>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <param name="table">A table of a fake server's client (<c>server.Vehicles()</c>).</param>
    /// <param name="row">The row as it is now.</param>
    /// <param name="oldRow">The row as it was (a server's <c>oldData</c>); null when the server sends none.</param>
    /// <param name="projectId">The project; null for the one the client has joined.</param>
    /// <param name="timestamp">When the server made the change; null for now.</param>
    /// <param name="cancellationToken">Abandons the wait for the handlers (the change is still delivered).</param>
    /// <returns>A task that completes once every handler ran.</returns>
    public static Task UpdateAsync<TRow, TKey>(this RealtimeTable<TRow, TKey> table, TRow row, TRow? oldRow = null, string? projectId = null, DateTimeOffset? timestamp = null, CancellationToken cancellationToken = default)
        where TRow : class
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(row);
        return FakeSkaftinServer.Of(table).PushRowAsync(table, DatabaseChangeType.Update, projectId, timestamp, change => new RowUpdated<TRow, TKey>(row, oldRow) { ProjectId = change.ProjectId, TableName = table.TableName, Timestamp = change.Timestamp }, cancellationToken);
    }

    /// <summary>The server deletes a row and sends the whole deleted row.</summary>
    /// <typeparam name="TRow">The row type.</typeparam>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <param name="table">A table of a fake server's client (<c>server.Vehicles()</c>).</param>
    /// <param name="row">The deleted row; its key is read from it (for a table without a key, <c>HasKey</c> is false).</param>
    /// <param name="projectId">The project; null for the one the client has joined.</param>
    /// <param name="timestamp">When the server made the change; null for now.</param>
    /// <param name="cancellationToken">Abandons the wait for the handlers (the change is still delivered).</param>
    /// <returns>A task that completes once every handler ran.</returns>
    public static Task DeleteAsync<TRow, TKey>(this RealtimeTable<TRow, TKey> table, TRow row, string? projectId = null, DateTimeOffset? timestamp = null, CancellationToken cancellationToken = default)
        where TRow : class
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(row);
        var hasKey = table.Reader.HasKey;
        var key = hasKey ? table.Reader.GetKey(row) : default!;
        return PushDeleteAsync(table, key, row, hasKey, projectId, timestamp, cancellationToken);
    }

    /// <summary>The server deletes a row and sends only its key (a delete's <c>data</c> may hold only the key).</summary>
    /// <typeparam name="TRow">The row type.</typeparam>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <param name="table">A table of a fake server's client (<c>server.Vehicles()</c>).</param>
    /// <param name="key">The deleted row's key.</param>
    /// <param name="projectId">The project; null for the one the client has joined.</param>
    /// <param name="timestamp">When the server made the change; null for now.</param>
    /// <param name="cancellationToken">Abandons the wait for the handlers (the change is still delivered).</param>
    /// <returns>A task that completes once every handler ran.</returns>
    /// <exception cref="InvalidOperationException">The row type declares no key (delete it with <see cref="DeleteAsync"/>).</exception>
    public static Task DeleteKeyAsync<TRow, TKey>(this RealtimeTable<TRow, TKey> table, TKey key, string? projectId = null, DateTimeOffset? timestamp = null, CancellationToken cancellationToken = default)
        where TRow : class
    {
        ArgumentNullException.ThrowIfNull(table);
        if (!table.Reader.HasKey)
        {
            throw new InvalidOperationException($"The row type of table '{table.TableName}' declares no key: delete a whole row with DeleteAsync.");
        }

        return PushDeleteAsync(table, key, null, true, projectId, timestamp, cancellationToken);
    }

    /// <summary>
    /// The server changes the table's schema. The event goes through the client's whole decode path: the table's and the
    /// client's schema handlers receive it typed, then every handler of the table receives a resync signal.
    /// </summary>
    /// <typeparam name="TRow">The row type.</typeparam>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <param name="table">A table of a fake server's client (<c>server.Vehicles()</c>).</param>
    /// <param name="type">A schema change type, such as <see cref="DatabaseChangeType.AddColumn"/>.</param>
    /// <param name="dataJson">The event's <c>data</c> as JSON (the column or constraint, as a Skaftin server sends it); null for none.</param>
    /// <param name="projectId">The project; null for the one the client has joined.</param>
    /// <param name="cancellationToken">Abandons the wait for the handlers (the change is still delivered).</param>
    /// <returns>A task that completes once every handler ran.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="type"/> is not a schema change.</exception>
    public static Task SchemaChangedAsync<TRow, TKey>(this RealtimeTable<TRow, TKey> table, DatabaseChangeType type, string? dataJson = null, string? projectId = null, CancellationToken cancellationToken = default)
        where TRow : class
    {
        ArgumentNullException.ThrowIfNull(table);
        if (!type.IsSchemaChange())
        {
            throw new ArgumentOutOfRangeException(nameof(type), type, "Not a schema change type.");
        }

        return FakeSkaftinServer.Of(table).PushEnvelopeAsync(type, projectId, table.TableName, null, dataJson, cancellationToken);
    }

    private static Task PushDeleteAsync<TRow, TKey>(RealtimeTable<TRow, TKey> table, TKey key, TRow? row, bool hasKey, string? projectId, DateTimeOffset? timestamp, CancellationToken cancellationToken)
        where TRow : class =>
        FakeSkaftinServer.Of(table).PushRowAsync(
            table,
            DatabaseChangeType.Delete,
            projectId,
            timestamp,
            change => new RowDeleted<TRow, TKey>(key, row) { HasKey = hasKey, ProjectId = change.ProjectId, TableName = table.TableName, Timestamp = change.Timestamp },
            cancellationToken);
}
