using System;
using System.Text;
using System.Text.Json;
using CsCheck;
using Xunit;

namespace Skaftin.Realtime.Runtime.Tests;

/// <summary>
/// The frame reader every websocket frame passes first: each class of bad frame gives a typed rejection naming the
/// cause, the event, its table and type and only the event's own text, with the offset recorded; and for any frame
/// at all it returns an event every parser above can read, a control packet of a known shape, or a rejection.
/// </summary>
public sealed class SocketIOFrameReaderTests
{
    private const string Row = """{"type":"insert","projectId":"p1","tableName":"vehicles","data":{"id":1},"timestamp":"2026-11-26T08:30:00Z"}""";

    private static readonly InterceptedEvents ClientEvents = SkaftinRealtimeClient.ServerEvents;

    private static InboundFrame Read(string frame, bool offsetsAppended = false) =>
        SocketIOFrameReader.ReadUnguarded(Encoding.UTF8.GetBytes(frame), ClientEvents, offsetsAppended);

    private static string Nested(int depth) =>
        """{"type":"insert","tableName":"vehicles","data":""" + new string('[', depth - 1) + new string(']', depth - 1) + "}";

    private static SkaftinFrameException Cause(in InboundFrame frame)
    {
        Assert.Equal(InboundFrameKind.Rejected, frame.Kind);
        return frame.Rejection!.Exception;
    }

    private static string Text(in InboundFrame frame) => Encoding.UTF8.GetString(frame.Rejection!.Text.Span);

    [Fact]
    public void AKnownEventIsDeliveredWithItsPayloadAndOffset()
    {
        var frame = Read("42[\"database-change\"," + Row + ",\"off-1\"]", offsetsAppended: true);

        Assert.Equal(InboundFrameKind.Event, frame.Kind);
        Assert.Equal(EventNames.DatabaseChange, frame.EventName);
        Assert.Equal(Row, Encoding.UTF8.GetString(frame.Payload.Span));
        Assert.Equal("off-1", frame.Offset);
    }

    [Theory]
    [InlineData("{\"n\":\"\\ud83d\\ude00 \\\"q\\\"\"}", "\"off-8\"")]
    [InlineData("{\"n\":\"plain\"}", "\"off\\u002d8\"")]
    [InlineData("[1,[2,{\"a\":[]}]]", "\"off-8\"")]
    [InlineData("\"text\"", "\"off-8\"")]
    [InlineData("null", "\"off-8\"")]
    public void EscapedTextOrAnyPayloadShapeIsDeliveredExactlyWithItsOffset(string payload, string offset)
    {
        // Escapes send a frame past the reader's fast path to its full scan: both must deliver the same.
        var frame = Read("42[\"database-change\"," + payload + "," + offset + "]", offsetsAppended: true);

        Assert.Equal(InboundFrameKind.Event, frame.Kind);
        Assert.Equal(payload, Encoding.UTF8.GetString(frame.Payload.Span));
        Assert.Equal("off-8", frame.Offset);
    }

    [Fact]
    public void OnlyTheEventsTheClientGivesAreDelivered()
    {
        var others = new InterceptedEvents("chat-message");

        var listed = SocketIOFrameReader.ReadUnguarded(Encoding.UTF8.GetBytes("42[\"chat-message\",{\"text\":\"hi\"}]"), others, offsetsAppended: false);
        var unlisted = SocketIOFrameReader.ReadUnguarded(Encoding.UTF8.GetBytes("42[\"database-change\"," + Row + "]"), others, offsetsAppended: false);

        Assert.Equal((InboundFrameKind.Event, "chat-message"), (listed.Kind, listed.EventName));
        Assert.Equal("{\"text\":\"hi\"}", Encoding.UTF8.GetString(listed.Payload.Span));
        Assert.Equal(InboundFrameKind.Rejected, unlisted.Kind);
        Assert.Equal((RealtimeErrorKind.FrameDropped, FrameErrorKind.UnknownEvent), (unlisted.Rejection!.Kind, unlisted.Rejection.Exception.Kind));
    }

