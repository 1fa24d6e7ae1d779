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
    // ---- tables and columns ----

    /// <summary>Lists the project's tables (<c>GET /api/projects/:p/tables</c>).</summary>
    /// <param name="projectId">The project.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>An array of table descriptions.</returns>
    public Task<JsonElement> GetTablesAsync(string projectId, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Get, $"/api/projects/{E(projectId)}/tables", null, cancellationToken);

    /// <summary>Describes one table: <c>{table, primaryKey, columns, constraints}</c>.</summary>
    /// <param name="projectId">The project.</param>
    /// <param name="table">The table.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The description.</returns>
    public Task<JsonElement> DescribeTableAsync(string projectId, string table, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Get, $"/api/projects/{E(projectId)}/tables/{E(table)}", null, cancellationToken);

    /// <summary>Creates a table; emits <c>create_table</c>.</summary>
    /// <param name="projectId">The project.</param>
    /// <param name="tableName">The new table's name.</param>
    /// <param name="columns">Its columns; with no primary key column the server adds <c>id integer</c>.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The table's description.</returns>
    public Task<JsonElement> CreateTableAsync(string projectId, string tableName, IEnumerable<DevColumn> columns, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(columns);
        return SendAsync(HttpMethod.Post, $"/api/projects/{E(projectId)}/tables", new { name = tableName, columns }, cancellationToken);
    }

    /// <summary>Drops a table; emits <c>drop_table</c>.</summary>
    /// <param name="projectId">The project.</param>
    /// <param name="table">The table.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns><c>{table}</c>.</returns>
    public Task<JsonElement> DropTableAsync(string projectId, string table, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Delete, $"/api/projects/{E(projectId)}/tables/{E(table)}", null, cancellationToken);

    /// <summary>Renames a table; emits <c>rename_table</c> with the old name as <c>tableName</c>.</summary>
    /// <param name="projectId">The project.</param>
    /// <param name="table">The table's current name.</param>
    /// <param name="newName">Its new name.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns><c>{oldName, newName}</c>.</returns>
    public Task<JsonElement> RenameTableAsync(string projectId, string table, string newName, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, $"/api/projects/{E(projectId)}/tables/{E(table)}/rename", new { newName }, cancellationToken);

    /// <summary>Adds a column (not a key column); emits <c>add_column</c>.</summary>
    /// <param name="projectId">The project.</param>
    /// <param name="table">The table.</param>
    /// <param name="column">The new column.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns><c>{table, column}</c>.</returns>
    public Task<JsonElement> AddColumnAsync(string projectId, string table, DevColumn column, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(column);
        return SendAsync(HttpMethod.Post, $"/api/projects/{E(projectId)}/tables/{E(table)}/columns", column, cancellationToken);
    }

    /// <summary>Changes a column's type and/or nullability; emits <c>alter_column</c> (oldData = the column before).</summary>
    /// <param name="projectId">The project.</param>
    /// <param name="table">The table.</param>
    /// <param name="column">The column.</param>
    /// <param name="type">The new logical type; null keeps it.</param>
    /// <param name="nullable">The new nullability; null keeps it.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns><c>{table, column}</c> after the change.</returns>
    public Task<JsonElement> AlterColumnAsync(string projectId, string table, string column, string? type = null, bool? nullable = null, CancellationToken cancellationToken = default)
    {
        var body = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (type is not null)
        {
            body["type"] = type;
        }

        if (nullable is not null)
        {
            body["nullable"] = nullable.Value;
        }

        return SendAsync(HttpMethod.Patch, $"/api/projects/{E(projectId)}/tables/{E(table)}/columns/{E(column)}", body, cancellationToken);
    }

    /// <summary>Drops a column; emits <c>drop_column</c>.</summary>
    /// <param name="projectId">The project.</param>
    /// <param name="table">The table.</param>
    /// <param name="column">The column.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns><c>{table, column}</c>.</returns>
    public Task<JsonElement> DropColumnAsync(string projectId, string table, string column, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Delete, $"/api/projects/{E(projectId)}/tables/{E(table)}/columns/{E(column)}", null, cancellationToken);

    /// <summary>Creates a constraint; emits <c>create_constraint</c>.</summary>
    /// <param name="projectId">The project.</param>
    /// <param name="table">The table.</param>
    /// <param name="constraint">
    /// The constraint, e.g. <c>new { name = "uq_email", type = "unique", columns = new[] { "email" } }</c>; unique ones
    /// become real unique indexes, other kinds are recorded only.
    /// </param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns><c>{table, constraint}</c>.</returns>
    public Task<JsonElement> CreateConstraintAsync(string projectId, string table, object constraint, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(constraint);
        return SendAsync(HttpMethod.Post, $"/api/projects/{E(projectId)}/tables/{E(table)}/constraints", constraint, cancellationToken);
    }

    /// <summary>Drops a constraint; emits <c>drop_constraint</c>.</summary>
    /// <param name="projectId">The project.</param>
    /// <param name="table">The table.</param>
    /// <param name="name">The constraint's name.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns><c>{table, constraint}</c>.</returns>
    public Task<JsonElement> DropConstraintAsync(string projectId, string table, string name, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Delete, $"/api/projects/{E(projectId)}/tables/{E(table)}/constraints/{E(name)}", null, cancellationToken);
}
