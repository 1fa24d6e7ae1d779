using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Skaftin.Realtime.DevServer;

public sealed partial class SkaftinDevServerApi
{
    // ---- rows ----

    /// <summary>Reads every row of a table, ordered by key.</summary>
    /// <param name="projectId">The project.</param>
    /// <param name="table">The table.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The raw JSON array, exactly as the server sent it.</returns>
    public Task<string> GetRowsAsync(string projectId, string table, CancellationToken cancellationToken = default) =>
        SendForTextAsync(HttpMethod.Get, $"/api/projects/{E(projectId)}/tables/{E(table)}/rows", null, cancellationToken);

    /// <summary>Reads one row by key.</summary>
    /// <param name="projectId">The project.</param>
    /// <param name="table">The table.</param>
    /// <param name="id">The key: a string, number, GUID or a <see cref="JsonElement"/> taken from a row.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The row.</returns>
    public Task<JsonElement> GetRowAsync(string projectId, string table, object id, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Get, $"/api/projects/{E(projectId)}/tables/{E(table)}/rows/{E(FormatId(id))}", null, cancellationToken);

    /// <summary>Inserts a row; emits <c>insert</c> with the stored row.</summary>
    /// <param name="projectId">The project.</param>
    /// <param name="table">The table.</param>
    /// <param name="row">The row, keyed by column name (e.g. an anonymous object).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The stored row, with generated keys and defaults.</returns>
    public Task<JsonElement> InsertAsync(string projectId, string table, object row, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(row);
        return SendAsync(HttpMethod.Post, $"/api/projects/{E(projectId)}/tables/{E(table)}/rows", row, cancellationToken);
    }

    /// <summary>Updates a row; emits <c>update</c> with the new row and the previous one as oldData.</summary>
    /// <param name="projectId">The project.</param>
    /// <param name="table">The table.</param>
    /// <param name="id">The key: a string, number, GUID or a <see cref="JsonElement"/> taken from a row.</param>
    /// <param name="changes">The changed columns.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The row after the update.</returns>
    public Task<JsonElement> UpdateAsync(string projectId, string table, object id, object changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        return SendAsync(HttpMethod.Patch, $"/api/projects/{E(projectId)}/tables/{E(table)}/rows/{E(FormatId(id))}", changes, cancellationToken);
    }

    /// <summary>
    /// Inserts several rows in one transaction (all or none). Emits one <c>insert</c> whose <c>data</c> is the array
    /// of stored rows under <see cref="DevServerContract.Seed"/>, one <c>insert</c> per row under
    /// <see cref="DevServerContract.Dev"/>.
    /// </summary>
    /// <param name="projectId">The project.</param>
    /// <param name="table">The table.</param>
    /// <param name="rows">The rows, each keyed by column name (e.g. anonymous objects); at least one.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The stored rows, in order.</returns>
    public Task<JsonElement> InsertManyAsync(string projectId, string table, IEnumerable<object> rows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return SendAsync(HttpMethod.Post, $"/api/projects/{E(projectId)}/tables/{E(table)}/rows/bulk", rows.ToArray(), cancellationToken);
    }

    /// <summary>
    /// Updates several rows in one transaction (all or none). Emits one <c>update</c> whose <c>data</c> is the array
    /// of rows (key and changed columns) under <see cref="DevServerContract.Seed"/>, one <c>update</c> per row with
    /// the full rows under <see cref="DevServerContract.Dev"/>.
    /// </summary>
    /// <param name="projectId">The project.</param>
    /// <param name="table">The table.</param>
    /// <param name="changes">Per row: its primary key column and the columns to change; at least one.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The rows after the update, in order.</returns>
    public Task<JsonElement> UpdateManyAsync(string projectId, string table, IEnumerable<object> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        return SendAsync(HttpMethod.Patch, $"/api/projects/{E(projectId)}/tables/{E(table)}/rows/bulk", changes.ToArray(), cancellationToken);
    }

    /// <summary>Deletes a row; emits <c>delete</c> with the old row (or only its key).</summary>
    /// <param name="projectId">The project.</param>
    /// <param name="table">The table.</param>
    /// <param name="id">The key: a string, number, GUID or a <see cref="JsonElement"/> taken from a row.</param>
    /// <param name="keyOnly">Announce the delete with <c>{&lt;key&gt;: value}</c> only, as some backends do.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The deleted row.</returns>
    public Task<JsonElement> DeleteAsync(string projectId, string table, object id, bool keyOnly = false, CancellationToken cancellationToken = default) =>
        SendAsync(
            HttpMethod.Delete,
            $"/api/projects/{E(projectId)}/tables/{E(table)}/rows/{E(FormatId(id))}{(keyOnly ? "?keyOnly=1" : "")}",
            null,
            cancellationToken);
}