    [Fact]
    public void WithoutRecoveryALastStringArgumentIsNotTakenForAnOffset()
    {
        var frame = Read("42[\"database-change\",\"text\",\"more\"]");

        Assert.Equal("\"text\"", Encoding.UTF8.GetString(frame.Payload.Span));
        Assert.Null(frame.Offset);
    }

    [Fact]
    public void WithRecoveryAPayloadlessEventHasNoPayloadNotItsOffset()
    {
        var frame = Read("42[\"database-change\",\"off-2\"]", offsetsAppended: true);

        Assert.Equal(InboundFrameKind.Event, frame.Kind);
        Assert.True(frame.Payload.IsEmpty);
        Assert.Equal("off-2", frame.Offset);
    }

    [Theory]
    [InlineData("\\ud800")]
    [InlineData("\\udfff")]
    [InlineData("a\\ud83d")]
    [InlineData("\\ud83d\\u0041")]
    public void AnUnpairedSurrogateIsReportedWithTheTableTypeAndOffset(string escaped)
    {
        var payload = """{"type":"insert","projectId":"p1","tableName":"vehicles","data":{"registration_number":"X""" + escaped + "\"}}";
        var frame = Read("42[\"database-change\"," + payload + ",\"off-3\"]", offsetsAppended: true);

        Assert.Equal(FrameErrorKind.InvalidUtf16, Cause(frame).Kind);
        Assert.Equal(RealtimeErrorKind.DecodeFailed, frame.Rejection!.Kind);
        Assert.Equal(EventNames.DatabaseChange, frame.Rejection.EventName);
        Assert.Equal("vehicles", frame.Rejection.TableName);
        Assert.Equal("insert", frame.Rejection.EventType);
        Assert.Equal(payload, Text(frame));
        Assert.Equal("off-3", frame.Offset);
    }

    [Fact]
    public void ASurrogatePairIsText()
    {
        var frame = Read("42[\"database-change\",{\"type\":\"insert\",\"projectId\":\"p\",\"x\":\"\\ud83d\\ude00\"}]");

        Assert.Equal(InboundFrameKind.Event, frame.Kind);
    }

    [Fact]
    public void APayloadAtTheDepthLimitIsDeliveredAndOneLevelMoreIsReportedAsTooDeep()
    {
        Assert.Equal(InboundFrameKind.Event, Read("42[\"database-change\"," + Nested(SkaftinFrameException.MaxPayloadDepth) + "]").Kind);

        var payload = Nested(SkaftinFrameException.MaxPayloadDepth + 1);
        var frame = Read("42[\"database-change\"," + payload + ",\"off-4\"]", offsetsAppended: true);

        var cause = Cause(frame);
        Assert.Equal(FrameErrorKind.TooDeep, cause.Kind);
        Assert.Contains("deeper than 64", cause.Message);
        Assert.Equal("vehicles", frame.Rejection!.TableName);
        Assert.Equal("insert", frame.Rejection.EventType);
        Assert.Equal(payload, Text(frame));
        Assert.Equal("off-4", frame.Offset);
    }

    [Fact]
    public void ATooDeepEventWithAnAckIdIsReportedAndItsLastStringIsNotAnOffset()
    {
        // The server appends offsets only to events without an ack id.
        var frame = Read("4217[\"database-change\"," + Nested(100) + ",\"not-an-offset\"]", offsetsAppended: true);

        Assert.Equal(FrameErrorKind.TooDeep, Cause(frame).Kind);
        Assert.Null(frame.Offset);
    }

    [Fact]
    public void AKnownEventWithAnAckIdIsDelivered()
    {
        var frame = Read("423[\"database-change\"," + Row + "]");

        Assert.Equal(InboundFrameKind.Event, frame.Kind);
        Assert.Equal(Row, Encoding.UTF8.GetString(frame.Payload.Span));
    }

