using System;
using System.IO;
using System.Text;
using System.Text.Json;

namespace Skaftin.Realtime;

// Engine.IO open and Socket.IO connect / connect_error packets, rewritten in a form SocketIOClient accepts.
internal static partial class SocketIOFrameReader
{
    private static InboundFrame ReadOpen(ReadOnlySpan<byte> json)
    {
        string? sid = null;
        int? pingInterval = null, pingTimeout = null;
        long? maxPayload = null;
        var readable = ReadObject(json, (string? name, ref Utf8JsonReader reader) =>
        {
            switch (name)
            {
                case "sid" when reader.TokenType == JsonTokenType.String:
                    sid = SafeString(ref reader);
                    break;
                case "pingInterval" when reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var interval):
                    pingInterval = interval;
                    break;
                case "pingTimeout" when reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var timeout):
                    pingTimeout = timeout;
                    break;
                case "maxPayload" when reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var max):
                    maxPayload = max;
                    break;
            }
        });

        if (!readable || sid is null || pingInterval is null || pingTimeout is null)
        {
            return InboundFrame.Fatal(Rejection(RealtimeErrorKind.ConnectionFailed, FrameRejection.HandshakeName, null, null, json, FrameErrorKind.MalformedFrame,
                "The server's Engine.IO handshake lacks a readable sid, pingInterval or pingTimeout."));
        }

        // The heartbeat is read here, with the rest of the packet: the router takes it from the frame, so the open
        // packet is parsed once by the SDK (and once more by SocketIOClient, from the form written here).
        var heartbeat = pingInterval > 0 && pingTimeout > 0 ? TimeSpan.FromMilliseconds((double)pingInterval.Value + pingTimeout.Value) : (TimeSpan?)null;
        return InboundFrame.Open("0" + WriteObject(writer =>
        {
            writer.WriteString("sid", sid);
            writer.WriteStartArray("upgrades");
            writer.WriteEndArray();
            writer.WriteNumber("pingInterval", pingInterval.Value);
            writer.WriteNumber("pingTimeout", pingTimeout.Value);
            if (maxPayload is { } limit)
            {
                writer.WriteNumber("maxPayload", limit);
            }
        }), heartbeat);
    }

    // Socket.IO CONNECT on the main namespace: {"sid":"...","pid":"..."} (pid only with connection state recovery).
    private static InboundFrame ReadConnect(ReadOnlySpan<byte> json)
    {
        string? sid = null, pid = null;
        var readable = ReadObject(json, (string? name, ref Utf8JsonReader reader) =>
        {
            if (reader.TokenType != JsonTokenType.String)
            {
                return;
            }

            if (name == "sid")
            {
                sid = SafeString(ref reader);
            }
            else if (name == "pid")
            {
                pid = SafeString(ref reader);
            }
        });

        if (!readable || sid is null)
        {
            return InboundFrame.Fatal(Rejection(RealtimeErrorKind.ConnectionFailed, FrameRejection.HandshakeName, null, null, json, FrameErrorKind.MalformedFrame,
                "The server's Socket.IO CONNECT packet lacks a readable sid."));
        }

        return InboundFrame.Control("40" + WriteObject(writer => writer.WriteString("sid", sid)), pid);
    }

    // Socket.IO CONNECT_ERROR: {"message":"...","data":...}. Whatever it holds, the library gets a plain message: an
    // empty one when there is no readable message, so the seam reports a refusal of unknown kind (not a middleware's).
    private static string ConnectErrorPacket(ReadOnlySpan<byte> json)
    {
        string? message = null;
        var readable = ReadObject(json, (string? name, ref Utf8JsonReader reader) =>
        {
            if (name == "message" && reader.TokenType == JsonTokenType.String)
            {
                message = SafeString(ref reader);
            }
        });

        return "44" + WriteObject(writer => writer.WriteString("message", readable ? message ?? "" : ""));
    }
}
