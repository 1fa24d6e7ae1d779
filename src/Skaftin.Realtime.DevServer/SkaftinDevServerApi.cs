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

/// <summary>
/// A typed client for the dev server's HTTP API. Every change made through it is announced to the project's room
/// (<c>database-change</c> or <c>project-event</c>), which is how tests make the server emit events.
/// </summary>
/// <remarks>
/// Rows, changes and event data are any value System.Text.Json can serialize (anonymous objects, dictionaries,
/// <see cref="JsonElement"/>, JSON nodes); property names are sent exactly as declared. Results are the server's JSON.
/// A non-success status throws <see cref="SkaftinDevServerException"/> carrying the status and body.
/// </remarks>
public sealed class SkaftinDevServerApi
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.General);

    private readonly HttpClient _http;

    /// <summary>Creates a client for a dev server at <paramref name="baseUrl"/>.</summary>
    /// <param name="httpClient">The HTTP client to send with; the caller owns it.</param>
    /// <param name="baseUrl">The server's base URL, e.g. <see cref="SkaftinDevServer.Url"/>.</param>
    /// <param name="apiKey">The key sent as <c>x-api-key</c>.</param>
    public SkaftinDevServerApi(HttpClient httpClient, Uri baseUrl, string apiKey)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(baseUrl);
        ArgumentNullException.ThrowIfNull(apiKey);
        _http = httpClient;
        BaseUrl = baseUrl;
        ApiKey = apiKey;
    }

    /// <summary>The server's base URL.</summary>
    public Uri BaseUrl { get; }

    /// <summary>The API key this client authenticates with.</summary>
    public string ApiKey { get; }

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

    // ---- cron jobs ----

    /// <summary>Lists the project's cron jobs.</summary>
    /// <param name="projectId">The project.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>An array of jobs.</returns>
    public Task<JsonElement> GetCronJobsAsync(string projectId, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Get, $"/api/projects/{E(projectId)}/cron-jobs", null, cancellationToken);

    /// <summary>Creates a cron job (stored only, never run); emits <c>create_cron_job</c>.</summary>
    /// <param name="projectId">The project.</param>
    /// <param name="name">The job's name.</param>
    /// <param name="schedule">Its schedule, e.g. <c>*/5 * * * *</c>.</param>
    /// <param name="enabled">Whether it starts enabled.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The job, with its numeric <c>id</c>.</returns>
    public Task<JsonElement> CreateCronJobAsync(string projectId, string name, string schedule, bool enabled = true, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, $"/api/projects/{E(projectId)}/cron-jobs", new { name, schedule, enabled }, cancellationToken);

    /// <summary>Updates a cron job (extra fields are kept); emits <c>update_cron_job</c>.</summary>
    /// <param name="projectId">The project.</param>
    /// <param name="jobId">The job's id.</param>
    /// <param name="changes">The changed fields.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The job after the update.</returns>
    public Task<JsonElement> UpdateCronJobAsync(string projectId, object jobId, object changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        return SendAsync(HttpMethod.Patch, $"/api/projects/{E(projectId)}/cron-jobs/{E(FormatId(jobId))}", changes, cancellationToken);
    }

    /// <summary>Enables or disables a cron job; emits <c>toggle_cron_job</c>.</summary>
    /// <param name="projectId">The project.</param>
    /// <param name="jobId">The job's id.</param>
    /// <param name="enabled">The new state; null flips it.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The job after the toggle.</returns>
    public Task<JsonElement> ToggleCronJobAsync(string projectId, object jobId, bool? enabled = null, CancellationToken cancellationToken = default) =>
        SendAsync(
            HttpMethod.Post,
            $"/api/projects/{E(projectId)}/cron-jobs/{E(FormatId(jobId))}/toggle",
            enabled is null ? null : new { enabled = enabled.Value },
            cancellationToken);

    /// <summary>Deletes a cron job; emits <c>delete_cron_job</c>.</summary>
    /// <param name="projectId">The project.</param>
    /// <param name="jobId">The job's id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The deleted job.</returns>
    public Task<JsonElement> DeleteCronJobAsync(string projectId, object jobId, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Delete, $"/api/projects/{E(projectId)}/cron-jobs/{E(FormatId(jobId))}", null, cancellationToken);

    // ---- import and project events ----

    /// <summary>
    /// Replaces every table of the project with <paramref name="tables"/> in one transaction; emits one
    /// <c>import_dump</c> (no per-row events).
    /// </summary>
    /// <param name="projectId">The project.</param>
    /// <param name="tables">The tables to create, with their rows.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns><c>{droppedTables, tables, rows}</c>.</returns>
    public Task<JsonElement> ImportDumpAsync(string projectId, IEnumerable<DevTable> tables, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tables);
        return SendAsync(HttpMethod.Post, $"/api/projects/{E(projectId)}/import-dump", new { tables }, cancellationToken);
    }

    /// <summary>Sends a <c>project-event</c> <c>{type, projectId, data, timestamp}</c> to the project's room.</summary>
    /// <param name="projectId">The project.</param>
    /// <param name="type">The event's type.</param>
    /// <param name="data">Its data; may be null.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The event as sent.</returns>
    public Task<JsonElement> PublishProjectEventAsync(string projectId, string type, object? data, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, $"/api/projects/{E(projectId)}/events", new { type, data }, cancellationToken);

    // ---- test hooks ----

    /// <summary>Emits any event with any arguments to the project's room (test hook <c>POST /api/_test/emit</c>).</summary>
    /// <param name="projectId">The project.</param>
    /// <param name="eventName">The event's name; reserved names such as <c>connect</c> are refused (400).</param>
    /// <param name="args">The event's arguments; a null array means one null argument.</param>
    /// <returns>How many sockets were in the room.</returns>
    public Task<int> EmitAsync(string projectId, string eventName, params object?[] args)
    {
        args ??= new object?[] { null };
        foreach (var arg in args)
        {
            if (arg is CancellationToken)
            {
                throw new ArgumentException(
                    "A CancellationToken is not an event argument: use the overload taking IEnumerable<object?> args and a CancellationToken.",
                    nameof(args));
            }
        }

        return EmitAsync(projectId, eventName, args, CancellationToken.None);
    }

    /// <summary>Emits any event with any arguments to the project's room (test hook <c>POST /api/_test/emit</c>).</summary>
    /// <param name="projectId">The project.</param>
    /// <param name="eventName">The event's name; reserved names such as <c>connect</c> are refused (400).</param>
    /// <param name="args">The event's arguments.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>How many sockets were in the room.</returns>
    public async Task<int> EmitAsync(string projectId, string eventName, IEnumerable<object?> args, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        var result = await SendAsync(HttpMethod.Post, "/api/_test/emit", new { projectId, @event = eventName, args }, cancellationToken).ConfigureAwait(false);
        return result.GetProperty("sockets").GetInt32();
    }

    /// <summary>
    /// Emits an event whose arguments are given as JSON text, through the server's own encoder, so it is stored for
    /// connection state recovery like any event (test hook <c>POST /api/_test/emit</c> with <c>argsJson</c>). The text
    /// may hold what a .NET serializer refuses to write: unpaired surrogates (<c>"\ud800"</c>), any nesting depth.
    /// </summary>
    /// <param name="projectId">The project.</param>
    /// <param name="eventName">The event's name; reserved names such as <c>connect</c> are refused (400).</param>
    /// <param name="argsJson">The arguments as a JSON array.</param>
    /// <param name="withAck">Ask every client for an acknowledgement (the frame carries an ack id; the server does not store it for recovery).</param>
    /// <param name="withBinary">Append a 3-byte binary argument (the frame becomes a binary event with one attachment).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>How many sockets were in the room.</returns>
    public async Task<int> EmitJsonAsync(string projectId, string eventName, string argsJson, bool withAck = false, bool withBinary = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(argsJson);
        var result = await SendAsync(HttpMethod.Post, "/api/_test/emit", new { projectId, @event = eventName, argsJson, ack = withAck, binary = withBinary }, cancellationToken).ConfigureAwait(false);
        return result.GetProperty("sockets").GetInt32();
    }

    /// <summary>
    /// Writes <paramref name="frame"/> as one raw Engine.IO message to every socket in the project's room, bypassing
    /// the encoder (test hook <c>POST /api/_test/emit-raw</c>); <c>2[...]</c> is a Socket.IO EVENT.
    /// </summary>
    /// <param name="projectId">The project.</param>
    /// <param name="frame">The message, possibly malformed on purpose.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>How many sockets were in the room.</returns>
    public async Task<int> EmitRawAsync(string projectId, string frame, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var result = await SendAsync(HttpMethod.Post, "/api/_test/emit-raw", new { projectId, frame }, cancellationToken).ConfigureAwait(false);
        return result.GetProperty("sockets").GetInt32();
    }

    /// <summary>The Socket.IO ids of the sockets in the project's room.</summary>
    /// <param name="projectId">The project.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The socket ids.</returns>
    public async Task<IReadOnlyList<string>> GetRoomMembersAsync(string projectId, CancellationToken cancellationToken = default)
    {
        var result = await SendAsync(HttpMethod.Get, $"/api/_test/rooms/{E(projectId)}", null, cancellationToken).ConfigureAwait(false);
        return Strings(result.GetProperty("members"));
    }

    /// <summary>The Socket.IO ids of every connected socket.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The socket ids.</returns>
    public async Task<IReadOnlyList<string>> GetSocketsAsync(CancellationToken cancellationToken = default)
    {
        var result = await SendAsync(HttpMethod.Get, "/api/_test/sockets", null, cancellationToken).ConfigureAwait(false);
        return Strings(result.GetProperty("sockets"));
    }

    /// <summary>The transport the server sees a connected socket on: <c>websocket</c> or <c>polling</c>.</summary>
    /// <param name="socketId">The socket's id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The transport's name.</returns>
    public async Task<string?> GetSocketTransportAsync(string socketId, CancellationToken cancellationToken = default)
    {
        var result = await SendAsync(HttpMethod.Get, $"/api/_test/sockets/{E(socketId)}", null, cancellationToken).ConfigureAwait(false);
        return result.GetProperty("transport").GetString();
    }

    /// <summary>Disconnects every socket from the server side (clients see <c>io server disconnect</c>).</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>How many sockets were disconnected.</returns>
    public async Task<int> DisconnectAllAsync(CancellationToken cancellationToken = default)
    {
        var result = await SendAsync(HttpMethod.Post, "/api/_test/disconnect-all", null, cancellationToken).ConfigureAwait(false);
        return result.GetProperty("disconnected").GetInt32();
    }

    /// <summary>
    /// Closes every socket's connection without a Socket.IO disconnect, as a network failure would: clients
    /// reconnect by themselves and, when the server runs with recovery, get their session back.
    /// </summary>
    /// <param name="cancellationToken">Abandons the call.</param>
    /// <returns>How many connections were closed.</returns>
    public async Task<int> DropTransportsAsync(CancellationToken cancellationToken = default)
    {
        var result = await SendAsync(HttpMethod.Post, "/api/_test/drop-transports", null, cancellationToken).ConfigureAwait(false);
        return result.GetProperty("dropped").GetInt32();
    }

    // ---- plumbing ----

    private async Task<JsonElement> SendAsync(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        var text = await SendForTextAsync(method, path, body, cancellationToken).ConfigureAwait(false);
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    private async Task<string> SendForTextAsync(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(BaseUrl, path));
        request.Headers.TryAddWithoutValidation("x-api-key", ApiKey);
        if (body is not null)
        {
            request.Content = new StringContent(JsonSerializer.Serialize(body, body.GetType(), s_json), Encoding.UTF8, "application/json");
        }

        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new SkaftinDevServerException(
                $"{method} {path} failed with {(int)response.StatusCode} {response.StatusCode}: {text}",
                response.StatusCode,
                text);
        }

        return text;
    }

    private static string E(string segment)
    {
        ArgumentNullException.ThrowIfNull(segment);
        return Uri.EscapeDataString(segment);
    }

    private static string FormatId(object id) => id switch
    {
        null => throw new ArgumentNullException(nameof(id)),
        string s => s,
        JsonElement { ValueKind: JsonValueKind.String } e => e.GetString()!,
        JsonElement e => e.GetRawText(),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => id.ToString() ?? throw new ArgumentException("The id formats as null.", nameof(id)),
    };

    private static IReadOnlyList<string> Strings(JsonElement array)
    {
        var list = new List<string>(array.GetArrayLength());
        foreach (var item in array.EnumerateArray())
        {
            list.Add(item.GetString() ?? "");
        }

        return list;
    }
}
