using System;

namespace Skaftin.Realtime;

/// <summary>Classifies <see cref="DatabaseChangeType"/> values and maps them to and from their wire names.</summary>
public static class DatabaseChangeTypes
{
    /// <summary>True for insert, update and delete.</summary>
    /// <param name="type">The type.</param>
    /// <returns>Whether the event changes a row.</returns>
    public static bool IsRowChange(this DatabaseChangeType type) => type is DatabaseChangeType.Insert or DatabaseChangeType.Update or DatabaseChangeType.Delete;

    /// <summary>True for the table, column and constraint events.</summary>
    /// <param name="type">The type.</param>
    /// <returns>Whether the event changes a table's schema.</returns>
    public static bool IsSchemaChange(this DatabaseChangeType type) => type is >= DatabaseChangeType.CreateTable and <= DatabaseChangeType.DropConstraint;

    /// <summary>True for the cron-job events.</summary>
    /// <param name="type">The type.</param>
    /// <returns>Whether the event is about a cron job.</returns>
    public static bool IsCronJobChange(this DatabaseChangeType type) => type is >= DatabaseChangeType.CreateCronJob and <= DatabaseChangeType.ToggleCronJob;

    /// <summary>Maps a wire name (<c>insert</c>, <c>add_column</c>, ...) to its type; unknown names give <see cref="DatabaseChangeType.Unknown"/>.</summary>
    /// <param name="name">The UTF-8 wire name.</param>
    /// <returns>The type.</returns>
    public static DatabaseChangeType Parse(ReadOnlySpan<byte> name) => name switch
    {
        _ when name.SequenceEqual("insert"u8) => DatabaseChangeType.Insert,
        _ when name.SequenceEqual("update"u8) => DatabaseChangeType.Update,
        _ when name.SequenceEqual("delete"u8) => DatabaseChangeType.Delete,
        _ when name.SequenceEqual("create_table"u8) => DatabaseChangeType.CreateTable,
        _ when name.SequenceEqual("drop_table"u8) => DatabaseChangeType.DropTable,
        _ when name.SequenceEqual("rename_table"u8) => DatabaseChangeType.RenameTable,
        _ when name.SequenceEqual("add_column"u8) => DatabaseChangeType.AddColumn,
        _ when name.SequenceEqual("alter_column"u8) => DatabaseChangeType.AlterColumn,
        _ when name.SequenceEqual("drop_column"u8) => DatabaseChangeType.DropColumn,
        _ when name.SequenceEqual("create_constraint"u8) => DatabaseChangeType.CreateConstraint,
        _ when name.SequenceEqual("drop_constraint"u8) => DatabaseChangeType.DropConstraint,
        _ when name.SequenceEqual("create_cron_job"u8) => DatabaseChangeType.CreateCronJob,
        _ when name.SequenceEqual("update_cron_job"u8) => DatabaseChangeType.UpdateCronJob,
        _ when name.SequenceEqual("delete_cron_job"u8) => DatabaseChangeType.DeleteCronJob,
        _ when name.SequenceEqual("toggle_cron_job"u8) => DatabaseChangeType.ToggleCronJob,
        _ when name.SequenceEqual("import_dump"u8) => DatabaseChangeType.ImportDump,
        _ => DatabaseChangeType.Unknown,
    };
}
