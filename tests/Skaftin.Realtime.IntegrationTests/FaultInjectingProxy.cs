using System;
using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace Skaftin.Realtime.IntegrationTests;

/// <summary>
/// A loopback TCP proxy in front of a real server, for faults the server itself cannot make:
/// <see cref="StallOpenConnections"/> makes it stop reading (both ways) on every connection open at that moment, as a
/// hung server or proxy does, while later connections go through; and it watches the websocket frames the client
/// sends, recording the status code of every close frame (<see cref="CloseCodes"/>), which is what the server sees as
/// the closure. Its receive buffers are small, so a client's writes fill the kernel's buffers after a few megabytes.
/// </summary>
internal sealed class FaultInjectingProxy : IAsyncDisposable
{
    private const int BufferBytes = 16 * 1024;

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly int _upstreamPort;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentBag<Connection> _connections = new();
    private readonly Task _accepting;

    public FaultInjectingProxy(Uri upstream)
    {
        _upstreamPort = upstream.Port;
        // Inherited by the accepted sockets: a fixed buffer (no autotuning) fills fast once the proxy stops reading.
        _listener.Server.ReceiveBufferSize = BufferBytes;
        _listener.Start();
        Url = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}");
        _accepting = AcceptAsync();
    }

    public Uri Url { get; }

    /// <summary>The status code of each websocket close frame a client sent (null: a close frame with no code).</summary>
    public ConcurrentQueue<int?> CloseCodes { get; } = new();

    /// <summary>How many connections the proxy accepted.</summary>
    public int Accepted => _connections.Count;

    /// <summary>From now on the proxy reads nothing more on the connections open now (either way); it keeps them open.</summary>
    public void StallOpenConnections()
    {
        foreach (var connection in _connections)
        {
            connection.Stalled = true;
        }
    }

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
            var client = await _listener.AcceptSocketAsync(_stop.Token);
            var upstream = new Socket(SocketType.Stream, ProtocolType.Tcp) { ReceiveBufferSize = BufferBytes };
            var connection = new Connection(client, upstream);
            _connections.Add(connection);
            _ = ServeAsync(connection);
        }
    }

    private async Task ServeAsync(Connection connection)
    {
        try
        {
            await connection.Upstream.ConnectAsync(IPAddress.Loopback, _upstreamPort, _stop.Token);
            var watcher = new CloseFrameWatcher(CloseCodes);
            await Task.WhenAny(
                PumpAsync(connection, connection.Client, connection.Upstream, watcher),
                PumpAsync(connection, connection.Upstream, connection.Client, null));
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // A side went away.
        }
        finally
        {
            // A stalled connection stays open (a hung peer does not close); the proxy's dispose closes it.
            if (!connection.Stalled)
            {
                connection.Dispose();
            }
        }
    }

    private async Task PumpAsync(Connection connection, Socket from, Socket to, CloseFrameWatcher? watcher)
    {
        var buffer = new byte[BufferBytes];
        try
        {
            while (true)
            {
                await HoldWhileStalledAsync(connection);
                var read = await from.ReceiveAsync(buffer, SocketFlags.None, _stop.Token);
                if (read == 0)
                {
                    break;
                }

                await HoldWhileStalledAsync(connection);
                watcher?.Feed(buffer.AsSpan(0, read));
                var sent = 0;
                while (sent < read)
                {
                    sent += await to.SendAsync(buffer.AsMemory(sent, read - sent), SocketFlags.None, _stop.Token);
                }
            }

            to.Shutdown(SocketShutdown.Send);
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // A side went away, or the proxy stopped.
        }

        if (connection.Stalled)
        {
            await HoldWhileStalledAsync(connection);
        }
    }

    private async Task HoldWhileStalledAsync(Connection connection)
    {
        if (connection.Stalled)
        {
            await Task.Delay(Timeout.Infinite, _stop.Token);
        }
    }

    private sealed class Connection(Socket client, Socket upstream) : IDisposable
    {
        private volatile bool _stalled;

        public Socket Client { get; } = client;

        public Socket Upstream { get; } = upstream;

        public bool Stalled
        {
            get => _stalled;
            set => _stalled = value;
        }

        public void Dispose()
        {
            Client.Dispose();
            Upstream.Dispose();
        }
    }

    /// <summary>
    /// Reads the client's side of a websocket connection: the HTTP request head, then frames (RFC 6455 section 5.2),
    /// recording the status code of each close frame. The bytes are only looked at; the proxy forwards them as they are.
    /// </summary>
    private sealed class CloseFrameWatcher(ConcurrentQueue<int?> closeCodes)
    {
        private byte[] _pending = new byte[1024];
        private int _count;
        private bool _pastHead;

        public void Feed(ReadOnlySpan<byte> bytes)
        {
            if (_count + bytes.Length > _pending.Length)
            {
                Array.Resize(ref _pending, Math.Max(_pending.Length * 2, _count + bytes.Length));
            }

            bytes.CopyTo(_pending.AsSpan(_count));
            _count += bytes.Length;
            var used = 0;
            while (TryTakeOne(_pending.AsSpan(used, _count - used), out var length))
            {
                used += length;
            }

            _pending.AsSpan(used, _count - used).CopyTo(_pending);
            _count -= used;
        }

        private bool TryTakeOne(ReadOnlySpan<byte> data, out int length)
        {
            length = 0;
            if (!_pastHead)
            {
                var end = data.IndexOf("\r\n\r\n"u8);
                if (end < 0)
                {
                    return false;
                }

                _pastHead = true;
                length = end + 4;
                return true;
            }

            if (data.Length < 2)
            {
                return false;
            }

            var opcode = data[0] & 0x0F;
            var masked = (data[1] & 0x80) != 0;
            long payload = data[1] & 0x7F;
            var header = 2;
            if (payload == 126)
            {
                if (data.Length < 4)
                {
                    return false;
                }

                payload = BinaryPrimitives.ReadUInt16BigEndian(data[2..]);
                header = 4;
            }
            else if (payload == 127)
            {
                if (data.Length < 10)
                {
                    return false;
                }

                payload = (long)BinaryPrimitives.ReadUInt64BigEndian(data[2..]);
                header = 10;
            }

            var maskAt = header;
            if (masked)
            {
                header += 4;
            }

            if (data.Length < header + payload)
            {
                return false;
            }

            if (opcode == 0x8)
            {
                int? code = null;
                if (payload >= 2)
                {
                    Span<byte> first = stackalloc byte[2];
                    for (var i = 0; i < 2; i++)
                    {
                        first[i] = (byte)(data[header + i] ^ (masked ? data[maskAt + i] : 0));
                    }

                    code = BinaryPrimitives.ReadUInt16BigEndian(first);
                }

                closeCodes.Enqueue(code);
            }

            length = header + (int)payload;
            return true;
        }
    }
}
