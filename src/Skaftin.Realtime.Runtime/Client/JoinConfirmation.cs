namespace Skaftin.Realtime;

/// <summary>
/// When a join of a project's room counts as done (<see cref="SkaftinRealtimeOptions.JoinConfirmation"/>): the seed's
/// backend may answer <c>join-project</c> with <c>joined-project</c>, or not at all.
/// </summary>
public enum JoinConfirmation
{
    /// <summary>
    /// When the server answers: <c>joined-project</c> completes the join, <c>join-project-error</c> refuses it, and no answer
    /// within <see cref="SkaftinRealtimeOptions.RequestTimeout"/> is a <see cref="System.TimeoutException"/> (and, on a new
    /// connection, a reported failure). The default: for servers that confirm joins.
    /// </summary>
    ServerAnswer,

    /// <summary>
    /// As soon as <c>join-project</c> is sent, on the first connection and every later one: for servers that never answer
    /// (the seed only logs <c>joined-project</c>). A <c>join-project-error</c> that still comes is reported through
    /// <see cref="SkaftinRealtimeClient.OnError"/> as a <see cref="SkaftinJoinException"/>.
    /// </summary>
    OnEmit,
}