    [Fact]
    public void ABinaryEventIsDroppedWithItsAttachmentsAndReported()
    {
        var frame = Read("452-[\"database-change\"," + Row + ",{\"_placeholder\":true,\"num\":0},{\"_placeholder\":true,\"num\":1},\"off-5\"]", offsetsAppended: true);

        Assert.Equal(FrameErrorKind.BinaryEvent, Cause(frame).Kind);
        Assert.Equal(RealtimeErrorKind.FrameDropped, frame.Rejection!.Kind);
        Assert.Equal(2, frame.Attachments);
        Assert.Equal("vehicles", frame.Rejection.TableName);
        Assert.Equal(Row, Text(frame));
        Assert.Equal("off-5", frame.Offset);
    }

    [Fact]
    public void AnUnknownEventIsDroppedAndReportedWithItsName()
    {
        var frame = Read("42[\"server-news\"," + Nested(500) + ",\"off-6\"]", offsetsAppended: true);

        Assert.Equal(FrameErrorKind.UnknownEvent, Cause(frame).Kind);
        Assert.Equal("server-news", frame.Rejection!.EventName);
        Assert.Equal("off-6", frame.Offset);
    }

    [Fact]
    public void AnEventNameThatIsNotTextIsDropped()
    {
        var frame = Read("42[\"database-change\\ud800\"," + Row + "]");

        Assert.Equal(FrameErrorKind.UnknownEvent, Cause(frame).Kind);
        Assert.Contains("not valid text", Cause(frame).Message);
    }

    [Fact]
    public void InvalidUtf8IsReportedWithTheOffset()
    {
        var bytes = Encoding.UTF8.GetBytes("42[\"database-change\"," + Row.Replace("vehicles", "vehicles\u00e9", StringComparison.Ordinal) + ",\"off-7\"]");
        var at = Array.IndexOf(bytes, (byte)0xC3);
        bytes[at] = 0xFF;

        var frame = SocketIOFrameReader.ReadUnguarded(bytes, ClientEvents, offsetsAppended: true);

        Assert.Equal(FrameErrorKind.InvalidUtf8, Cause(frame).Kind);
        Assert.Equal("insert", frame.Rejection!.EventType);
        Assert.Equal("off-7", frame.Offset);
    }

    [Theory]
    [InlineData("42[\"database-change\",{\"type\":")]
    [InlineData("42[\"database-change\"")]
    [InlineData("42{\"not\":\"an array\"}")]
    [InlineData("42[]")]
    [InlineData("42[1,2]")]
    [InlineData("42[\"database-change\",{}]x")]
    public void AMalformedEventIsReportedNotThrown(string text) =>
        Assert.Equal(FrameErrorKind.MalformedFrame, Cause(Read(text)).Kind);

    [Theory]
    [InlineData("43[\"ok\"]", FrameErrorKind.UnexpectedAcknowledgement, 0)]
    [InlineData("461-5[{\"_placeholder\":true,\"num\":0}]", FrameErrorKind.UnexpectedAcknowledgement, 1)]
    [InlineData("42/admin,[\"database-change\",{}]", FrameErrorKind.UnsupportedPacket, 0)]
    [InlineData("47", FrameErrorKind.UnsupportedPacket, 0)]
    [InlineData("5", FrameErrorKind.UnsupportedPacket, 0)]
    [InlineData("", FrameErrorKind.MalformedFrame, 0)]
    [InlineData("4", FrameErrorKind.MalformedFrame, 0)]
    public void PacketsTheClientDoesNotHandleAreDroppedAndReported(string text, FrameErrorKind kind, int attachments)
    {
        var frame = Read(text);

        Assert.Equal(kind, Cause(frame).Kind);
        Assert.Equal(RealtimeErrorKind.FrameDropped, frame.Rejection!.Kind);
        Assert.Equal(attachments, frame.Attachments);
        Assert.False(frame.EndsConnection);
    }

