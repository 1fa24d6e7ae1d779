using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Text.Json;

namespace Skaftin.Realtime;

/// <summary>
/// The small steps every payload reader (schema, cron-job, import) is made of: walking an object, reading a field with
/// the row readers' lenient grammars, keeping unknown fields, and the errors, which name the field by its path
/// (<c>data.column.name</c>) rather than a table and column.
/// </summary>
internal static class PayloadJson
{
    public static readonly IReadOnlyDictionary<string, JsonElement> NoExtra =
        new ReadOnlyDictionary<string, JsonElement>(new Dictionary<string, JsonElement>(StringComparer.Ordinal));

    /// <summary>A function that reads one payload value, the reader on its first token.</summary>
    public delegate T ValueReader<T>(ref Utf8JsonReader reader, string path);

    /// <summary>
    /// Reads <paramref name="utf8Json"/> (the slice of an event already checked to be well-formed JSON) with
    /// <paramref name="read"/>; empty means the field was absent or null.
    /// </summary>
    /// <exception cref="SkaftinDecodeException">The value is missing or does not have the expected shape.</exception>
    public static T Decode<T>(ReadOnlyMemory<byte> utf8Json, string path, ValueReader<T> read)
    {
        if (utf8Json.IsEmpty)
        {
            throw Missing(path);
        }

        try
        {
            var reader = new Utf8JsonReader(utf8Json.Span, new JsonReaderOptions { MaxDepth = 64 });
            reader.Read();
            return read(ref reader, path);
        }
        catch (JsonException ex)
        {
            throw new SkaftinDecodeException(DecodeErrorKind.MalformedJson, null, path, null, ex.Message, ex);
        }
        catch (InvalidOperationException ex)
        {
            throw new SkaftinDecodeException(DecodeErrorKind.MalformedJson, null, path, null, ex.Message, ex);
        }
    }

