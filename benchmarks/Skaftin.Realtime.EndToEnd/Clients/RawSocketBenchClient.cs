using System;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using SocketIOClient;

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
        var recorder = _recorder;
        var typed = _typed;
        await RawSocket.ConnectAndJoinAsync(url, apiKey, projectId, socket =>
        {
            if (typed)
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
        }, socket => _socket = socket, cancellationToken).ConfigureAwait(false);
    }

    public string Describe() => _typed
        ? "SocketIOClient 3.0.6, GetValue<VehicleEventPoco>(0) (System.Text.Json, reflection)"
        : "SocketIOClient 3.0.6, GetValue(0) (the library's JsonElement)";

    public ValueTask DisposeAsync() => RawSocket.CloseAsync(_socket);
}
