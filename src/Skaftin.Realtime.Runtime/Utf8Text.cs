using System;
using System.Text;

namespace Skaftin.Realtime;

/// <summary>UTF-8 decoding of spans on every target (netstandard2.0's Encoding has no span overload).</summary>
internal static class Utf8Text
{
    public static string Decode(ReadOnlySpan<byte> bytes)
    {
#if NETSTANDARD2_0
        if (bytes.IsEmpty)
        {
            return string.Empty;
        }

        unsafe
        {
            fixed (byte* start = bytes)
            {
                return Encoding.UTF8.GetString(start, bytes.Length);
            }
        }
#else
        return Encoding.UTF8.GetString(bytes);
#endif
    }
}
