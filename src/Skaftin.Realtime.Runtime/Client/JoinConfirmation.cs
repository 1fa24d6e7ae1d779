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
    /// connection, a reported failure). For servers known to confirm joins.
    /// </summary>
    ServerAnswer = 0,

    /// <summary>
    /// As soon as <c>join-project</c> is sent, on the first connection and every later one: for servers that never answer
    /// (the seed only logs <c>joined-project</c>). A <c>join-project-error</c> that still comes is reported through
    /// <see cref="SkaftinRealtimeClient.OnError"/> as a <see cref="SkaftinJoinException"/>.
    /// </summary>
    OnEmit = 1,

    /// <summary>
    /// The default, for either kind of server: a join waits for the server's answer as with <see cref="ServerAnswer"/>;
    /// if no answer comes within <see cref="SkaftinRealtimeOptions.RequestTimeout"/> while the join was sent on the
    /// live connection, the client concludes that the server does not answer joins, counts that join (and every later
    /// one) as done when sent, as with <see cref="OnEmit"/>, and says so once: a Warning in the log and
    /// <see cref="SkaftinRealtimeClient.JoinsConfirmedOnEmit"/> turning true. A server that answers even one join keeps
    /// the client waiting for answers from then on.
    /// </summary>
    Auto = 2,
}
