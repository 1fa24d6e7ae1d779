using System;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using SocketIOClient;

namespace Skaftin.Realtime.EndToEnd.Clients;

/// <summary>
/// Diagnostic kinds (not in the default set): the SDK's own decoding and routing (<see cref="SkaftinEventRouter"/>,
/// the generated <c>Vehicles()</c> table and row reader, the same typed <c>OnInserted</c> handler) driven from raw
/// SocketIOClient's receive thread, without the client's dispatch queue. They show what each part of the SDK's
/// receive path costs, and so what the suggested changes to <c>SkaftinRealtimeClient</c>/<c>SocketIOConnection</c> buy:
/// <list type="bullet">
/// <item><c>sdk-inline</c>: the payload made as the SDK makes it today
/// (<c>Encoding.UTF8.GetBytes(GetValue(0).GetRawText())</c>), dispatched synchronously: the cost of the queue hop.</item>
/// <item><c>sdk-inline-utf8</c>: the payload copied straight from the library's UTF-8 buffer
/// (<c>JsonMarshal.GetRawUtf8Value(GetValue(0)).ToArray()</c>): the cost of the text round trip on top.</item>
/// </list>
/// </summary>
internal sealed class InlineRouterBenchClient : IBenchClient
{
    private readonly Recorder _recorder;
    private readonly bool _utf8;
    private readonly SkaftinEventRouter _router = new();
    private SocketIO? _socket;
    private IDisposable? _inserted;
    private IDisposable? _errors;

    public InlineRouterBenchClient(Recorder recorder, bool utf8)
    {
        _recorder = recorder;
        _utf8 = utf8;
    }

    public async Task StartAsync(Uri url, string apiKey, string projectId, CancellationToken cancellationToken)
    {
        var recorder = _recorder;
        _errors = _router.OnError(error => recorder.Lost($"{error.Kind}: {error.Exception?.Message}"));
        _inserted = _router.Vehicles().OnInserted(vehicle => recorder.Record(vehicle.SentAtMs));

        var router = _router;
        var utf8 = _utf8;
        await RawSocket.ConnectAndJoinAsync(url, apiKey, projectId, socket =>
        {
            if (utf8)
            {
                socket.On("database-change", response =>
                    router.DispatchDatabaseChange(JsonMarshal.GetRawUtf8Value(response.GetValue(0)).ToArray()));
            }
            else
            {
                socket.On("database-change", response =>
                    router.DispatchDatabaseChange(Encoding.UTF8.GetBytes(response.GetValue(0).GetRawText())));
            }
        }, socket => _socket = socket, cancellationToken).ConfigureAwait(false);
    }

    public string Describe() => _utf8
        ? "SDK router + generated reader on SocketIOClient's receive thread, payload from JsonMarshal.GetRawUtf8Value"
        : "SDK router + generated reader on SocketIOClient's receive thread, payload from GetRawText + UTF8.GetBytes";

    public ValueTask DisposeAsync()
    {
        _inserted?.Dispose();
        _errors?.Dispose();
        return RawSocket.CloseAsync(_socket);
    }
}
