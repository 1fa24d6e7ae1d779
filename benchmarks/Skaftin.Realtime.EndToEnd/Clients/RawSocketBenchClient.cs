using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using SocketIOClient;
using SocketIOClient.Transport;

namespace Skaftin.Realtime.EndToEnd.Clients;

/// <summary>
/// SocketIOClient 3.0.6 used directly, with the library's handler on its receive thread:
/// <list type="bullet">
/// <item><c>raw</c>: <c>On("database-change", r =&gt; r.GetValue(0))</c>, the JsonElement the library already parsed:
/// the ceiling of anything built on this library. Reading <c>data.sent_at_ms</c> for the latency adds two property
/// lookups on that element.</item>
/// <item><c>handwritten</c>: <c>r.GetValue&lt;VehicleEventPoco&gt;(0)</c>, what a user writes by hand.</item>
/// </list>
/// Connect and join are done the careful way (wait for the server's accept and the join confirmation, bounded),
/// since the library's ConnectAsync returns before the accept.
/// </summary>
internal sealed class RawSocketBenchClient : IBenchClient
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(20);

    private readonly Recorder _recorder;
    private readonly bool _typed;
    private SocketIO? _socket;

    public RawSocketBenchClient(Recorder recorder, bool typed)
    {
        _recorder = recorder;
        _typed = typed;
    }

    public async Task StartAsync(Uri url, string apiKey, string projectId, CancellationToken cancellationToken)
    {
        var socket = new SocketIO(url, new SocketIOOptions
        {
            Transport = TransportProtocol.WebSocket,
            AutoUpgrade = false,
            Reconnection = false,
            ConnectionTimeout = StartTimeout,
            Auth = new Dictionary<string, string> { ["token"] = apiKey },
        });
        _socket = socket;

        var accepted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var joined = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        socket.OnConnected += (_, _) => accepted.TrySetResult();
        socket.OnError += (_, message) => accepted.TrySetException(new InvalidOperationException($"connect error: {message}"));
        socket.On("joined-project", _ => joined.TrySetResult());
        socket.On("join-project-error", r => joined.TrySetException(new InvalidOperationException($"join refused: {r}")));

        var recorder = _recorder;
        if (_typed)
        {
            socket.On("database-change", response =>
            {
                var change = response.GetValue<VehicleEventPoco>(0);
                recorder.Record(change.Data!.SentAtMs);
            });
        }
        else
        {
            socket.On("database-change", response =>
            {
                var change = response.GetValue(0);
                recorder.Record(change.GetProperty("data"u8).GetProperty("sent_at_ms"u8).GetDouble());
            });
        }

        _ = socket.ConnectAsync().ContinueWith(
            t => accepted.TrySetException(t.Exception!.GetBaseException()),
            CancellationToken.None,
            TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
        await accepted.Task.WaitAsync(StartTimeout, cancellationToken).ConfigureAwait(false);
        await socket.EmitAsync("join-project", cancellationToken, projectId).ConfigureAwait(false);
        await joined.Task.WaitAsync(StartTimeout, cancellationToken).ConfigureAwait(false);
    }

    public string Describe() => _typed
        ? "SocketIOClient 3.0.6, GetValue<VehicleEventPoco>(0) (System.Text.Json, reflection)"
        : "SocketIOClient 3.0.6, GetValue(0) (the library's JsonElement)";

    public async ValueTask DisposeAsync()
    {
        if (_socket is null)
        {
            return;
        }

        try
        {
            // Dispose alone leaves the websocket open until the server's ping timeout.
            if (_socket.Connected)
            {
                await _socket.DisconnectAsync().WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
            }
        }
        catch (Exception)
        {
            // Best effort: the process ends right after.
        }

        try
        {
            _socket.Dispose();
        }
        catch (Exception)
        {
            // SocketIOClient throws from Dispose in some states; irrelevant here.
        }
    }
}
