using System;

namespace Skaftin.Realtime;

/// <summary>
/// A frame that was not delivered, with what the error report needs: the event's name, its table and type when
/// they could be read, and only the event's own text (its first argument, not the whole frame).
/// </summary>
internal sealed record FrameRejection(
    RealtimeErrorKind Kind,
    string EventName,
    string? TableName,
    string? EventType,
    ReadOnlyMemory<byte> Text,
    SkaftinFrameException Exception)
{
    /// <summary>The event name used in reports about the Engine.IO/Socket.IO handshake packets.</summary>
    public const string HandshakeName = "connect";

    /// <summary>The event name used in reports about packets that are not events (acknowledgements, unknown types).</summary>
    public const string PacketName = "packet";
}
