using System;
using System.Text.Json;

namespace Skaftin.Realtime;

// The errors every reader throws, and the short description of the offending token they carry.
public static partial class SkaftinJson
{
    // What a string holding a lone surrogate escape (valid JSON, not valid text) is called in an error.
    private const string NotUnicode = "(a string that is not valid Unicode)";

    /// <summary>The error for a <c>null</c> in a non-nullable column.</summary>
    public static SkaftinDecodeException NullNotAllowed(string table, string column) =>
        new(DecodeErrorKind.NullNotAllowed, table, column, "null", "the column is not nullable.");

    /// <summary>A short text for the token the reader is on, for error messages.</summary>
    public static string Describe(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        // The cut goes inside the quotes, so a long string still reads as a string that was cut.
        JsonTokenType.String => TryGetText(ref reader, out var text)
            ? "\"" + Truncate(text, SkaftinDecodeException.MaxOffendingTextLength - 2) + "\""
            : NotUnicode,
        JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False or JsonTokenType.Null => RawText(ref reader),
        JsonTokenType.StartObject => "{…}",
        JsonTokenType.StartArray => "[…]",
        JsonTokenType.None => "(end of input)",
        _ => reader.TokenType.ToString(),
    };

    /// <summary>
    /// The one cut for offending text: at most <paramref name="maxLength"/> characters, the last an ellipsis when
    /// the text was longer; a surrogate pair is never split.
    /// </summary>
    internal static string Truncate(string text, int maxLength)
    {
        if (text.Length <= maxLength)
        {
            return text;
        }

        var kept = maxLength - 1;
        if (char.IsHighSurrogate(text[kept - 1]))
        {
            kept--;
        }

        return text.Substring(0, kept) + "…";
    }

    private static SkaftinDecodeException Truncated(string table, string? column) =>
        new(DecodeErrorKind.MalformedJson, table, column, null, "the JSON ended before the row did.");

    private static SkaftinDecodeException OutOfRange(ref Utf8JsonReader reader, string table, string column, string detail) =>
        new(DecodeErrorKind.OutOfRange, table, column, Describe(ref reader), detail);

    // A string token's text; false when it holds a lone surrogate escape, which no .NET string can carry as text.
    private static bool TryGetText(ref Utf8JsonReader reader, out string text)
    {
        try
        {
            text = reader.GetString()!;
            return true;
        }
        catch (InvalidOperationException)
        {
            text = string.Empty;
            return false;
        }
    }

    private static SkaftinDecodeException Mismatch(ref Utf8JsonReader reader, string table, string column, string expected) =>
        reader.TokenType == JsonTokenType.Null
            ? NullNotAllowed(table, column)
            : new SkaftinDecodeException(DecodeErrorKind.WrongType, table, column, Describe(ref reader), $"expected {expected}.");
}
