#if NET
using System;

namespace Skaftin.Realtime;

/// <summary>
/// Follows the bytes a plain (unencrypted) websocket connection receives, from the first byte of the HTTP upgrade
/// answer on, just far enough to know whether everything received so far ends exactly at the end of a whole frame,
/// outside a fragmented message (<see cref="AtBoundary"/>). Only then may the watcher take a lone ping frame off the
/// connection itself (<see cref="BlockingSocketStream"/>): the websocket above has then consumed every byte it was
/// given and expects a new frame. It reads frame headers only and skips payloads by their length, so it costs a few
/// comparisons per frame. Anything it does not expect (the stream does not start with an HTTP answer, as under TLS; a
/// second HTTP answer, as after a proxy's; a masked frame, reserved bits set, an unknown opcode) turns it off for good,
/// and the connection is then read only the ordinary way.
/// </summary>
internal sealed class WebSocketFrameBoundary
{
    private const int HttpHead = 0;
    private const int Frames = 1;
    private const int Off = 2;

    private static readonly byte[] s_httpStart = "HTTP/"u8.ToArray();
    private static readonly byte[] s_headEnd = "\r\n\r\n"u8.ToArray();

    private readonly byte[] _header = new byte[10];
    private int _mode;
    private int _seen; // bytes of the HTTP answer seen so far, up to the length of "HTTP/"
    private int _headEndMatched;
    private int _headerHave;
    private int _headerNeed = 2;
    private long _payloadLeft;
    private bool _inFragmentedMessage;

    /// <summary>Whether every byte received so far belongs to a whole frame, and no fragmented message is open.</summary>
    public bool AtBoundary => _mode == Frames && _headerHave == 0 && _payloadLeft == 0 && !_inFragmentedMessage;

    /// <summary>Whether it gave up (see the class remarks); it then never says the connection is at a boundary.</summary>
    public bool IsOff => _mode == Off;

    /// <summary>Takes in the next bytes received, in order.</summary>
    public void Observe(ReadOnlySpan<byte> data)
    {
        while (!data.IsEmpty && _mode != Off)
        {
            data = _mode == HttpHead ? ObserveHead(data) : ObserveFrames(data);
        }
    }

    private ReadOnlySpan<byte> ObserveHead(ReadOnlySpan<byte> data)
    {
        var i = 0;
        for (; i < data.Length; i++)
        {
            var b = data[i];
            if (_seen < s_httpStart.Length)
            {
                if (b != s_httpStart[_seen++])
                {
                    _mode = Off;
                    return default;
                }

                continue;
            }

            _headEndMatched = b == s_headEnd[_headEndMatched] ? _headEndMatched + 1 : b == s_headEnd[0] ? 1 : 0;
            if (_headEndMatched == s_headEnd.Length)
            {
                _mode = Frames;
                return data[(i + 1)..];
            }
        }

        return default;
    }

    private ReadOnlySpan<byte> ObserveFrames(ReadOnlySpan<byte> data)
    {
        if (_payloadLeft > 0)
        {
            var skip = (int)Math.Min(_payloadLeft, data.Length);
            _payloadLeft -= skip;
            return data[skip..];
        }

        // A header, possibly across receives: 2 bytes, then 2 or 8 more for a longer length.
        while (_headerHave < _headerNeed)
        {
            if (data.IsEmpty)
            {
                return default;
            }

            _header[_headerHave++] = data[0];
            data = data[1..];
            if (_headerHave == 2 && !ReadFirstTwo())
            {
                _mode = Off;
                return default;
            }
        }

        var length7 = _header[1] & 0x7F;
        _payloadLeft = length7 switch
        {
            126 => (_header[2] << 8) | _header[3],
            127 => ReadLength64(),
            _ => length7,
        };
        if (_payloadLeft < 0)
        {
            _mode = Off;
            return default;
        }

        _headerHave = 0;
        _headerNeed = 2;
        return data;
    }

    // The first two header bytes: a frame from a server is never masked and, with no extension, has no reserved bit.
    private bool ReadFirstTwo()
    {
        var first = _header[0];
        var fin = (first & 0x80) != 0;
        var opcode = first & 0x0F;
        if ((first & 0x70) != 0 || (_header[1] & 0x80) != 0)
        {
            return false;
        }

        switch (opcode)
        {
            case 0: // continuation
                if (!_inFragmentedMessage)
                {
                    return false;
                }

                _inFragmentedMessage = !fin;
                break;
            case 1 or 2: // text, binary
                if (_inFragmentedMessage)
                {
                    return false;
                }

                _inFragmentedMessage = !fin;
                break;
            case 8 or 9 or 10: // close, ping, pong: never fragmented
                if (!fin)
                {
                    return false;
                }

                break;
            default:
                return false;
        }

        _headerNeed = (_header[1] & 0x7F) switch
        {
            126 => 4,
            127 => 10,
            _ => 2,
        };
        return true;
    }

    private long ReadLength64()
    {
        long length = 0;
        for (var i = 2; i < 10; i++)
        {
            length = (length << 8) | _header[i];
        }

        return length;
    }
}
#endif
