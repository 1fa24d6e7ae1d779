using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace Skaftin.Realtime.Runtime.Tests;

/// <summary>
/// What the transport tests share: a loopback listener playing the server's side, <see cref="BlockingSocketStream"/>s
/// connected to it, and everything they made, disposed together at the end of the test.
/// </summary>
internal sealed class LoopbackConnections : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly List<IDisposable> _owned = [];

    public LoopbackConnections() => _listener.Start();

    /// <summary>A new connection: the client's stream (on <paramref name="clock"/>) and the server's end.</summary>
    public async Task<(BlockingSocketStream Stream, TcpClient Server)> ConnectAsync(TimeProvider? clock = null)
    {
        var port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        var accept = _listener.AcceptTcpClientAsync();
        var stream = await BlockingSocketStream.ConnectAsync(new DnsEndPoint("127.0.0.1", port), TimeSpan.FromSeconds(10), CancellationToken.None, clock);
        var server = await accept;
        Own(stream);
        Own(server);
        return (stream, server);
    }

    /// <summary>Disposes <paramref name="owned"/> with the rest, in the order they were owned.</summary>
    public T Own<T>(T owned)
        where T : IDisposable
    {
        lock (_owned)
        {
            _owned.Add(owned);
        }

        return owned;
    }

    public void Dispose()
    {
        lock (_owned)
        {
            foreach (var owned in _owned)
            {
                owned.Dispose();
            }

            _owned.Clear();
        }

        _listener.Stop();
    }
}
