namespace Skaftin.Realtime;

/// <summary>The Socket.IO event names of the Skaftin wire contract.</summary>
public static class EventNames
{
    /// <summary>Server to client: a row, schema, cron-job or import change.</summary>
    public const string DatabaseChange = "database-change";

    /// <summary>Server to client: an application event of a project.</summary>
    public const string ProjectEvent = "project-event";

    /// <summary>Client to server: join a project's room.</summary>
    public const string JoinProject = "join-project";

    /// <summary>Client to server: leave a project's room.</summary>
    public const string LeaveProject = "leave-project";

    /// <summary>Server to client: a join was accepted.</summary>
    public const string JoinedProject = "joined-project";

    /// <summary>Server to client: a leave was done.</summary>
    public const string LeftProject = "left-project";

    /// <summary>Server to client: a join was refused (the key does not grant the project).</summary>
    public const string JoinProjectError = "join-project-error";
}
