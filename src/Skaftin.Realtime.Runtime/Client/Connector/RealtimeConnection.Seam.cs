using System;
using System.Threading;
using System.Threading.Tasks;

namespace Skaftin.Realtime;

// The connection as the client's supervisor sees it (the same seam as its Socket.IO connection). A connector's
// connection decodes no frames, needs no receive-idle hand-over and announces no heartbeat: the client's own setting
// applies.
public abstract partial class RealtimeConnection : ISocketConnection
{
    private Action<string, ReadOnlyMemory<byte>>? _eventReceived;
    private Action? _connected;
    private Action<SocketDisconnect>? _disconnected;
    private Action<ConnectRefusal>? _connectError;
    private Action<Action>? _localDelivery;

    event Action<string, ReadOnlyMemory<byte>>? ISocketConnection.EventReceived
    {
        add => _eventReceived += value;
        remove => _eventReceived -= value;
    }

    event Action? ISocketConnection.Connected
    {
        add => _connected += value;
        remove => _connected -= value;
    }

    event Action<SocketDisconnect>? ISocketConnection.Disconnected
    {
        add => _disconnected += value;
        remove => _disconnected -= value;
    }

    event Action<ConnectRefusal>? ISocketConnection.ConnectError
    {
        add => _connectError += value;
        remove => _connectError -= value;
    }

    event Action<Action>? ISocketConnection.LocalDelivery
    {
        add => _localDelivery += value;
        remove => _localDelivery -= value;
    }

    event Action<FrameRejection>? ISocketConnection.FrameRejected { add { } remove { } }

    event Action? ISocketConnection.ReceiveIdle { add { } remove { } }

    event Action? ISocketConnection.Heartbeat { add { } remove { } }

    bool ISocketConnection.SignalsReceiveIdle => false;

    string? ISocketConnection.SessionId => null;

    string? ISocketConnection.LastOffset => null;

    TimeSpan? ISocketConnection.AnnouncedHeartbeat => null;

    Task ISocketConnection.StartAsync(CancellationToken cancellationToken) => StartAsync(cancellationToken);

    Task ISocketConnection.EmitAsync(string eventName, string argument, CancellationToken cancellationToken) => EmitAsync(eventName, argument, cancellationToken);

    Task ISocketConnection.CloseAsync() => CloseAsync();
}