    [Fact]
    public void TheHandshakePacketsReachTheLibraryRewrittenByUs()
    {
        var open = Read("0{\"sid\":\"e1\",\"upgrades\":[\"x\"],\"pingInterval\":25000,\"pingTimeout\":20000,\"maxPayload\":1000000,\"extra\":[[[[{}]]]]}");
        Assert.Equal("0{\"sid\":\"e1\",\"upgrades\":[],\"pingInterval\":25000,\"pingTimeout\":20000,\"maxPayload\":1000000}", open.ControlText);

        var connect = Read("40{\"sid\":\"s1\",\"pid\":\"p1\",\"junk\":{\"a\":\"\\ud800\"}}");
        Assert.Equal("40{\"sid\":\"s1\"}", connect.ControlText);
        Assert.Equal("p1", connect.SessionId);

        Assert.Equal("44{\"message\":\"bad token\"}", Read("44{\"message\":\"bad token\",\"data\":{\"code\":1}}").ControlText);
        Assert.Equal("44{\"message\":\"\"}", Read("44[1]").ControlText);
        Assert.Equal("44{\"message\":\"\"}", Read("44{\"data\":{\"code\":1}}").ControlText);
        Assert.Equal("41", Read("41").ControlText);
        Assert.Equal("2", Read("2").ControlText);
        Assert.Equal("3", Read("3").ControlText);
    }

    [Theory]
    [InlineData("0{\"sid\":\"e1\",\"pingInterval\":25000,\"pingTimeout\":20000}", 45_000)]
    [InlineData("0{\"pingTimeout\":500,\"sid\":\"e1\",\"upgrades\":[],\"pingInterval\":1500}", 2_000)]
    [InlineData("0{\"sid\":\"e1\",\"pingInterval\":0,\"pingTimeout\":20000}", null)]
    [InlineData("0{\"sid\":\"e1\",\"pingInterval\":25000,\"pingTimeout\":-1}", null)]
    public void TheOpenPacketsHeartbeatIsReadWithThePacketAndRoutedWithoutAnotherParse(string text, int? heartbeatMs)
    {
        var open = Read(text);
        Assert.Equal(InboundFrameKind.Control, open.Kind);
        Assert.Equal(heartbeatMs is { } ms ? TimeSpan.FromMilliseconds(ms) : null, open.Heartbeat);

        // The filter takes the frame's heartbeat as it is: a frame whose rewritten text would say otherwise still
        // announces what the reader read, so the text is not parsed a second time.
        var filter = new InboundFrameFilter(ClientEvents, 1 << 20, offsetsAppended: false, static _ => { });
        Assert.Equal(open.ControlText, filter.Route(open, out var fatal));
        Assert.Null(fatal);
        Assert.Equal(open.Heartbeat, filter.AnnouncedHeartbeat);
        filter.Route(InboundFrame.Open("0{\"sid\":\"e2\",\"pingInterval\":1,\"pingTimeout\":1}", null), out _);
        Assert.Equal(open.Heartbeat, filter.AnnouncedHeartbeat);
        filter.Route(InboundFrame.Open("0{}", TimeSpan.FromSeconds(7)), out _);
        Assert.Equal(TimeSpan.FromSeconds(7), filter.AnnouncedHeartbeat);
    }

    [Theory]
    [InlineData("0{\"sid\":1}")]
    [InlineData("0{\"sid\":\"\\ud800\",\"pingInterval\":1,\"pingTimeout\":1}")]
    [InlineData("40")]
    [InlineData("40{\"sid\":")]
    public void AnUnreadableHandshakeEndsTheAttemptWithATypedError(string text)
    {
        var frame = Read(text);

        Assert.True(frame.EndsConnection);
        Assert.Equal(RealtimeErrorKind.ConnectionFailed, frame.Rejection!.Kind);
    }

    [Fact]
    public void AHugeRejectedPayloadIsNotKeptWhole()
    {
        var frame = Read("42[\"database-change\",{\"a\":\"\\ud800" + new string('x', 1_000_000) + "\"}]");

        Assert.Equal(FrameErrorKind.InvalidUtf16, Cause(frame).Kind);
        Assert.True(frame.Rejection!.Text.Length <= RealtimeError.MaxRawTextLength * 4);
    }

