namespace Skaftin.Realtime;

/// <summary>
/// Builds the typed forms of the events that are not rows. A payload that does not decode is reported as
/// <see cref="RealtimeErrorKind.DecodeFailed"/> and the event is still built, its typed part null and its raw JSON
/// kept, so the app receives it either way.
/// </summary>
internal static class TypedEvents
{
    public static SchemaChange Schema(SkaftinEventRouter router, DatabaseChange change, string tableName)
    {
        SchemaChangeDetails? details = null;
        try
        {
            details = SchemaPayloadReader.Read(change);
        }
        catch (SkaftinDecodeException ex)
        {
            router.ReportDecodeFailure(EventNames.DatabaseChange, tableName, change.TypeName, change.Utf8Json, ex);
        }

        return new SchemaChange(change.Type, change.ProjectId, tableName, change.Timestamp, change.DataJson)
        {
            Details = details,
            OldDataJson = change.OldDataJson,
        };
    }

    public static CronJobChange CronJob(SkaftinEventRouter router, DatabaseChange change)
    {
        // The job and the job before are read apart: one that does not decode leaves the other typed.
        return new CronJobChange(change.Type, change.ProjectId, change.Timestamp, change.DataJson)
        {
            Job = TryDecode(router, change, change.Data, "data", CronJobReader.Read),
            OldJob = change.OldData.IsEmpty ? null : TryDecode(router, change, change.OldData, "oldData", CronJobReader.Read),
            OldDataJson = change.OldDataJson,
        };
    }

    public static DatabaseImported Import(SkaftinEventRouter router, DatabaseChange change)
    {
        return new DatabaseImported(change.ProjectId, change.Timestamp, change.DataJson)
        {
            Summary = TryDecode(router, change, change.Data, "data", DatabaseImportReader.Read),
        };
    }

    private static T? TryDecode<T>(SkaftinEventRouter router, DatabaseChange change, System.ReadOnlyMemory<byte> utf8Json, string path, PayloadJson.ValueReader<T> read)
        where T : class
    {
        try
        {
            return PayloadJson.Decode(utf8Json, path, read);
        }
        catch (SkaftinDecodeException ex)
        {
            router.ReportDecodeFailure(EventNames.DatabaseChange, change.TableName, change.TypeName, change.Utf8Json, ex);
            return null;
        }
    }
}
