using System;
using System.Buffers.Text;
using System.Text.Json;

namespace Skaftin.Realtime;

// Enum reading: names are matched by generated code through EnumNameEquals; numbers are read here and checked by the
// generated code against the enum's underlying type and its defined members or flag bits.
public static partial class SkaftinJson
{
    /// <summary>
    /// Compares the current string token with an enum member's name, ignoring case, <c>_</c>, <c>-</c> and spaces
    /// (<c>"in_service"</c>, <c>"IN-SERVICE"</c> and <c>"InService"</c> all match <c>"inservice"u8</c>).
    /// </summary>
    /// <param name="text">The token's unescaped text.</param>
    /// <param name="normalizedName">The member's name, lower-case ASCII with separators removed.</param>
    /// <returns>True when they match.</returns>
    public static bool EnumNameEquals(ReadOnlySpan<byte> text, ReadOnlySpan<byte> normalizedName)
    {
        var j = 0;
        foreach (var b in text)
        {
            if (b is (byte)'_' or (byte)'-' or (byte)' ')
            {
                continue;
            }

            var lower = b is >= (byte)'A' and <= (byte)'Z' ? (byte)(b | 0x20) : b;
            if (j >= normalizedName.Length || normalizedName[j] != lower)
            {
                return false;
            }

            j++;
        }

        return j == normalizedName.Length;
    }

    /// <summary>Copies an escaped string token into <paramref name="scratch"/> (generated enum readers use the token's own span when it is not escaped).</summary>
    /// <param name="reader">The reader, on a string token.</param>
    /// <param name="scratch">Where the unescaped text goes.</param>
    /// <returns>How many bytes were written; 0 when the text is longer than the scratch buffer.</returns>
    public static int CopyEscapedText(ref Utf8JsonReader reader, scoped Span<byte> scratch) => CopyValue(ref reader, scratch);

    /// <summary>
    /// Reads a signed enum number (underlying type <c>sbyte</c> … <c>long</c>, <c>byte</c> … <c>uint</c>) from an
    /// integer token or an integer string; false when the token is neither or the number does not fit a <c>long</c>.
    /// The generated reader then checks the number against the enum's underlying type and members.
    /// </summary>
    /// <param name="reader">The reader, on the value.</param>
    /// <param name="value">The number.</param>
    /// <returns>True when an integer was read.</returns>
    public static bool TryReadEnumNumber(ref Utf8JsonReader reader, out long value) =>
        TryReadEnumInteger(
            ref reader,
            out value,
            static (ReadOnlySpan<byte> text, out long v, out int consumed) => Utf8Parser.TryParse(text, out v, out consumed));

    /// <summary>
    /// Reads the number of a <c>ulong</c>-based enum from an integer token or an integer string; false when the token
    /// is neither, or the number is negative or above <see cref="ulong.MaxValue"/>.
    /// </summary>
    /// <param name="reader">The reader, on the value.</param>
    /// <param name="value">The number.</param>
    /// <returns>True when an integer was read.</returns>
    public static bool TryReadEnumUnsignedNumber(ref Utf8JsonReader reader, out ulong value) =>
        TryReadEnumInteger(
            ref reader,
            out value,
            static (ReadOnlySpan<byte> text, out ulong v, out int consumed) =>
            {
                // "-0" is 0, as for the signed enums and the unsigned integer readers.
                if (IsNegativeZero(text))
                {
                    (v, consumed) = (0, text.Length);
                    return true;
                }

                return Utf8Parser.TryParse(text, out v, out consumed);
            });

    /// <summary>The error for a value of an enum type that names no member, or a number the enum does not define.</summary>
    /// <param name="reader">The reader, on the value.</param>
    /// <param name="table">The table being decoded.</param>
    /// <param name="column">The column being decoded.</param>
    /// <param name="enumType">The enum's name.</param>
    /// <returns>The exception to throw.</returns>
    public static SkaftinDecodeException UnknownEnumValue(ref Utf8JsonReader reader, string table, string column, string enumType) =>
        reader.TokenType is JsonTokenType.String or JsonTokenType.Number
            ? new SkaftinDecodeException(DecodeErrorKind.OutOfRange, table, column, Describe(ref reader),
                $"expected a member of {enumType} (its name, or a number it defines that fits its underlying type).")
            : Mismatch(ref reader, table, column, $"a member of {enumType} (its name or number)");

    // An integer token, or a string holding only an integer (node-postgres sends bigint as "123"), by the same
    // number grammar as the integer readers (no '+', spaces or leading zeros); a fraction or exponent is not an integer.
    private static bool TryReadEnumInteger<T>(ref Utf8JsonReader reader, out T value, TextIntegerParser<T> parse)
    {
        Span<byte> scratch = stackalloc byte[ScratchSize];
        if (TryGetNumberText(in reader, scratch, out var text) && parse(text, out value, out var consumed) && consumed == text.Length)
        {
            return true;
        }

        value = default!;
        return false;
    }

    private delegate bool TextIntegerParser<T>(ReadOnlySpan<byte> text, out T value, out int consumed);
}
