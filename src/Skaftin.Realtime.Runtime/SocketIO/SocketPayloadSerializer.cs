using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using SocketIOClient.JsonSerializer;

namespace Skaftin.Realtime;

/// <summary>
/// Replaces SocketIOClient's reflection-based serializer, so trimmed and NativeAOT apps work. The client only
/// ever sends strings (project ids) and the handshake's <c>auth</c> object, and reads raw JSON elements, so those
/// shapes are written by hand; anything else is a clear <see cref="NotSupportedException"/>, never a silent guess.
/// </summary>
internal sealed class SocketPayloadSerializer : IJsonSerializer
{
    public static readonly SocketPayloadSerializer Instance = new();

    public JsonSerializeResult Serialize(object[] data)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var item in data)
            {
                WriteValue(writer, item);
            }

            writer.WriteEndArray();
        }

        return new JsonSerializeResult { Json = Utf8Text.Decode(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)), Bytes = new List<byte[]>() };
    }

    public T Deserialize<T>(string json) => Deserialize<T>(json, Array.Empty<byte[]>());

    public T Deserialize<T>(string json, IList<byte[]> incomingBytes)
    {
        if (typeof(T) == typeof(JsonElement))
        {
            using var document = JsonDocument.Parse(json);
            return (T)(object)document.RootElement.Clone();
        }

        if (typeof(T) == typeof(string))
        {
            using var document = JsonDocument.Parse(json);
            return (T)(object)(document.RootElement.ValueKind == JsonValueKind.String ? document.RootElement.GetString()! : document.RootElement.GetRawText());
        }

        throw new NotSupportedException(
            $"The Skaftin client reads payloads as raw JSON and does not deserialize {typeof(T)}; use the generated row readers.");
    }

    private static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string text:
                writer.WriteStringValue(text);
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case int number:
                writer.WriteNumberValue(number);
                break;
            case long number:
                writer.WriteNumberValue(number);
                break;
            case double number:
                writer.WriteNumberValue(number);
                break;
            case JsonElement element:
                element.WriteTo(writer);
                break;
            case IEnumerable<KeyValuePair<string, string>> pairs:
                writer.WriteStartObject();
                foreach (var pair in pairs)
                {
                    writer.WriteString(pair.Key, pair.Value);
                }

                writer.WriteEndObject();
                break;
            default:
                throw new NotSupportedException($"The Skaftin client does not send values of type {value.GetType()}.");
        }
    }
}
