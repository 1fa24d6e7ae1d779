using System;
using System.Collections.Concurrent;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace Skaftin.Realtime.IntegrationTests;

/// <summary>
/// A loopback TCP proxy for the tests: it listens on a free port, hands each connection to <see cref="ServeAsync"/>,
/// and on dispose stops listening and closes every connection it made or accepted. The proxies differ only in what
/// they do with a connection's first request (<see cref="WebSocketRefusingProxy"/>, <see cref="TunnelingProxy"/>).
/// </summary>
internal abstract class LoopbackProxy : IAsyncDisposable
{
    private const int MaxHeadBytes = 64 * 1024;

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly ConcurrentBag<TcpClient> _connections = new();
    private readonly Task _accepting;

    protected LoopbackProxy()
    {
        _listener.Start();
        Url = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}");
        _accepting = AcceptAsync();
    }

    /// <summary>The proxy's address.</summary>
    public Uri Url { get; }

    /// <summary>Cancelled on dispose.</summary>
    protected CancellationTokenSource Stop { get; } = new();

    public async ValueTask DisposeAsync()
    {
        Stop.Cancel();
        _listener.Stop();
        foreach (var connection in _connections)
        {
            connection.Dispose();
        }

        try
        {
            await _accepting;
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopped.
        }
    }

    /// <summary>Serves one accepted connection; the connection is closed when it returns.</summary>
    protected abstract Task ServeAsync(NetworkStream downstream);

    /// <summary>Connects to <paramref name="host"/>:<paramref name="port"/>, closed with the proxy.</summary>
    protected async Task<NetworkStream> ConnectAsync(string host, int port)
    {
        var server = new TcpClient();
        _connections.Add(server);
        await server.ConnectAsync(host, port, Stop.Token);
        return server.GetStream();
    }

    /// <summary>Reads up to the end of the request head (the blank line); null when the peer closed first or it is too long.</summary>
    protected async Task<ReadOnlyMemory<byte>?> ReadHeadAsync(NetworkStream downstream)
    {
        var head = new byte[MaxHeadBytes];
        var count = 0;
        while (head.AsSpan(0, count).IndexOf("\r\n\r\n"u8) < 0)
        {
            var read = await downstream.ReadAsync(head.AsMemory(count), Stop.Token);
            if (read == 0 || (count += read) == head.Length)
            {
                return null;
            }
        }

        return head.AsMemory(0, count);
    }

    /// <summary>Copies bytes both ways until either side closes.</summary>
    protected async Task PipeAsync(Stream a, Stream b) =>
        await Task.WhenAny(a.CopyToAsync(b, Stop.Token), b.CopyToAsync(a, Stop.Token));

    private async Task AcceptAsync()
    {
        while (!Stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(Stop.Token);
            _connections.Add(client);
            _ = HandleAsync(client);
        }
    }

    private async Task HandleAsync(TcpClient client)
    {
        try
        {
            await ServeAsync(client.GetStream());
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException or IOException)
        {
            // A side went away: the connection ends, as through any proxy.
        }
        finally
        {
            client.Dispose();
        }
    }
}
