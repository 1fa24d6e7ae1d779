using System;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Skaftin.Realtime.IntegrationTests;

/// <summary>
/// A loopback HTTP proxy in front of a dev server that forwards plain HTTP both ways and answers every websocket
/// upgrade with 403, as a corporate proxy or firewall that blocks websockets does. Each connection's first request
/// decides: an upgrade is refused and the connection closed, anything else is forwarded as is, with the connection.
/// </summary>
internal sealed class WebSocketRefusingProxy : IAsyncDisposable
{
    private const int MaxHeadBytes = 64 * 1024;
    private static readonly byte[] Refusal = Encoding.ASCII.GetBytes("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Uri _target;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentBag<TcpClient> _connections = new();
    private readonly Task _accepting;
    private int _refusedUpgrades;
    private int _forwardedConnections;

    private WebSocketRefusingProxy(Uri target)
    {
        _target = target;
        _listener.Start();
        Url = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}");
        _accepting = AcceptAsync();
    }

    /// <summary>Where clients connect instead of the server.</summary>
    public Uri Url { get; }

    /// <summary>How many websocket upgrades were refused.</summary>
    public int RefusedUpgrades => Volatile.Read(ref _refusedUpgrades);

    /// <summary>How many connections were forwarded to the server.</summary>
    public int ForwardedConnections => Volatile.Read(ref _forwardedConnections);

    public static WebSocketRefusingProxy Start(Uri target) => new(target);

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
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

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            _connections.Add(client);
            _ = HandleAsync(client);
        }
    }

    private async Task HandleAsync(TcpClient client)
    {
        try
        {
            var downstream = client.GetStream();
            var head = new byte[MaxHeadBytes];
            var count = 0;
            while (IndexOfHeadEnd(head, count) < 0)
            {
                var read = await downstream.ReadAsync(head.AsMemory(count), _stop.Token);
                if (read == 0 || (count += read) == head.Length)
                {
                    return;
                }
            }

            if (Encoding.ASCII.GetString(head, 0, count).Contains("\nupgrade: websocket", StringComparison.OrdinalIgnoreCase))
            {
                Interlocked.Increment(ref _refusedUpgrades);
                await downstream.WriteAsync(Refusal, _stop.Token);
                return;
            }

            Interlocked.Increment(ref _forwardedConnections);
            var server = new TcpClient();
            _connections.Add(server);
            await server.ConnectAsync(_target.Host, _target.Port, _stop.Token);
            var upstream = server.GetStream();
            await upstream.WriteAsync(head.AsMemory(0, count), _stop.Token);
            await Task.WhenAny(downstream.CopyToAsync(upstream, _stop.Token), upstream.CopyToAsync(downstream, _stop.Token));
            server.Dispose();
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException or System.IO.IOException)
        {
            // A side went away: the connection ends, as through any proxy.
        }
        finally
        {
            client.Dispose();
        }
    }

    private static int IndexOfHeadEnd(byte[] buffer, int count) => buffer.AsSpan(0, count).IndexOf("\r\n\r\n"u8);
}
