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

    /// <summary>Whether <paramref name="bytes"/> is well-formed UTF-8 (no stray bytes, no encoded surrogates).</summary>
    public static bool IsValid(ReadOnlySpan<byte> bytes)
    {
#if NETSTANDARD2_0
        if (bytes.IsEmpty)
        {
            return true;
        }

        try
        {
            unsafe
            {
                fixed (byte* start = bytes)
                {
                    Strict.GetCharCount(start, bytes.Length);
                }
            }

            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
#else
        return System.Text.Unicode.Utf8.IsValid(bytes);
#endif
    }

#if NETSTANDARD2_0
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
#endif
}
