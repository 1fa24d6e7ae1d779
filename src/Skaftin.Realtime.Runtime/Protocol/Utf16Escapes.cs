using System;

namespace Skaftin.Realtime;

/// <summary>
/// Finds <c>\uXXXX</c> escapes in raw JSON string text that name an unpaired UTF-16 surrogate. System.Text.Json's
/// reader accepts them while reading, then throws <see cref="InvalidOperationException"/> from <c>GetString</c> or
/// <c>ValueTextEquals</c>; checking first lets a frame be reported instead.
/// </summary>
internal static class Utf16Escapes
{
    /// <param name="raw">A string token's raw text (between its quotes), already validated by the JSON reader.</param>
    /// <returns>Whether an escape names a surrogate without its partner.</returns>
    public static bool HasUnpairedSurrogate(ReadOnlySpan<byte> raw)
    {
        for (var i = 0; i < raw.Length - 1; i++)
        {
            if (raw[i] != (byte)'\\')
            {
                continue;
            }

            if (raw[i + 1] != (byte)'u')
            {
                i++; // a two-character escape such as \\ or \"
                continue;
            }

            if (i + 5 >= raw.Length)
            {
                return true;
            }

            var unit = Hex(raw.Slice(i + 2, 4));
            i += 5;
            if (unit is >= 0xDC00 and <= 0xDFFF)
            {
                return true;
            }

            if (unit is >= 0xD800 and <= 0xDBFF)
            {
                if (i + 6 < raw.Length && raw[i + 1] == (byte)'\\' && raw[i + 2] == (byte)'u' && Hex(raw.Slice(i + 3, 4)) is >= 0xDC00 and <= 0xDFFF)
                {
                    i += 6;
                    continue;
                }

                return true;
            }
        }

        return false;
    }

    private static int Hex(ReadOnlySpan<byte> digits)
    {
        var value = 0;
        foreach (var digit in digits)
        {
            value = (value << 4) | digit switch
            {
                >= (byte)'0' and <= (byte)'9' => digit - '0',
                >= (byte)'a' and <= (byte)'f' => digit - 'a' + 10,
                >= (byte)'A' and <= (byte)'F' => digit - 'A' + 10,
                _ => 0,
            };
        }

        return value;
    }
}
