using System.Text.Json;

namespace Skaftin.Realtime;

// The errors every reader throws, and the short description of the offending token they carry.
public static partial class SkaftinJson
{
    /// <summary>The error for a <c>null</c> in a non-nullable column.</summary>
    public static SkaftinDecodeException NullNotAllowed(string table, string column) =>
        new(DecodeErrorKind.NullNotAllowed, table, column, "null", "the column is not nullable.");

    /// <summary>A short text for the token the reader is on, for error messages.</summary>
    public static string Describe(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => "\"" + Truncate(reader.GetString()) + "\"",
        JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False or JsonTokenType.Null => RawText(ref reader),
        JsonTokenType.StartObject => "{…}",
        JsonTokenType.StartArray => "[…]",
        JsonTokenType.None => "(end of input)",
        _ => reader.TokenType.ToString(),
    };

    private static string? Truncate(string? text) =>
        text is null || text.Length <= SkaftinDecodeException.MaxOffendingTextLength ? text : text.Substring(0, SkaftinDecodeException.MaxOffendingTextLength);

    private static SkaftinDecodeException Truncated(string table, string? column) =>
        new(DecodeErrorKind.MalformedJson, table, column, null, "the JSON ended before the row did.");

    private static SkaftinDecodeException Mismatch(ref Utf8JsonReader reader, string table, string column, string expected) =>
        reader.TokenType == JsonTokenType.Null
            ? NullNotAllowed(table, column)
            : new SkaftinDecodeException(DecodeErrorKind.WrongType, table, column, Describe(ref reader), $"expected {expected}.");
}
