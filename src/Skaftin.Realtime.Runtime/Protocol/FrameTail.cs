using System;

namespace Skaftin.Realtime;

/// <summary>
/// What is kept of a frame past <see cref="SkaftinRealtimeOptions.MaxFrameBytes"/>: the rest is received into one
/// small scratch buffer (or read from the polling transport's own buffer) and let go, except its last <see cref="EndSize"/> bytes, where the server's recovery offset is.
/// </summary>
internal sealed class FrameTail
{
    public const int EndSize = 1024;

    private readonly byte[] _scratch = new byte[16 * 1024];
    private readonly byte[] _end = new byte[EndSize];
    private int _endLength;

    /// <summary>Where to receive the next part of the frame.</summary>
    public ArraySegment<byte> Scratch => new(_scratch);

    /// <summary>Starts a new frame.</summary>
    public void Reset() => _endLength = 0;

    /// <summary>Keeps the last bytes of what was just received into <see cref="Scratch"/>.</summary>
    /// <param name="received">How many bytes were received.</param>
    public void Keep(int received) => Keep(_scratch.AsSpan(0, received));

    /// <summary>Keeps the last bytes of the frame's next part, wherever it was received.</summary>
    /// <param name="part">The part.</param>
    public void Keep(ReadOnlySpan<byte> part)
    {
        if (part.Length >= EndSize)
        {
            part.Slice(part.Length - EndSize).CopyTo(_end);
            _endLength = EndSize;
            return;
        }

        var kept = Math.Min(_endLength, EndSize - part.Length);
        Buffer.BlockCopy(_end, _endLength - kept, _end, 0, kept);
        part.CopyTo(_end.AsSpan(kept));
        _endLength = kept + part.Length;
    }

    /// <summary>The frame's last bytes: what was kept, after the end of <paramref name="head"/> when that is not enough.</summary>
    /// <param name="head">The part of the frame that was buffered.</param>
    /// <returns>At most <see cref="EndSize"/> bytes.</returns>
    public byte[] End(ReadOnlySpan<byte> head)
    {
        var fromHead = Math.Min(head.Length, EndSize - _endLength);
        var end = new byte[fromHead + _endLength];
        head.Slice(head.Length - fromHead).CopyTo(end);
        _end.AsSpan(0, _endLength).CopyTo(end.AsSpan(fromHead));
        return end;
    }
}
