using System;
using System.Collections.Concurrent;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Skaftin.Realtime.IntegrationTests;

/// <summary>
/// A loopback HTTP proxy that tunnels (<c>CONNECT host:port</c>), as the app's proxy in
/// <see cref="SkaftinRealtimeOptions.ConfigureWebSocket"/> would: it records every tunnel's target and pipes bytes
/// both ways. Any other request is answered 405 and recorded, so a test sees how the client used it.
/// </summary>
internal sealed class TunnelingProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentBag<TcpClient> _connections = new();
    private readonly Task _accepting;

    private TunnelingProxy()
    {
        _listener.Start();
        Url = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}");
        _accepting = AcceptAsync();
    }

    /// <summary>The proxy's address.</summary>
    public Uri Url { get; }

    /// <summary>The first line of every request the proxy got, in order (<c>CONNECT 127.0.0.1:1234 HTTP/1.1</c>).</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    public static TunnelingProxy Start() => new();

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
            await _accepting.WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception)
        {
            // Stopped.
        }
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception)
            {
                return;
            }

            _connections.Add(client);
            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        try
        {
            var stream = client.GetStream();
            var head = await ReadHeadAsync(stream);
            var firstLine = head.Split("\r\n", 2)[0];
            Requests.Enqueue(firstLine);
            var parts = firstLine.Split(' ');
            if (parts.Length != 3 || parts[0] != "CONNECT")
            {
                await stream.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"));
                client.Dispose();
                return;
            }

            var target = parts[1].Split(':');
            var upstream = new TcpClient();
            _connections.Add(upstream);
            await upstream.ConnectAsync(target[0], int.Parse(target[1], System.Globalization.CultureInfo.InvariantCulture), _stop.Token);
            await stream.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 200 Connection established\r\n\r\n"));
            var server = upstream.GetStream();
            await Task.WhenAny(PipeAsync(stream, server), PipeAsync(server, stream));
            client.Dispose();
            upstream.Dispose();
        }
        catch (Exception)
        {
            client.Dispose();
        }
    }

    // Reads byte by byte up to the blank line, so nothing after the head is consumed.
    private static async Task<string> ReadHeadAsync(Stream stream)
    {
        var head = new StringBuilder();
        var one = new byte[1];
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            if (await stream.ReadAsync(one) == 0 || head.Length > 16 * 1024)
            {
                throw new IOException("no request head");
            }

            head.Append((char)one[0]);
        }

        return head.ToString();
    }

    private async Task PipeAsync(Stream from, Stream to)
    {
        try
        {
            await from.CopyToAsync(to, _stop.Token);
        }
        catch (Exception)
        {
            // Either side closed.
        }
    }
}
