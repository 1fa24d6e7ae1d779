using System;
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
internal sealed class WebSocketRefusingProxy : LoopbackProxy
{
    private static readonly byte[] Refusal = Encoding.ASCII.GetBytes("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");

    private readonly Uri _target;
    private int _refusedUpgrades;
    private int _forwardedConnections;

    private WebSocketRefusingProxy(Uri target) => _target = target;

    /// <summary>How many websocket upgrades were refused.</summary>
    public int RefusedUpgrades => Volatile.Read(ref _refusedUpgrades);

    /// <summary>How many connections were forwarded to the server.</summary>
    public int ForwardedConnections => Volatile.Read(ref _forwardedConnections);

    /// <summary>A proxy whose <see cref="LoopbackProxy.Url"/> clients use instead of <paramref name="target"/>'s.</summary>
    public static WebSocketRefusingProxy Start(Uri target) => new(target);

    protected override async Task ServeAsync(NetworkStream downstream)
    {
        if (await ReadHeadAsync(downstream) is not { } head)
        {
            return;
        }

        if (Encoding.ASCII.GetString(head.Span).Contains("\nupgrade: websocket", StringComparison.OrdinalIgnoreCase))
        {
            Interlocked.Increment(ref _refusedUpgrades);
            await downstream.WriteAsync(Refusal, Stop.Token);
            return;
        }

        Interlocked.Increment(ref _forwardedConnections);
        var upstream = await ConnectAsync(_target.Host, _target.Port);
        await upstream.WriteAsync(head, Stop.Token);
        await PipeAsync(downstream, upstream);
    }
}