    [Fact]
    public void AnOversizedEventIsReportedWithWhatItsFirstAndLastBytesTell()
    {
        var frame = Encoding.UTF8.GetBytes("42[\"database-change\",{\"type\":\"update\",\"tableName\":\"vehicles\",\"data\":\"" + new string('x', 200_000) + "\"},\"off-8\"]");
        var tail = new FrameTail();
        for (var at = 100_000; at < frame.Length; at += tail.Scratch.Count)
        {
            var part = frame.AsSpan(at, Math.Min(tail.Scratch.Count, frame.Length - at));
            part.CopyTo(tail.Scratch);
            tail.Keep(part.Length);
        }

        var head = frame.AsSpan(0, 100_000);
        var read = SocketIOFrameReader.ReadOversizedUnguarded(head, tail.End(head), frame.Length, 100_000, ClientEvents, offsetsAppended: true);

        var cause = Cause(read);
        Assert.Equal(FrameErrorKind.TooLarge, cause.Kind);
        Assert.Contains($"{frame.Length} bytes, over the limit of 100000", cause.Message);
        Assert.Equal(RealtimeErrorKind.DecodeFailed, read.Rejection!.Kind);
        Assert.Equal(("vehicles", "update"), (read.Rejection.TableName, read.Rejection.EventType));
        Assert.StartsWith("{\"type\":\"update\"", Text(read), StringComparison.Ordinal);
        Assert.Equal("off-8", read.Offset);
    }

    [Theory]
    [InlineData("0{\"sid\":\"", true, RealtimeErrorKind.ConnectionFailed)]
    [InlineData("40{\"sid\":\"", true, RealtimeErrorKind.ConnectionFailed)]
    [InlineData("43[\"xx", false, RealtimeErrorKind.FrameDropped)]
    [InlineData("42/admin,[\"database-change\"", false, RealtimeErrorKind.FrameDropped)]
    [InlineData("42[\"other-event\",[[[[", false, RealtimeErrorKind.FrameDropped)]
    [InlineData("451-[\"database-change\",{\"type", false, RealtimeErrorKind.FrameDropped)]
    [InlineData("42[\"database-change\",{\"ty", false, RealtimeErrorKind.DecodeFailed)]
    [InlineData("42[\"database-change\"", false, RealtimeErrorKind.DecodeFailed)]
    [InlineData("42{", false, RealtimeErrorKind.FrameDropped)]
    public void AnyOversizedFrameIsRejectedAsTooLarge(string head, bool endsConnection, RealtimeErrorKind kind)
    {
        var read = SocketIOFrameReader.ReadOversizedUnguarded(Encoding.UTF8.GetBytes(head), "x\"]"u8, 1L << 40, 65536, ClientEvents, offsetsAppended: true);

        Assert.Equal(FrameErrorKind.TooLarge, Cause(read).Kind);
        Assert.Equal(kind, read.Rejection!.Kind);
        Assert.Equal(endsConnection, read.EndsConnection);
        Assert.Null(read.Offset);
    }

    [Theory]
    [InlineData(",\"off\"]", "off")]
    [InlineData("1,\"a-b_c\"]", "a-b_c")]
    [InlineData("\"off\"]", null)]
    [InlineData(",\"o\\\"ff\"]", null)]
    [InlineData(",\"off\"}", null)]
    [InlineData(",1]", null)]
    public void TheOffsetIsReadFromTheEndOfAnOversizedEvent(string end, string? offset)
    {
        var head = Encoding.UTF8.GetBytes("42[\"database-change\",{\"type\":");
        var read = SocketIOFrameReader.ReadOversizedUnguarded(head, Encoding.UTF8.GetBytes(end), 1L << 30, 65536, ClientEvents, offsetsAppended: true);

        Assert.Equal(offset, read.Offset);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(1023)]
    [InlineData(1024)]
    [InlineData(5000)]
    public void TheTailKeepsTheLastBytesWhateverTheReceiveSizes(int chunk)
    {
        var bytes = new byte[20_000];
        new Random(chunk).NextBytes(bytes);
        var head = bytes.AsSpan(0, 19_500);
        var tail = new FrameTail();
        for (var at = 19_500; at < bytes.Length; at += chunk)
        {
            var part = bytes.AsSpan(at, Math.Min(chunk, bytes.Length - at));
            part.CopyTo(tail.Scratch);
            tail.Keep(part.Length);
        }

        Assert.Equal(bytes.AsSpan(bytes.Length - FrameTail.EndSize).ToArray(), tail.End(head));
    }

