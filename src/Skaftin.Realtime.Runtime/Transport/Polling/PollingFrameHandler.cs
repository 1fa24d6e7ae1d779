using System;
using System.Buffers;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Skaftin.Realtime;

/// <summary>
/// The HTTP pipeline under SocketIOClient's long-polling transport, written for this SDK: the polling counterpart of
/// <see cref="SkaftinWebSocket"/>. Each response to a poll is an Engine.IO v4 payload, packets separated by
/// <c>0x1E</c>; every packet passes <see cref="SocketIOFrameReader"/> first, through the connection's
/// <see cref="InboundFrameFilter"/>, as it streams in (a packet over <see cref="SkaftinRealtimeOptions.MaxFrameBytes"/>
/// is read past, keeping its first and last bytes, like a websocket frame). Events go to the client and undeliverable
/// frames are reported; the library gets back a payload of only the protocol packets it needs, rewritten by the
/// reader, so no packet from the server reaches its parser as sent. The answer to a send (a POST, <c>ok</c>) carries
/// no packet: the library gets it empty, and a refused send fails instead of being ignored as the library would.
/// Sends go one at a time, as Engine.IO requires (the library does not order them; a second POST while one is under
/// way makes the server close the session).
/// </summary>
internal sealed class PollingFrameHandler : DelegatingHandler
{
    private const int ReadBufferSize = 16 * 1024;
    private const byte Separator = 0x1E;

    private readonly InboundFrameFilter _router;
    // Never disposed: a send may still hold it when the library disposes the HttpClient (it owns no wait handle).
    private readonly SemaphoreSlim _sending = new(1, 1);
    private string? _failure;

    public PollingFrameHandler(InboundFrameFilter router, HttpMessageHandler inner)
        : base(inner)
    {
        _router = router;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // After an unreadable handshake packet the connection is over: every later request fails at once, so the
        // library's poll loop gives up instead of polling a session that cannot be used.
        if (Volatile.Read(ref _failure) is { } failure)
        {
            throw new HttpRequestException(failure);
        }

        var response = await SendInTurnAsync(request, cancellationToken).ConfigureAwait(false);
        try
        {
            if ((int)response.StatusCode is >= 300 and < 400)
            {
                var location = response.Headers.Location;
                throw new SkaftinRedirectRefusedException(
                    (int)response.StatusCode,
                    location is null || location.IsAbsoluteUri ? location : new Uri(request.RequestUri!, location),
                    request.RequestUri!);
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new HttpRequestException(
                    $"The server answered {(int)response.StatusCode} ({response.ReasonPhrase}) to a polling {request.Method} request.");
            }

            var packets = request.Method == HttpMethod.Get
                ? await ReadPacketsAsync(response.Content, cancellationToken).ConfigureAwait(false)
                : string.Empty;
            response.Content.Dispose();
            response.Content = new StringContent(packets, Encoding.UTF8, "text/plain");
            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    private async Task<HttpResponseMessage> SendInTurnAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Method == HttpMethod.Get)
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        await _sending.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _sending.Release();
        }
    }

    // The control packets of one payload, in order, joined as Engine.IO v4 joins them.
    private async Task<string> ReadPacketsAsync(HttpContent content, CancellationToken cancellationToken)
    {
        var controls = new StringBuilder();
        var read = ArrayPool<byte>.Shared.Rent(ReadBufferSize);
        using var packet = new PendingPacket(_router.MaxFrameBytes);
        try
        {
            using var stream = await content.ReadAsStreamAsync().ConfigureAwait(false);
            var any = false;
            int count;
            while ((count = await stream.ReadAsync(read, 0, read.Length, cancellationToken).ConfigureAwait(false)) > 0)
            {
                any = true;
                Consume(read.AsSpan(0, count), packet, controls);
            }

            if (any)
            {
                Finish(packet, controls);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(read);
        }

        return controls.ToString();
    }

    private void Consume(ReadOnlySpan<byte> chunk, PendingPacket packet, StringBuilder controls)
    {
        while (true)
        {
            var separator = chunk.IndexOf(Separator);
            if (separator < 0)
            {
                packet.Append(chunk);
                return;
            }

            packet.Append(chunk.Slice(0, separator));
            Finish(packet, controls);
            chunk = chunk.Slice(separator + 1);
        }
    }

    // Events are handed on as they are read, before the library sees the payload's control packets: the order between
    // them matters only for a recovered session's replayed events, which the server sends before its CONNECT packet.
    private void Finish(PendingPacket packet, StringBuilder controls)
    {
        var frame = packet.Read(_router);
        packet.Reset();
        var control = _router.Route(frame, out var fatal);
        if (fatal is not null)
        {
            Volatile.Write(ref _failure, fatal.Exception.Message);
            throw new HttpRequestException(fatal.Exception.Message);
        }

        if (control is not null)
        {
            if (controls.Length > 0)
            {
                controls.Append((char)Separator);
            }

            controls.Append(control);
        }
    }

    /// <summary>One packet as it streams in: its first bytes up to the limit, and past it only its last ones.</summary>
    private sealed class PendingPacket(int maxBytes) : IDisposable
    {
        private byte[] _buffer = ArrayPool<byte>.Shared.Rent(Math.Min(ReadBufferSize, maxBytes));
        private int _count;
        private long _length;
        private FrameTail? _tail;

        public void Append(ReadOnlySpan<byte> part)
        {
            _length += part.Length;
            if (_count < maxBytes)
            {
                var taken = Math.Min(part.Length, maxBytes - _count);
                if (_count + taken > _buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(Math.Max(_buffer.Length * 2L, _count + taken), maxBytes));
                    Buffer.BlockCopy(_buffer, 0, larger, 0, _count);
                    ArrayPool<byte>.Shared.Return(_buffer);
                    _buffer = larger;
                }

                part.Slice(0, taken).CopyTo(_buffer.AsSpan(_count));
                _count += taken;
                part = part.Slice(taken);
            }

            if (!part.IsEmpty)
            {
                (_tail ??= new FrameTail()).Keep(part);
            }
        }

        // A packet starting with 'b' is a binary attachment, base64-encoded.
        public InboundFrame Read(InboundFrameFilter router)
        {
            var head = _buffer.AsSpan(0, _count);
            return !head.IsEmpty && head[0] == (byte)'b' ? router.ReadBinary()
                : _length > _count ? router.ReadOversized(head, _tail!.End(head), _length)
                : router.Read(head);
        }

        public void Reset()
        {
            _count = 0;
            _length = 0;
            _tail?.Reset();
        }

        public void Dispose() => ArrayPool<byte>.Shared.Return(_buffer);
    }
}
