using System;
using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Sockets;
using System.Text;
using System.Threading.Tasks;

namespace Skaftin.Realtime.IntegrationTests;

/// <summary>
/// A loopback HTTP proxy that tunnels (<c>CONNECT host:port</c>), as the app's proxy in
/// <see cref="SkaftinRealtimeOptions.ConfigureWebSocket"/> would: it records every request's first line and pipes
/// a tunnel's bytes both ways. Any other request is answered 405, so a test sees how the client used it.
/// </summary>
internal sealed class TunnelingProxy : LoopbackProxy
{
    private static readonly byte[] Established = Encoding.ASCII.GetBytes("HTTP/1.1 200 Connection established\r\n\r\n");
    private static readonly byte[] NotAllowed = Encoding.ASCII.GetBytes("HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");

    private TunnelingProxy()
    {
    }

    /// <summary>The first line of every request the proxy got, in order (<c>CONNECT 127.0.0.1:1234 HTTP/1.1</c>).</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    public static TunnelingProxy Start() => new();

    protected override async Task ServeAsync(NetworkStream downstream)
    {
        if (await ReadHeadAsync(downstream) is not { } head)
        {
            return;
        }

        var firstLine = Encoding.ASCII.GetString(head.Span).Split("\r\n", 2)[0];
        Requests.Enqueue(firstLine);
        var parts = firstLine.Split(' ');
        var target = parts.Length == 3 && parts[0] == "CONNECT" ? parts[1].Split(':') : null;
        if (target is not { Length: 2 })
        {
            await downstream.WriteAsync(NotAllowed, Stop.Token);
            return;
        }

        var upstream = await ConnectAsync(target[0], int.Parse(target[1], CultureInfo.InvariantCulture));
        await downstream.WriteAsync(Established, Stop.Token);
        await PipeAsync(downstream, upstream);
    }
}
