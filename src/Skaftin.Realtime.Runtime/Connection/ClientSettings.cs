using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace Skaftin.Realtime;

/// <summary>
/// The settings a client runs with: read once from <see cref="SkaftinRealtimeOptions"/> when the client is built,
/// validated, and immutable from then on. Nothing the caller does to its options object afterwards, and nothing inside
/// the SDK, can change a setting under a connection attempt. The credential settings and the default retry policy
/// are copies of the caller's objects; an app's own <see cref="IRetryPolicy"/> or callbacks are kept as given.
/// </summary>
internal sealed class ClientSettings
{
    private ClientSettings(SkaftinRealtimeOptions copy)
    {
        ApiUrl = copy.ApiUrl;
        AccessTokenProvider = copy.AccessTokenProvider;
        ApiKey = copy.ApiKey;
        Credential = copy.Credential;
        JoinConfirmation = copy.JoinConfirmation;
        Projects = [.. copy.Projects];
        HandlerContext = copy.HandlerContext;
        ConfigureWebSocket = copy.ConfigureWebSocket;
        Transport = copy.Transport;
        ConnectTimeout = copy.ConnectTimeout;
        RequestTimeout = copy.RequestTimeout;
        SendTimeout = copy.SendTimeout;
        HeartbeatTimeout = copy.HeartbeatTimeout;
        RetryPolicy = copy.RetryPolicy;
        RetryInitialConnection = copy.RetryInitialConnection;
        DispatchQueueCapacity = copy.DispatchQueueCapacity;
        DispatchQueueFullWait = copy.DispatchQueueFullWait;
        MaxFrameBytes = copy.MaxFrameBytes;
        DispatchOnReceiveThread = copy.DispatchOnReceiveThread;
        LoggerFactory = copy.LoggerFactory;
        TimeProvider = copy.TimeProvider;
        MeterFactory = copy.MeterFactory;
    }

    public Uri ApiUrl { get; }

    public Func<CancellationToken, ValueTask<string>>? AccessTokenProvider { get; }

    public string? ApiKey { get; }

    /// <summary>A copy of the caller's credential settings, which only this object holds.</summary>
    public SkaftinCredentialOptions Credential { get; }

    public JoinConfirmation JoinConfirmation { get; }

    public IReadOnlyList<string> Projects { get; }

    public SynchronizationContext? HandlerContext { get; }

    public Action<System.Net.WebSockets.ClientWebSocketOptions>? ConfigureWebSocket { get; }

    public SkaftinTransport Transport { get; }

    public TimeSpan ConnectTimeout { get; }

    public TimeSpan RequestTimeout { get; }

    public TimeSpan SendTimeout { get; }

    public TimeSpan HeartbeatTimeout { get; }

    /// <summary>The app's policy, or a copy of the default <see cref="SkaftinRetryPolicy"/> it configured.</summary>
    public IRetryPolicy RetryPolicy { get; }

    public bool RetryInitialConnection { get; }

    public int DispatchQueueCapacity { get; }

    public TimeSpan DispatchQueueFullWait { get; }

    public int MaxFrameBytes { get; }

    public bool DispatchOnReceiveThread { get; }

    public ILoggerFactory? LoggerFactory { get; }

    public TimeProvider TimeProvider { get; }

    public System.Diagnostics.Metrics.IMeterFactory? MeterFactory { get; }

    /// <summary>Reads, copies and validates <paramref name="options"/>.</summary>
    /// <exception cref="ArgumentException">A setting is invalid (the message names each one).</exception>
    public static ClientSettings From(SkaftinRealtimeOptions options)
    {
        var copy = options.Snapshot();
        copy.ThrowIfInvalid();
        return new ClientSettings(copy);
    }
}