    [Theory]
    [InlineData("", false)]
    [InlineData("plain", false)]
    [InlineData("\\\\ud800", false)]
    [InlineData("\\ud800\\udc00", false)]
    [InlineData("\\uD800\\uDC00", false)]
    [InlineData("\\ud800", true)]
    [InlineData("\\udc00", true)]
    [InlineData("\\ud800x", true)]
    [InlineData("\\ud800\\n", true)]
    [InlineData("\\ud800\\ud800", true)]
    [InlineData("\\\\\\ud800", true)]
    public void UnpairedSurrogateEscapesAreFound(string raw, bool expected) =>
        Assert.Equal(expected, Utf16Escapes.HasUnpairedSurrogate(Encoding.UTF8.GetBytes(raw)));

    // ---- any frame at all ----

    private static readonly string[] Heads =
    {
        "", "0", "1", "2", "3", "4", "5", "6", "9", "40", "41", "42", "43", "44", "45", "46", "47", "42/", "42/,", "42/admin,",
        "451-", "452-7", "45-", "45x-", "4212", "4399", "461-", "4299999999999999999999",
    };

    private static readonly string[] Tokens =
    {
        "[", "]", "{", "}", ",", ":", "\"database-change\"", "\"project-event\"", "\"joined-project\"", "\"other\"", "\"type\"", "\"tableName\"",
        "\"sid\"", "\"pid\"", "\"message\"", "\"pingInterval\"", "1", "-1", "1e400", "null", "true", "\"insert\"", "\"vehicles\"", "\"off\"",
        "\"\\ud800\"", "\"\\udc00x\"", "\"\\ud83d\\ude00\"", "\"\\u00e9\"", "\"\\\\\"", "\"_placeholder\"", "[[[[[[[[", "]]]]]]]]",
    };

    private static readonly Gen<string> Soup =
        Gen.Select(
            Gen.Int[0, Heads.Length - 1],
            Gen.Int[0, Tokens.Length - 1].Select(static i => Tokens[i]).Array[0, 30],
            static (head, tokens) => Heads[head] + string.Concat(tokens));

    private static readonly Gen<string> Events =
        Gen.Select(
            Gen.Int[0, Heads.Length - 1],
            Gen.Int[0, 6],
            Gen.Int[0, 80],
            Gen.Int[0, Tokens.Length - 1],
            Gen.Bool,
            static (head, name, depth, token, offset) =>
                Heads[head] + "[" + Tokens[6 + name] + ",{\"type\":\"insert\",\"tableName\":\"vehicles\",\"data\":"
                + new string('[', depth) + Tokens[token] + new string(']', depth) + "}" + (offset ? ",\"off\"" : "") + "]");

