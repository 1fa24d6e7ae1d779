namespace Skaftin.Realtime;

/// <summary>The <c>type</c> of a <c>database-change</c> event.</summary>
public enum DatabaseChangeType
{
    /// <summary>A type this version of the SDK does not know; the raw name is in <see cref="DatabaseChange.TypeName"/>.</summary>
    Unknown = 0,

    /// <summary>A row was inserted.</summary>
    Insert,

    /// <summary>A row was updated.</summary>
    Update,

    /// <summary>A row was deleted.</summary>
    Delete,

    /// <summary>A table was created.</summary>
    CreateTable,

    /// <summary>A table was dropped.</summary>
    DropTable,

    /// <summary>A table was renamed.</summary>
    RenameTable,

    /// <summary>A column was added.</summary>
    AddColumn,

    /// <summary>A column was altered.</summary>
    AlterColumn,

    /// <summary>A column was dropped.</summary>
    DropColumn,

    /// <summary>A constraint was created.</summary>
    CreateConstraint,

    /// <summary>A constraint was dropped.</summary>
    DropConstraint,

    /// <summary>A cron job was created.</summary>
    CreateCronJob,

    /// <summary>A cron job was updated.</summary>
    UpdateCronJob,

    /// <summary>A cron job was deleted.</summary>
    DeleteCronJob,

    /// <summary>A cron job was switched on or off.</summary>
    ToggleCronJob,

    /// <summary>The whole database was replaced from a dump.</summary>
    ImportDump,
}
