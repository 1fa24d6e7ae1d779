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
}
