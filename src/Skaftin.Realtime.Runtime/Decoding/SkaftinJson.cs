using System;
using System.Buffers.Text;
using System.ComponentModel;
using System.Text.Json;

namespace Skaftin.Realtime;

/// <summary>
/// Lenient value readers used by generated row readers. Each reads the token the reader is on and
/// accepts what JavaScript backends really send (numbers inside strings, <c>0</c>/<c>1</c> booleans,
/// timestamps with or without fractions and offsets); anything else becomes a
/// <see cref="SkaftinDecodeException"/> naming the table and column. Not meant to be called by hand.
/// </summary>
/// <remarks>
/// One file per concern: navigation (objects, arrays), text (strings, booleans, GUIDs, unescaping), numbers,
/// temporal values, errors, and the helpers of the generated enum readers. Each reader's grammar is written out
/// at the top of its file and in the README's table.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
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
    /// <returns>How many bytes were written; 0 when the text is longer than the scratch buffer.</returns>
    public static int CopyEscapedText(ref Utf8JsonReader reader, scoped Span<byte> scratch) => CopyValue(ref reader, scratch);

    /// <summary>Reads an enum's underlying integer from a number or a numeric string; false when the token is neither.</summary>
    public static bool TryReadEnumNumber(ref Utf8JsonReader reader, out long value)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            return reader.TryGetInt64(out value);
        }

        if (reader.TokenType == JsonTokenType.String)
        {
            Span<byte> scratch = stackalloc byte[ScratchSize];
            var text = reader.HasValueSequence || reader.ValueIsEscaped ? scratch.Slice(0, CopyValue(ref reader, scratch)) : reader.ValueSpan;
            return Utf8Parser.TryParse(text, out value, out var consumed) && consumed == text.Length && text.Length > 0;
        }

        value = 0;
        return false;
    }

    /// <summary>The error for a value of an enum type that names no member.</summary>
    public static SkaftinDecodeException UnknownEnumValue(ref Utf8JsonReader reader, string table, string column, string enumType) =>
        reader.TokenType is JsonTokenType.String or JsonTokenType.Number
            ? new SkaftinDecodeException(DecodeErrorKind.OutOfRange, table, column, Describe(ref reader), $"expected a member of {enumType}.")
            : Mismatch(ref reader, table, column, $"a member of {enumType} (its name or number)");
}
