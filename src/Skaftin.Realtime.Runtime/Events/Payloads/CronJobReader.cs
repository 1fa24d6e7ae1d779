using System.Collections.Generic;
using System.Text.Json;

namespace Skaftin.Realtime;

/// <summary>Reads a cron job (<c>{id, name, schedule, enabled, createdAt?, updatedAt?, ...}</c>) with <see cref="Utf8JsonReader"/> only.</summary>
internal static class CronJobReader
{
    /// <summary>Reads the job the reader is on.</summary>
    /// <exception cref="SkaftinDecodeException">A required field is missing or has the wrong type.</exception>
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
                id = PayloadJson.Field(ref reader, path + ".id", PayloadJson.String);
            }
            else if (reader.ValueTextEquals("name"u8))
            {
                name = PayloadJson.Field(ref reader, path + ".name", PayloadJson.String);
            }
            else if (reader.ValueTextEquals("schedule"u8))
            {
                schedule = PayloadJson.Field(ref reader, path + ".schedule", PayloadJson.String);
            }
            else if (reader.ValueTextEquals("enabled"u8))
            {
                enabled = PayloadJson.Field(ref reader, path + ".enabled", PayloadJson.Boolean);
            }
            else if (reader.ValueTextEquals("createdAt"u8))
            {
                createdAt = PayloadJson.Field(ref reader, path + ".createdAt", PayloadJson.Timestamp);
            }
            else if (reader.ValueTextEquals("updatedAt"u8))
            {
                updatedAt = PayloadJson.Field(ref reader, path + ".updatedAt", PayloadJson.Timestamp);
            }
            else
            {
                PayloadJson.KeepExtra(ref reader, ref extra);
            }
        }

        return new CronJob(
            id ?? throw PayloadJson.Missing(path + ".id"),
            name ?? throw PayloadJson.Missing(path + ".name"),
            schedule ?? throw PayloadJson.Missing(path + ".schedule"),
            enabled ?? throw PayloadJson.Missing(path + ".enabled"))
        {
            CreatedAt = createdAt,
            UpdatedAt = updatedAt,
            Extra = PayloadJson.Extra(extra),
        };
    }
}
