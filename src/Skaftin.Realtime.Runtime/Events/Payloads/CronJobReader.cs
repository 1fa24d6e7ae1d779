using System.Collections.Generic;
using System.Text.Json;

namespace Skaftin.Realtime;

/// <summary>
/// Reads a cron job (<c>{id, name, schedule, enabled, createdAt?, updatedAt?, ...}</c>) with <see cref="Utf8JsonReader"/>
/// only. It never fails on an object: an absent member stays null, and a field it does not know, or whose value has
/// another shape, is kept raw in <c>Extra</c>.
/// </summary>
internal static class CronJobReader
{
    /// <summary>Reads the job the reader is on.</summary>
    /// <exception cref="SkaftinDecodeException">The value is not an object.</exception>
    public static CronJob Read(ref Utf8JsonReader reader, string path)
    {
        PayloadJson.ExpectObject(ref reader, path);
        string? id = null, name = null, schedule = null;
        bool? enabled = null;
        System.DateTimeOffset? createdAt = null, updatedAt = null;
        Dictionary<string, JsonElement>? extra = null;
        while (PayloadJson.NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("id"u8))
            {
                id = PayloadJson.Tolerant(ref reader, "id", PayloadJson.String, ref extra);
            }
            else if (reader.ValueTextEquals("name"u8))
            {
                name = PayloadJson.Tolerant(ref reader, "name", PayloadJson.String, ref extra);
            }
            else if (reader.ValueTextEquals("schedule"u8))
            {
                schedule = PayloadJson.Tolerant(ref reader, "schedule", PayloadJson.String, ref extra);
            }
            else if (reader.ValueTextEquals("enabled"u8))
            {
                enabled = PayloadJson.Tolerant(ref reader, "enabled", PayloadJson.OptionalBoolean, ref extra);
            }
            else if (reader.ValueTextEquals("createdAt"u8))
            {
                createdAt = PayloadJson.Tolerant(ref reader, "createdAt", PayloadJson.OptionalTimestamp, ref extra);
            }
            else if (reader.ValueTextEquals("updatedAt"u8))
            {
                updatedAt = PayloadJson.Tolerant(ref reader, "updatedAt", PayloadJson.OptionalTimestamp, ref extra);
            }
            else
            {
                PayloadJson.KeepExtra(ref reader, ref extra);
            }
        }

        return new CronJob(id, name, schedule, enabled)
        {
            CreatedAt = createdAt,
            UpdatedAt = updatedAt,
            Extra = PayloadJson.Extra(extra),
        };
    }
}
