using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using SocketIOClient;
using SocketIOClient.Transport;

namespace Skaftin.Realtime.EndToEnd.Clients;

/// <summary>
/// SocketIOClient 3.0.6 connected and joined the careful way for the clients that use the library directly: wait for
/// the server's accept and the join confirmation, bounded (the library's ConnectAsync returns before the accept).
/// </summary>
internal static class RawSocket
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(20);

    /// <summary>Connects, lets <paramref name="subscribe"/> add the event handlers, joins the project.</summary>
    public static async Task<SocketIO> ConnectAndJoinAsync(
        Uri url, string apiKey, string projectId, Action<SocketIO> subscribe, Action<SocketIO> created, CancellationToken cancellationToken)
    {
        var socket = new SocketIO(url, new SocketIOOptions
        {
            Transport = TransportProtocol.WebSocket,
            AutoUpgrade = false,
            Reconnection = false,
            ConnectionTimeout = StartTimeout,
            Auth = new Dictionary<string, string> { ["token"] = apiKey },
        });
        created(socket);

        var accepted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var joined = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        socket.OnConnected += (_, _) => accepted.TrySetResult();
        socket.OnError += (_, message) => accepted.TrySetException(new InvalidOperationException($"connect error: {message}"));
        socket.On("joined-project", _ => joined.TrySetResult());
        socket.On("join-project-error", r => joined.TrySetException(new InvalidOperationException($"join refused: {r}")));
        subscribe(socket);

        _ = socket.ConnectAsync().ContinueWith(
            t => accepted.TrySetException(t.Exception!.GetBaseException()),
            CancellationToken.None,
            TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
        await accepted.Task.WaitAsync(StartTimeout, cancellationToken).ConfigureAwait(false);
        await socket.EmitAsync("join-project", cancellationToken, projectId).ConfigureAwait(false);
        await joined.Task.WaitAsync(StartTimeout, cancellationToken).ConfigureAwait(false);
        return socket;
    }

    /// <summary>Disconnects (Dispose alone leaves the websocket open until the server's ping timeout), then disposes.</summary>
    public static async ValueTask CloseAsync(SocketIO? socket)
    {
        if (socket is null)
        {
            return;
        }

        try
        {
            if (socket.Connected)
            {
                await socket.DisconnectAsync().WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
            }
        }
        catch (Exception)
        {
            // Best effort: the process ends right after.
        }

        try
        {
            socket.Dispose();
        }
        catch (Exception)
        {
            // SocketIOClient throws from Dispose in some states; irrelevant here.
        }
    }
}
