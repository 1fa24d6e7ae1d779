using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace Skaftin.Realtime;

// What the live socket reports (on its threads): a loss, an event, a join answer, the heartbeat watchdog.
internal sealed partial class ConnectionSupervisor : IAsyncDisposable
{
    // From the socket's threads: the loss is handled on a task of its own, which stop and dispose await.
    private void OnSocketClosed(ISocketConnection socket, string reason, RetryReason? retry)
    {
        if (Volatile.Read(ref _socket) == socket)
        {
            Track(Task.Run(() => HandleLossAsync(socket, reason, retry)));
        }
    }

    private async Task HandleLossAsync(ISocketConnection socket, string reason, RetryReason? retry)
    {
        TimeSpan? firstDelay;
        CancellationToken run;
        var closeOnly = false;
        var outcome = new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously);
        await _connectionLock.WaitAsync().ConfigureAwait(false);
        try
        {
            // Only the live, accepted socket counts; an attempt in progress handles its own failure.
            if (Volatile.Read(ref _socket) != socket || State != ConnectionState.Connected)
            {
                return;
            }

            Volatile.Write(ref _socket, null);
            _rooms.Detach(socket);
            Log.ConnectionLost(_logger, reason);
            _lostSocketId = socket.Id;
            _resume = socket.SessionId is { } session ? new SessionResume(session, socket.LastOffset) : null;

            // The state moves before the socket is closed, and the close happens outside the lock: closing a socket whose
            // peer stopped reading waits (up to SendTimeout) for a goodbye that cannot go out, and neither State nor a
            // StopAsync may wait behind it.
            firstDelay = retry is { } why ? _policy.NextRetryDelay(new RetryContext(0, TimeSpan.Zero, why, null)) : null;
            if (firstDelay is null)
            {
                TryChangeState(ConnectionState.Connected, ConnectionState.Disconnected, reason);
                closeOnly = true;
                return;
            }

            // A Reconnect pressed before this loss does not cut the first wait of this reconnect short.
            Volatile.Write(ref _retryNow, NewRetryNow());
            Volatile.Write(ref _reconnectOutcome, outcome.Task);
            TryChangeState(ConnectionState.Connected, ConnectionState.Reconnecting, reason);
            run = _run.Token;
        }
        finally
        {
            _connectionLock.Release();
            if (closeOnly)
            {
                await socket.CloseAsync().ConfigureAwait(false);
            }
        }

        // The lost socket's close (its goodbye given up after SendTimeout when a write is stuck) goes on while the retry
        // policy reconnects: a deaf peer never delays the new connection. This task, which stop and dispose await, ends
        // only once both have.
        var closing = socket.CloseAsync();
        outcome.SetResult(await ConnectLoopAsync(ConnectionState.Reconnecting, retry!.Value, firstDelay, run).ConfigureAwait(false));
        await closing.ConfigureAwait(false);
    }

    // Runs on the socket's receive thread: only cheap work here, handlers run on the dispatch pump.
    private void OnEvent(ISocketConnection socket, string name, ReadOnlyMemory<byte> payload)
    {
        if (Volatile.Read(ref _socket) != socket)
        {
            return;
        }

        Touch(socket);
        switch (name)
        {
            case EventNames.JoinedProject:
            case EventNames.JoinProjectError:
                CompleteJoin(name, payload);
                return;
            case EventNames.LeftProject:
                return;
            default:
                _pump.PostEvent(name, payload, socket.SignalsReceiveIdle);
                return;
        }
    }

    // A typed change from an in-memory server's connection: delivered like an event of the live socket, in order.
    private void OnLocalDelivery(ISocketConnection socket, Action work)
    {
        if (Volatile.Read(ref _socket) == socket)
        {
            Touch(socket);
            _pump.PostInjected(work);
        }
    }

    private void CompleteJoin(string name, ReadOnlyMemory<byte> payload)
    {
        var refused = name == EventNames.JoinProjectError;
        if (!ClientEnvelopes.TryReadJoinAnswer(payload, refused ? "message" : null, out var projectId, out var message, out var error))
        {
            _pump.Router.ReportDecodeFailure(name, null, null, payload, error!);
            return;
        }

        _rooms.CompleteJoin(projectId ?? "", refused ? new SkaftinJoinException(projectId ?? "", message ?? "refused") : null);
    }

    private void Touch(ISocketConnection socket)
    {
        if (Volatile.Read(ref _socket) == socket)
        {
            Volatile.Write(ref _lastHeartbeat, _options.TimeProvider.GetTimestamp());
        }
    }

    private void ArmWatchdog(TimeSpan timeout)
    {
        Volatile.Write(ref _heartbeatTimeoutTicks, timeout.Ticks);
        var period = TimeSpan.FromTicks(Math.Max(TimeSpan.TicksPerMillisecond * 50, timeout.Ticks / 4));
        // Under the connection lock. One timer per clock for all clients on it (HeartbeatWatch), not one per client.
        var watchdog = Volatile.Read(ref _watchdog);
        if (watchdog is null)
        {
            watchdog = HeartbeatWatch.Join(_options.TimeProvider, CheckHeartbeat);
            Volatile.Write(ref _watchdog, watchdog);
        }

        watchdog.CheckEvery(period);
    }

    private void CheckHeartbeat()
    {
        var socket = Volatile.Read(ref _socket);
        if (socket is null || State != ConnectionState.Connected)
        {
            return;
        }

        if (_options.TimeProvider.GetElapsedTime(Volatile.Read(ref _lastHeartbeat)) > HeartbeatTimeout)
        {
            OnSocketClosed(socket, "heartbeat timeout", RetryReason.HeartbeatTimeout);
        }
    }
}
