using Microsoft.Extensions.Logging;

namespace Skaftin.Realtime;

/// <summary>The connection core's log messages (kept apart from <c>Routing/Log.cs</c>, same class, own event ids).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 2101, Level = LogLevel.Warning, Message = "join-project '{ProjectId}' was not answered within {Seconds} s and the server has answered no join: it is taken for a server that does not confirm joins (JoinConfirmation = Auto), so joins count as done once sent from now on. Set JoinConfirmation = OnEmit to skip this wait, or ServerAnswer to insist on answers")]
    public static partial void JoinsConfirmedOnEmit(ILogger logger, string projectId, double seconds);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Warning, Message = "The connection's goodbye (disconnect packet and close frame) did not go out within {Seconds} s (SendTimeout): the socket was closed without it")]
    public static partial void CloseTimedOut(ILogger logger, double seconds);
}