    /// <summary>Throws unless the reader is on a <c>{</c>.</summary>
    public static void ExpectObject(ref Utf8JsonReader reader, string path)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new SkaftinDecodeException(DecodeErrorKind.NotAnObject, null, path, SkaftinJson.Describe(ref reader), "expected a JSON object.");
        }
    }

    /// <summary>Moves to the next property name of the current object; false at its closing <c>}</c>.</summary>
    public static bool NextProperty(ref Utf8JsonReader reader) => reader.Read() && reader.TokenType == JsonTokenType.PropertyName;

    /// <summary>Keeps the property the reader is on (a name no reader knows) and its value in <paramref name="extra"/>.</summary>
    public static void KeepExtra(ref Utf8JsonReader reader, ref Dictionary<string, JsonElement>? extra)
    {
        var name = reader.GetString()!;
        reader.Read();
        (extra ??= new Dictionary<string, JsonElement>(StringComparer.Ordinal))[name] = JsonElement.ParseValue(ref reader);
    }

    /// <summary>The kept unknown fields, or the shared empty bag.</summary>
    public static IReadOnlyDictionary<string, JsonElement> Extra(Dictionary<string, JsonElement>? extra) => extra ?? NoExtra;

    /// <summary>
    /// Moves from the property name <paramref name="name"/> to its value and reads it with <paramref name="read"/>; a
    /// value of another shape is not an error: it is kept raw in <paramref name="extra"/> under its name, and the
    /// typed member stays unknown (the default). A backend's payload shapes are not fixed by the contract.
    /// </summary>
    public static T? Tolerant<T>(ref Utf8JsonReader reader, string name, ValueReader<T> read, ref Dictionary<string, JsonElement>? extra)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null)
        {
            return default; // said to be unknown: nothing to keep
        }

        var start = reader; // a copy of the reader is a bookmark: on failure the value is read again, raw
        try
        {
            return read(ref reader, name);
        }
        catch (SkaftinDecodeException)
        {
            reader = start;
            (extra ??= new Dictionary<string, JsonElement>(StringComparer.Ordinal))[name] = JsonElement.ParseValue(ref reader);
            return default;
        }
    }

    /// <summary>
    /// Reads <paramref name="utf8Json"/> (an event's <c>data</c> or <c>oldData</c>, already checked to be well-formed)
    /// leniently: null when absent, or when <paramref name="read"/> cannot make anything of it (the raw JSON stays on
    /// the event).
    /// </summary>
    public static T? DecodeTolerant<T>(ReadOnlyMemory<byte> utf8Json, string path, ValueReader<T> read)
        where T : class
    {
        if (utf8Json.IsEmpty)
        {
            return null;
        }

        try
        {
            return Decode(utf8Json, path, read);
        }
        catch (SkaftinDecodeException)
        {
            return null;
        }
    }

    /// <summary>Moves from a property name to its value and reads it with <paramref name="read"/>.</summary>
    public static T Field<T>(ref Utf8JsonReader reader, string path, ValueReader<T> read)
    {
        reader.Read();
        return read(ref reader, path);
    }

    /// <summary>A string (a number is taken as its text).</summary>
    public static string String(ref Utf8JsonReader reader, string path) => Lenient(ref reader, path, SkaftinJson.ReadString);

    /// <summary>A string, or null for <c>null</c>.</summary>
    public static string? NullableString(ref Utf8JsonReader reader, string path) =>
        reader.TokenType == JsonTokenType.Null ? null : String(ref reader, path);

    /// <summary>A boolean (<c>true</c>/<c>false</c>, <c>0</c>/<c>1</c>, as the row readers take it).</summary>
    public static bool Boolean(ref Utf8JsonReader reader, string path) => Lenient(ref reader, path, SkaftinJson.ReadBoolean);

    /// <summary>A whole number (or a string holding one).</summary>
    public static long Int64(ref Utf8JsonReader reader, string path) => Lenient(ref reader, path, SkaftinJson.ReadInt64);

    /// <summary><see cref="Boolean"/> for a member that may be unknown.</summary>
    public static bool? OptionalBoolean(ref Utf8JsonReader reader, string path) => Boolean(ref reader, path);

    /// <summary><see cref="Int64"/> for a member that may be unknown.</summary>
    public static long? OptionalInt64(ref Utf8JsonReader reader, string path) => Int64(ref reader, path);

    /// <summary><see cref="Timestamp"/> for a member that may be unknown.</summary>
    public static DateTimeOffset? OptionalTimestamp(ref Utf8JsonReader reader, string path) => Timestamp(ref reader, path);

    /// <summary>A list of strings.</summary>
    public static IReadOnlyList<string> Strings(ref Utf8JsonReader reader, string path) => List(ref reader, path, String);

    /// <summary>
    /// Walks the properties of the object the reader is on; on any other value (a string, an array, ...) there is
    /// nothing to walk: the value is skipped and false returned, so a reader builds its record with every member unknown.
    /// </summary>
    public static bool SkipUnlessObject(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.StartObject)
        {
            return true;
        }

        reader.Skip();
        return false;
    }

    /// <summary>An ISO 8601 timestamp or Unix milliseconds.</summary>
    public static DateTimeOffset Timestamp(ref Utf8JsonReader reader, string path) => Lenient(ref reader, path, SkaftinJson.ReadDateTimeOffset);

    /// <summary>Any JSON value, kept as it came.</summary>
    public static JsonElement Element(ref Utf8JsonReader reader, string path) => JsonElement.ParseValue(ref reader);

    /// <summary>A JSON array, each element read with <paramref name="element"/> and named <c>path[i]</c> in errors.</summary>
    public static IReadOnlyList<T> List<T>(ref Utf8JsonReader reader, string path, ValueReader<T> element)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw WrongType(ref reader, path, "a JSON array");
        }

        var list = new List<T>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            list.Add(element(ref reader, path + "[" + list.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]"));
        }

        return list;
    }

    /// <summary>The error for a required field that is absent.</summary>
    public static SkaftinDecodeException Missing(string path) =>
        new(DecodeErrorKind.MissingColumn, null, path, null, "the field is required but missing or null.");

    /// <summary>The error for a value of the wrong JSON type (or a <c>null</c> where one is required).</summary>
    public static SkaftinDecodeException WrongType(ref Utf8JsonReader reader, string path, string expected) =>
        reader.TokenType == JsonTokenType.Null
            ? new SkaftinDecodeException(DecodeErrorKind.NullNotAllowed, null, path, "null", $"expected {expected}.")
            : new SkaftinDecodeException(DecodeErrorKind.WrongType, null, path, SkaftinJson.Describe(ref reader), $"expected {expected}.");

    // The row readers name a table and a column; a payload field is named by its path alone.
    private static T Lenient<T>(ref Utf8JsonReader reader, string path, SkaftinValueReader<T> read)
    {
        try
        {
            return read(ref reader, path, path);
        }
        catch (SkaftinDecodeException ex)
        {
            throw new SkaftinDecodeException(ex.Kind, null, path, ex.OffendingText, ex.Detail, ex.InnerException);
        }
    }
}
