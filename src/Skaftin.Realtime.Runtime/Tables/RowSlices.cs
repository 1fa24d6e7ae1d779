using System;
using System.Collections.Generic;
using System.Text.Json;

namespace Skaftin.Realtime;

/// <summary>
/// A row event's <c>data</c> (or <c>oldData</c>) as one slice per row: the value itself when it is an object, each
/// element when it is an array (a bulk write announced once).
/// </summary>
internal static class RowSlices
{
    /// <summary>Whether <paramref name="value"/> (valid JSON) is an array, by its first token, without reading it.</summary>
    /// <param name="value">The raw value.</param>
    /// <returns>True for an array of rows.</returns>
    public static bool IsArray(ReadOnlyMemory<byte> value)
    {
        foreach (var b in value.Span)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                return b == (byte)'[';
            }
        }

        return false;
    }

    /// <summary>Splits <paramref name="value"/> (valid JSON: the envelope parser already read it whole).</summary>
    /// <param name="value">The raw value.</param>
    /// <param name="isArray">Whether it was an array.</param>
    /// <returns>The rows' slices, in order.</returns>
    public static List<ReadOnlyMemory<byte>> Split(ReadOnlyMemory<byte> value, out bool isArray)
    {
        var slices = new List<ReadOnlyMemory<byte>>(1);
        var reader = new Utf8JsonReader(value.Span, SkaftinRowReader<object, SkaftinNoKey>.ReaderOptions);
        reader.Read();
        isArray = reader.TokenType == JsonTokenType.StartArray;
        if (!isArray)
        {
            slices.Add(value);
            return slices;
        }

        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var start = (int)reader.TokenStartIndex;
            reader.Skip();
            slices.Add(value.Slice(start, (int)reader.BytesConsumed - start));
        }

        return slices;
    }
}
