namespace Skaftin.Realtime;

/// <summary>
/// Builds the typed forms of the events that are not rows. The contract does not fix their payloads, so these never
/// report an error: what the readers recognise is typed, the rest reaches the app raw (each record's <c>Extra</c>, and
/// the event's <c>DataJson</c> / <c>OldDataJson</c>). The identity (type, project, table) was checked with the envelope.
/// </summary>
internal static class TypedEvents
{
    public static SchemaChange Schema(DatabaseChange change, string tableName) =>
        new(change.Type, change.ProjectId, tableName, change.Timestamp, change.DataJson)
        {
            Details = SchemaPayloadReader.Read(change, tableName),
            OldDataJson = change.OldDataJson,
        };

    // The job and the job before are read apart: one that is not an object leaves the other typed.
    public static CronJobChange CronJob(DatabaseChange change) =>
        new(change.Type, change.ProjectId, change.Timestamp, change.DataJson)
        {
            Job = PayloadJson.DecodeTolerant(change.Data, "data", CronJobReader.Read),
            OldJob = PayloadJson.DecodeTolerant(change.OldData, "oldData", CronJobReader.Read),
            OldDataJson = change.OldDataJson,
        };

    public static DatabaseImported Import(DatabaseChange change) =>
        new(change.ProjectId, change.Timestamp, change.DataJson)
        {
            Summary = PayloadJson.DecodeTolerant(change.Data, "data", DatabaseImportReader.Read),
        };
}
