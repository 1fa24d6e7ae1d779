using System;
using System.Collections.Generic;
using System.Text.Json;

namespace Skaftin.Realtime;

/// <summary>A cron job as a cron-job event describes it (<c>{id, name, schedule, enabled, ..., createdAt, updatedAt}</c>).</summary>
/// <remarks>The contract does not fix this shape: each member is null when the server did not send it in a shape this SDK reads (a toggle may send only <c>{id, enabled}</c>).</remarks>
/// <param name="Id">The job's id, as text (a server may number its jobs or give them string ids).</param>
/// <param name="Name">The job's name.</param>
/// <param name="Schedule">Its cron expression, such as <c>0 3 * * *</c>.</param>
/// <param name="Enabled">Whether it runs.</param>
public sealed record CronJob(string? Id, string? Name, string? Schedule, bool? Enabled)
{
    /// <summary>When the job was created; null when the server did not say.</summary>
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>When the job last changed; null when the server did not say.</summary>
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>The fields this SDK does not know (a command, a time zone, ...) or whose value has a shape it does not read, by name, exactly as sent.</summary>
    public IReadOnlyDictionary<string, JsonElement> Extra { get; init; } = PayloadJson.NoExtra;
}
