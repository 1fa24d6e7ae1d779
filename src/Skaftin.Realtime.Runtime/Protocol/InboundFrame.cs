using System;

namespace Skaftin.Realtime;

/// <summary>What <see cref="SocketIOFrameReader"/> made of one text frame.</summary>
internal enum InboundFrameKind
{
    /// <summary>An event this SDK handles, valid for every parser above: deliver its payload.</summary>
    Event,

    /// <summary>A protocol packet for SocketIOClient (open, ping, connect, disconnect, connect error), rewritten by us.</summary>
    Control,

    /// <summary>A frame that is reported instead of delivered.</summary>
    Rejected,

    /// <summary>A binary attachment of a packet that was already reported: nothing more to do.</summary>
    Attachment,
}

/// <summary>
/// One frame as read by <see cref="SocketIOFrameReader"/>: an event to deliver, a control packet to hand to the
/// library in a form we wrote ourselves, or a rejection to report. The offset is set whenever it could be read,
/// whatever the outcome, so a recovered session never replays an event the client has already seen.
/// </summary>
internal readonly struct InboundFrame
{
    private InboundFrame(InboundFrameKind kind, string? eventName, ReadOnlyMemory<byte> payload, string? offset, string? controlText, string? sessionId, FrameRejection? rejection, int attachments, bool endsConnection = false, TimeSpan? heartbeat = null)
    {
        EndsConnection = endsConnection;
        Heartbeat = heartbeat;
        Kind = kind;
        EventName = eventName;
        Payload = payload;
        Offset = offset;
        ControlText = controlText;
        SessionId = sessionId;
        Rejection = rejection;
        Attachments = attachments;
    }

    public InboundFrameKind Kind { get; }

    /// <summary>The event's name (<see cref="InboundFrameKind.Event"/>).</summary>
    public string? EventName { get; }

    /// <summary>The event's first argument as UTF-8 JSON, owned by the frame; empty when the event has none.</summary>
    public ReadOnlyMemory<byte> Payload { get; }

    /// <summary>The recovery offset the server appended, when it could be read.</summary>
    public string? Offset { get; }

    /// <summary>The packet to hand to SocketIOClient (<see cref="InboundFrameKind.Control"/>).</summary>
    public string? ControlText { get; }

    /// <summary>The recovery session id (<c>pid</c>) of a CONNECT packet, when the server sent one.</summary>
    public string? SessionId { get; }

    /// <summary>What to report (<see cref="InboundFrameKind.Rejected"/>).</summary>
    public FrameRejection? Rejection { get; }

    /// <summary>How many binary frames follow this one as its attachments (they belong to this frame).</summary>
    public int Attachments { get; }

    /// <summary>Whether the connection cannot go on after this frame (a handshake packet that cannot be read).</summary>
    public bool EndsConnection { get; }

    /// <summary>
    /// Of an Engine.IO open packet: the server's ping interval plus ping timeout, read when the packet was (once), or
    /// null when it announced no positive pair (the configured heartbeat timeout then stays in force).
    /// </summary>
    public TimeSpan? Heartbeat { get; }

    public static InboundFrame Event(string name, ReadOnlyMemory<byte> payload, string? offset) =>
        new(InboundFrameKind.Event, name, payload, offset, null, null, null, 0);

    public static InboundFrame Control(string text, string? sessionId = null) =>
        new(InboundFrameKind.Control, null, default, null, text, sessionId, null, 0);

    /// <summary>The Engine.IO open packet as the library gets it, with the heartbeat it announced.</summary>
    public static InboundFrame Open(string text, TimeSpan? heartbeat) =>
        new(InboundFrameKind.Control, null, default, null, text, null, null, 0, heartbeat: heartbeat);

    public static InboundFrame Attachment() =>
        new(InboundFrameKind.Attachment, null, default, null, null, null, null, 0);

    public static InboundFrame Rejected(FrameRejection rejection, string? offset, int attachments = 0) =>
        new(InboundFrameKind.Rejected, rejection.EventName, default, offset, null, null, rejection, attachments);

    /// <summary>A handshake packet that cannot be read: the connection attempt cannot go on, so it ends at once.</summary>
    public static InboundFrame Fatal(FrameRejection rejection) =>
        new(InboundFrameKind.Rejected, rejection.EventName, default, null, null, null, rejection, 0, endsConnection: true);
}
