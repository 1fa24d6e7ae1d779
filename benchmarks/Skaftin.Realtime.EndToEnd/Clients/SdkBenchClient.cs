using System;
using System.Threading;
using System.Threading.Tasks;

namespace Skaftin.Realtime.EndToEnd.Clients;

/// <summary>Our SDK as a user writes it: a typed <c>OnInserted</c> handler on the generated <c>client.Vehicles()</c>.</summary>
internal sealed class SdkBenchClient : IBenchClient
{
    private readonly Recorder _recorder;
    private readonly int? _dispatchQueueCapacity;
    private readonly bool _dispatchOnReceiveThread;
    private SkaftinRealtimeClient? _client;
    private IDisposable? _inserted;
    private IDisposable? _errors;
    private ProjectMembership? _membership;

    /// <param name="recorder">Where events go.</param>
    /// <param name="dispatchQueueCapacity">Null: the SDK's default; otherwise <see cref="SkaftinRealtimeOptions.DispatchQueueCapacity"/> (diagnostic kind <c>sdk-q1m</c>).</param>
    /// <param name="dispatchOnReceiveThread"><see cref="SkaftinRealtimeOptions.DispatchOnReceiveThread"/> (kind <c>sdk-receive-thread</c>).</param>
    public SdkBenchClient(Recorder recorder, int? dispatchQueueCapacity = null, bool dispatchOnReceiveThread = false)
    {
        _recorder = recorder;
        _dispatchQueueCapacity = dispatchQueueCapacity;
        _dispatchOnReceiveThread = dispatchOnReceiveThread;
    }

    public async Task StartAsync(Uri url, string apiKey, string projectId, CancellationToken cancellationToken)
    {
        // Default options otherwise (dispatch queue, heartbeat, reconnect): what an app gets.
        var options = new SkaftinRealtimeOptions
        {
            ApiUrl = url,
            AccessTokenProvider = _ => ValueTask.FromResult(apiKey),
            DispatchOnReceiveThread = _dispatchOnReceiveThread,
        };
        if (_dispatchQueueCapacity is { } capacity)
        {
            options.DispatchQueueCapacity = capacity;
        }

        _client = new SkaftinRealtimeClient(options);

        // An event the SDK received but could not deliver (full dispatch queue, decode failure) is counted as lost,
        // so the run ends with the count instead of waiting for events that will never reach the handler.
        _errors = _client.OnError(error =>
        {
            if (error.Kind is RealtimeErrorKind.DispatchQueueFull or RealtimeErrorKind.DecodeFailed)
            {
                _recorder.Lost($"{error.Kind}: {error.Exception?.Message}");
            }
        });

        var recorder = _recorder;
        _inserted = _client.Vehicles().OnInserted(vehicle => recorder.Record(vehicle.SentAtMs));
        await _client.StartAsync(cancellationToken).ConfigureAwait(false);
        _membership = await _client.JoinProjectAsync(projectId, cancellationToken).ConfigureAwait(false);
    }

    public string Describe() =>
        _dispatchQueueCapacity is { } capacity ? $"Skaftin.Realtime SDK over SocketIOClient 3.0.6, DispatchQueueCapacity {capacity:N0}"
        : _dispatchOnReceiveThread ? "Skaftin.Realtime SDK over SocketIOClient 3.0.6, DispatchOnReceiveThread = true"
        : "Skaftin.Realtime SDK over SocketIOClient 3.0.6";

    public async ValueTask DisposeAsync()
    {
        _inserted?.Dispose();
        _errors?.Dispose();
        if (_membership is not null)
        {
            await _membership.DisposeAsync().ConfigureAwait(false);
        }

        if (_client is not null)
        {
            await _client.DisposeAsync().ConfigureAwait(false);
        }
    }
}
