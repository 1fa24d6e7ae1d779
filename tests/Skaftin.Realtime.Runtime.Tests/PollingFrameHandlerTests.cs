using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace Skaftin.Realtime.Runtime.Tests;

/// <summary>
/// The long-polling side of the frame reader: a poll's payload is split into its packets as it streams in (a packet
/// may end in any read), events are delivered, bad ones reported, and SocketIOClient gets only the control packets.
/// </summary>
public sealed class PollingFrameHandlerTests
{
    private const char Separator = '\u001e';
    private const int MaxFrameBytes = SkaftinRealtimeOptions.MinimumMaxFrameBytes;
    private const string Row = """{"type":"insert","projectId":"p1","tableName":"vehicles","data":{"id":1},"timestamp":"2026-11-26T08:30:00Z"}""";

    private readonly List<InboundFrame> _inbound = new();

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(16 * 1024)]
    public async Task EveryPacketOfAPollPassesTheReaderAndTheLibraryGetsOnlyControlPackets(int readSize)
    {
        var tooLarge = "42[\"database-change\",{\"type\":\"insert\",\"tableName\":\"vehicles\",\"data\":\"" + new string('x', 2 * MaxFrameBytes) + "\"},\"off-4\"]";
        var payload = string.Join(Separator,
            "0{\"sid\":\"s1\",\"upgrades\":[],\"pingInterval\":25000,\"pingTimeout\":20000,\"maxPayload\":1000000}",
            "40{\"sid\":\"a1\",\"pid\":\"p1\"}",
            "42[\"database-change\"," + Row + ",\"off-1\"]",
            "42[\"database-change\",{\"type\":\"insert\",\"tableName\":\"vehicles\",\"data\":\"\\ud800\"},\"off-2\"]",
            "451-[\"database-change\"," + Row + ",{\"_placeholder\":true,\"num\":0},\"off-3\"]",
            "bAQID",
            tooLarge,
            "2",
            "43[\"server-news\",{}]");
        using var client = Client(new Answer(HttpStatusCode.OK, payload, readSize));
        var router = client.Router;

        var library = await client.Http.GetStringAsync("http://localhost/socket.io/?EIO=4&transport=polling");

        var controls = library.Split(Separator);
        Assert.Equal(3, controls.Length);
        Assert.StartsWith("0{", controls[0], StringComparison.Ordinal);
        Assert.StartsWith("40", controls[1], StringComparison.Ordinal);
        Assert.Equal("2", controls[2]);
        Assert.Equal("p1", router.SessionId);
        Assert.Equal(TimeSpan.FromSeconds(45), router.AnnouncedHeartbeat);

        var delivered = Assert.Single(_inbound, f => f.Kind == InboundFrameKind.Event);
        Assert.Equal(Row, Encoding.UTF8.GetString(delivered.Payload.Span));
        Assert.Equal(
            new FrameErrorKind?[] { FrameErrorKind.InvalidUtf16, FrameErrorKind.BinaryEvent, FrameErrorKind.TooLarge, FrameErrorKind.UnexpectedAcknowledgement },
            _inbound.Where(f => f.Kind == InboundFrameKind.Rejected).Select(f => (FrameErrorKind?)f.Rejection!.Exception.Kind));
        Assert.Equal(new[] { "off-1", "off-2", "off-3", "off-4" }, _inbound.Select(f => f.Offset).Where(o => o is not null));
    }

    [Fact]
    public async Task ABinaryPacketNobodyAnnouncedIsReported()
    {
        using var client = Client(new Answer(HttpStatusCode.OK, "2" + Separator + "bAQID", 16));

        Assert.Equal("2", await client.Http.GetStringAsync("http://localhost/socket.io/?EIO=4&transport=polling"));

        Assert.Equal(FrameErrorKind.UnsupportedPacket, Assert.Single(_inbound).Rejection!.Exception.Kind);
    }

    [Fact]
    public async Task TheAnswerToASendReachesTheLibraryEmptyAndARefusedSendFails()
    {
        using (var accepted = Client(new Answer(HttpStatusCode.OK, "ok", 16)))
        {
            var response = await accepted.Http.PostAsync("http://localhost/socket.io/?sid=s1", new StringContent("42[\"join-project\",\"p1\"]"));
            Assert.Equal("", await response.Content.ReadAsStringAsync());
        }

        using var refused = Client(new Answer(HttpStatusCode.BadRequest, "{\"code\":1,\"message\":\"Session ID unknown\"}", 16));
        var failure = await Assert.ThrowsAsync<HttpRequestException>(() => refused.Http.PostAsync("http://localhost/socket.io/?sid=s1", new StringContent("3")));
        Assert.Contains("400", failure.Message, StringComparison.Ordinal);
        Assert.Empty(_inbound);
    }

    [Fact]
    public async Task SendsGoOneAtATime()
    {
        var answer = new Answer(HttpStatusCode.OK, "ok", 16) { Delay = TimeSpan.FromMilliseconds(20) };
        using var client = Client(answer);

        await Task.WhenAll(Enumerable.Range(0, 8).Select(i => client.Http.PostAsync("http://localhost/socket.io/?sid=s1", new StringContent("42[\"e\"," + i + "]"))));

        Assert.Equal(8, answer.Requests);
        Assert.Equal(1, answer.MostAtOnce);
    }

    private TestClient Client(Answer answer)
    {
        var router = new InboundFrameFilter(SkaftinRealtimeClient.ServerEvents, MaxFrameBytes, offsetsAppended: false, _inbound.Add);
        return new TestClient(new HttpClient(new PollingFrameHandler(router, answer)), router);
    }

    private sealed record TestClient(HttpClient Http, InboundFrameFilter Router) : IDisposable
    {
        public void Dispose() => Http.Dispose();
    }

    /// <summary>The server's side: one fixed answer, its body handed out in reads of at most <c>readSize</c> bytes.</summary>
    private sealed class Answer(HttpStatusCode status, string body, int readSize) : HttpMessageHandler
    {
        private int _inFlight;
        private int _mostAtOnce;
        private int _requests;

        public TimeSpan Delay { get; init; }

        public int MostAtOnce => Volatile.Read(ref _mostAtOnce);

        public int Requests => Volatile.Read(ref _requests);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _requests);
            var now = Interlocked.Increment(ref _inFlight);
            int seen;
            while ((seen = Volatile.Read(ref _mostAtOnce)) < now && Interlocked.CompareExchange(ref _mostAtOnce, now, seen) != seen)
            {
            }

            await Task.Delay(Delay, cancellationToken);
            Interlocked.Decrement(ref _inFlight);
            return new HttpResponseMessage(status)
            {
                Content = new StreamContent(new TrickleStream(Encoding.UTF8.GetBytes(body), readSize)),
            };
        }
    }

    private sealed class TrickleStream(byte[] bytes, int readSize) : MemoryStream(bytes)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, readSize));

        public override int Read(Span<byte> buffer) => base.Read(buffer.Slice(0, Math.Min(buffer.Length, readSize)));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            base.ReadAsync(buffer, offset, Math.Min(count, readSize), cancellationToken);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer.Slice(0, Math.Min(buffer.Length, readSize)), cancellationToken);
    }
}