    private static readonly Gen<byte[]> Damaged =
        Gen.Select(Events, Gen.Int[0, 200], Gen.Byte, static (text, at, value) =>
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            if (bytes.Length > 0)
            {
                bytes[at % bytes.Length] = value;
            }

            return bytes;
        });

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    // Nothing escapes the reader, and what it delivers is safe for every parser above it.
    private static void ReadsSafely(byte[] bytes, bool offsetsAppended)
    {
        var frame = SocketIOFrameReader.ReadUnguarded(bytes, ClientEvents, offsetsAppended);
        switch (frame.Kind)
        {
            case InboundFrameKind.Event:
                Assert.Contains(frame.EventName, ClientEvents.Names);
                Assert.True(Utf8Text.IsValid(frame.Payload.Span));
                // An event sent with no argument (4212["joined-project"], an ack id and so no offset) has an empty
                // payload: there is nothing to parse, and each consumer reads "no argument" as it must.
                var reader = new Utf8JsonReader(frame.Payload.Span, new JsonReaderOptions { MaxDepth = SkaftinFrameException.MaxPayloadDepth });
                while (!frame.Payload.IsEmpty && reader.Read())
                {
                    if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName)
                    {
                        _ = reader.GetString(); // throws on an unpaired surrogate
                    }
                }

                new SkaftinEventRouter().DispatchDatabaseChange(frame.Payload);
                break;
            case InboundFrameKind.Control:
                var text = frame.ControlText!;
                Assert.Matches("^(0\\{\"sid\":.*|1|2|3|6|40\\{\"sid\":.*\\}|41|44\\{\"message\":.*\\})$", text);
                if (text.IndexOf('{') is var brace and >= 0)
                {
                    using var document = JsonDocument.Parse(text.Substring(brace));
                    Assert.Equal(JsonValueKind.Object, document.RootElement.ValueKind);
                }

                break;
            default:
                Assert.Equal(InboundFrameKind.Rejected, frame.Kind);
                Assert.NotNull(frame.Rejection);
                Assert.True(Enum.IsDefined(frame.Rejection!.Exception.Kind));
                Assert.True(frame.Rejection.Text.Length <= RealtimeError.MaxRawTextLength * 4);
                break;
        }

        if (frame.Offset is not null)
        {
            _ = StrictUtf8.GetByteCount(frame.Offset); // throws on an unpaired surrogate
        }
    }

    // Found by AnyTokenSoupIsReadSafely (seed 1fdCz3HElvL4): with an ack id the server appends no offset, so an event
    // sent with no argument has an empty payload even while offsets are appended.
    [Theory]
    [InlineData("4212[\"joined-project\"]", true)]
    [InlineData("4212[\"joined-project\"]", false)]
    [InlineData("42[\"joined-project\"]", false)]
    public void AnEventWithNoArgumentIsDeliveredWithAnEmptyPayload(string text, bool offsetsAppended)
    {
        var frame = SocketIOFrameReader.ReadUnguarded(Encoding.UTF8.GetBytes(text), ClientEvents, offsetsAppended);
        Assert.Equal((InboundFrameKind.Event, "joined-project"), (frame.Kind, frame.EventName));
        Assert.True(frame.Payload.IsEmpty);
        ReadsSafely(Encoding.UTF8.GetBytes(text), offsetsAppended);
    }

    [Fact]
    public void AnyTokenSoupIsReadSafely() =>
        Gen.Select(Soup, Gen.Bool).Sample(static (text, offsets) => ReadsSafely(Encoding.UTF8.GetBytes(text), offsets), iter: 20_000);

    [Fact]
    public void AnyEventShapeAtAnyDepthIsReadSafely() =>
        Gen.Select(Events, Gen.Bool).Sample(static (text, offsets) => ReadsSafely(Encoding.UTF8.GetBytes(text), offsets), iter: 20_000);

    [Fact]
    public void AnyDamagedByteIsReadSafely() =>
        Gen.Select(Damaged, Gen.Bool).Sample(static (bytes, offsets) => ReadsSafely(bytes, offsets), iter: 20_000);

    [Fact]
    public void AnyOversizedFrameIsRejectedSafely() =>
        Gen.Select(Soup, Gen.Int[0, 60], Gen.Bool).Sample(static (text, cut, offsets) =>
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            var head = bytes.AsSpan(0, Math.Min(cut, bytes.Length));
            var read = SocketIOFrameReader.ReadOversizedUnguarded(head, bytes.AsSpan(Math.Max(0, bytes.Length - 20)), bytes.Length, 65536, ClientEvents, offsets);
            Assert.Equal(FrameErrorKind.TooLarge, Cause(read).Kind);
        }, iter: 20_000);

    [Fact]
    public void AnyBytesAreReadSafely() =>
        Gen.Select(Gen.Byte.Array[0, 120], Gen.Bool).Sample(static (bytes, offsets) => ReadsSafely(bytes, offsets), iter: 20_000);
}
