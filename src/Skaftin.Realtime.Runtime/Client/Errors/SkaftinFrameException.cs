using System;

namespace Skaftin.Realtime;

/// <summary>
/// Reported (never thrown to the app) when a frame from the server could not be delivered: it says why, while the
/// connection and later events go on. The <see cref="RealtimeError"/> that carries it names the event, and the table
/// and event type when they could be read.
/// </summary>
public sealed class SkaftinFrameException : Exception
{
    /// <summary>The deepest nesting of objects and arrays an event's payload may have.</summary>
    public const int MaxPayloadDepth = 64;

    /// <summary>Creates the exception.</summary>
    /// <param name="kind">What was wrong with the frame.</param>
    /// <param name="message">A sentence saying what was wrong.</param>
    public SkaftinFrameException(FrameErrorKind kind, string message)
        : base(message) => Kind = kind;

    /// <summary>What was wrong with the frame.</summary>
    public FrameErrorKind Kind { get; }
}
