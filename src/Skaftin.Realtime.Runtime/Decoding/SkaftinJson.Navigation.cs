using System;
using System.Collections.Generic;
using System.Text.Json;

namespace Skaftin.Realtime;

// Walking the row: its object, its properties, arrays of values, and JSON columns.
public static partial class SkaftinJson
{
    /// <summary>Moves to the row's <c>{</c> (reading it first if the reader has not started) or throws.</summary>
    /// <param name="reader">The reader.</param>
    /// <param name="table">The table being decoded.</param>
    public static void ReadStartObject(ref Utf8JsonReader reader, string table)
    {
        if (reader.TokenType == JsonTokenType.None || reader.TokenType == JsonTokenType.PropertyName)
        {
            Advance(ref reader, table, null);
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new SkaftinDecodeException(DecodeErrorKind.NotAnObject, table, null, Describe(ref reader), "expected a JSON object.");
        }
    }

    /// <summary>Moves to the next property name of the current object; false at its closing <c>}</c>.</summary>
    /// <param name="reader">The reader.</param>
    /// <param name="table">The table being decoded.</param>
    /// <returns>True when the reader is on a property name.</returns>
    public static bool ReadPropertyName(ref Utf8JsonReader reader, string table)
    {
        Advance(ref reader, table, null);
        return reader.TokenType == JsonTokenType.PropertyName;
    }

    /// <summary>Moves from a property name to its value.</summary>
    /// <param name="reader">The reader.</param>
    /// <param name="table">The table being decoded.</param>
    /// <param name="column">The column being decoded.</param>
    public static void ReadValue(ref Utf8JsonReader reader, string table, string column) => Advance(ref reader, table, column);

    /// <summary>Skips the value of a property the row type does not declare.</summary>
    /// <param name="reader">The reader, on the property name.</param>
    /// <param name="table">The table being decoded.</param>
    public static void SkipValue(ref Utf8JsonReader reader, string table)
    {
        if (!reader.TrySkip())
        {
            throw Truncated(table, null);
        }
    }

    /// <summary>
    /// Reads any JSON value as a <see cref="JsonElement"/> (for JSON columns). Every string in it, property names
    /// included, must be text as a string column's is: valid UTF-8 and no lone surrogate escape, so the element's
    /// <c>GetRawText()</c> and <c>GetString()</c> never throw later.
    /// </summary>
    public static JsonElement ReadJsonElement(ref Utf8JsonReader reader, string table, string column)
    {
        // A copy walks the value first (the reader itself stays put for ParseValue); a container ends on the token
        // back at its own depth.
        var scan = reader;
        EnsureText(in scan, table, column);
        if (scan.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
        {
            var depth = scan.CurrentDepth;
            while (true)
            {
                Advance(ref scan, table, column);
                if (scan.CurrentDepth == depth)
                {
                    break;
                }

                EnsureText(in scan, table, column);
            }
        }

        return JsonElement.ParseValue(ref reader);
    }

    private static void EnsureText(in Utf8JsonReader reader, string table, string column)
    {
        if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.PropertyName))
        {
            return;
        }

        var valid = true;
        if (!reader.HasValueSequence && !reader.ValueIsEscaped)
        {
            valid = Utf8Text.IsValid(reader.ValueSpan);
        }
        else
        {
            var buffer = new byte[reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length];
            try
            {
                valid = Utf8Text.IsValid(buffer.AsSpan(0, reader.CopyString(buffer)));
            }
            catch (InvalidOperationException)
            {
                valid = false; // a lone surrogate escape
            }
        }

        if (!valid)
        {
            throw new SkaftinDecodeException(DecodeErrorKind.WrongType, table, column, NotUnicode,
                "expected JSON whose strings are valid Unicode (no invalid UTF-8, no lone surrogate escape).");
        }
    }

    /// <summary>Reads a JSON array into a list, each element with <paramref name="element"/>.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    public static List<T> ReadList<T>(ref Utf8JsonReader reader, string table, string column, SkaftinValueReader<T> element)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw Mismatch(ref reader, table, column, "a JSON array");
        }

        var list = new List<T>();
        while (true)
        {
            Advance(ref reader, table, column);
            if (reader.TokenType == JsonTokenType.EndArray)
            {
                return list;
            }

            list.Add(element(ref reader, table, column));
        }
    }

    private static void Advance(ref Utf8JsonReader reader, string table, string? column)
    {
        if (!reader.Read())
        {
            throw Truncated(table, column);
        }
    }
}
