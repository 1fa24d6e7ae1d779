namespace Skaftin.Realtime;

/// <summary>What was wrong with a frame from the server, or why the SDK did not deliver it.</summary>
public enum FrameErrorKind
{
    /// <summary>The frame is not a well-formed Engine.IO/Socket.IO packet (truncated or invalid JSON, a bad header).</summary>
    MalformedFrame,

    /// <summary>The frame's bytes are not valid UTF-8 text.</summary>
    InvalidUtf8,

    /// <summary>A string in the frame escapes an unpaired UTF-16 surrogate (such as <c>"\ud800"</c>), which is not text.</summary>
    InvalidUtf16,

    /// <summary>The event's payload nests objects and arrays deeper than <see cref="SkaftinFrameException.MaxPayloadDepth"/> levels.</summary>
    TooDeep,

    /// <summary>The frame is larger than <see cref="SkaftinRealtimeOptions.MaxFrameBytes"/>; it was read past and not delivered.</summary>
    TooLarge,

    /// <summary>An event whose name this SDK does not handle; it was dropped.</summary>
    UnknownEvent,

    /// <summary>An event with binary attachments, which the Skaftin protocol does not use; it was dropped with its attachments.</summary>
    BinaryEvent,

    /// <summary>An acknowledgement the client never asked for; it was dropped.</summary>
    UnexpectedAcknowledgement,

    /// <summary>A packet for another namespace or of a type the client does not handle; it was dropped.</summary>
    UnsupportedPacket,
}
