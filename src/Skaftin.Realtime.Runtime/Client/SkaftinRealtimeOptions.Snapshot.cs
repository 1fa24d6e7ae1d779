using System.Collections.Generic;

namespace Skaftin.Realtime;

// The client reads its settings once: its constructor copies the options it is given (and the parts that are objects
// of this package: the credential settings, the default retry policy), validates the copy, and runs with the immutable
// ClientSettings made from it, never looking at the caller's object again: changing the options after the client
// exists has no effect, and a setting cannot change under a connection attempt.
public sealed partial class SkaftinRealtimeOptions
{
    /// <summary>A copy of every setting, detached from this object (what <see cref="ClientSettings"/> is made from).</summary>
    /// <returns>The copy.</returns>
    internal SkaftinRealtimeOptions Snapshot()
    {
        var copy = new SkaftinRealtimeOptions
        {
            ApiUrl = ApiUrl,
            AccessTokenProvider = AccessTokenProvider,
            ApiKey = ApiKey,
            Credential = Credential is null ? null! : new SkaftinCredentialOptions { Location = Credential.Location, Name = Credential.Name, Prefix = Credential.Prefix },
            JoinConfirmation = JoinConfirmation,
            HandlerContext = HandlerContext,
            ConfigureWebSocket = ConfigureWebSocket,
            Transport = Transport,
            ConnectTimeout = ConnectTimeout,
            RequestTimeout = RequestTimeout,
            SendTimeout = SendTimeout,
            HeartbeatTimeout = HeartbeatTimeout,
            RetryPolicy = RetryPolicy is SkaftinRetryPolicy policy ? policy.Copy() : RetryPolicy!,
            RetryInitialConnection = RetryInitialConnection,
            DispatchQueueCapacity = DispatchQueueCapacity,
            DispatchQueueFullWait = DispatchQueueFullWait,
            DispatchOnReceiveThread = DispatchOnReceiveThread,
            LoggerFactory = LoggerFactory,
            TimeProvider = TimeProvider,
            MeterFactory = MeterFactory,
        };
        copy._maxFrameBytes = _maxFrameBytes;
        foreach (var project in Projects ?? (IEnumerable<string>)[])
        {
            copy.Projects.Add(project);
        }

        return copy;
    }
}
