using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using Newtonsoft.Json.Converters;
using Newtonsoft.Json.Linq;
using Newtonsoft.Json.Serialization;
using SocketIOClient;
using SocketIOClient.JsonSerializer;

namespace Skaftin.Realtime.Benchmarks.Decoding;

/// <summary>
/// Written for this comparison: System.Text.Json has no option that reads <c>0</c>/<c>1</c> as a boolean, and the
/// payloads send booleans that way, so without this converter every decoder but ours throws on them.
/// It also accepts <c>true</c>/<c>false</c> and the strings our reader accepts, so the work is comparable.
/// </summary>
public sealed class LenientBooleanConverter : JsonConverter<bool>
{
    public override bool Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.True:
                return true;
            case JsonTokenType.False:
                return false;
            case JsonTokenType.Number when reader.TryGetInt32(out var number) && number is 0 or 1:
                return number == 1;
            case JsonTokenType.String:
                if (reader.ValueTextEquals("1"u8) || reader.ValueTextEquals("t"u8) || reader.ValueTextEquals("true"u8))
                {
                    return true;
                }

                if (reader.ValueTextEquals("0"u8) || reader.ValueTextEquals("f"u8) || reader.ValueTextEquals("false"u8))
                {
                    return false;
                }

                break;
        }

        throw new JsonException($"Cannot read {reader.TokenType} as a boolean.");
    }

    public override void Write(Utf8JsonWriter writer, bool value, JsonSerializerOptions options) => writer.WriteBooleanValue(value);
}

/// <summary>Snake-case string enums for the source-generated context (attribute converters need a parameterless constructor).</summary>
public sealed class SnakeCaseEnumConverter<TEnum>() : JsonStringEnumConverter<TEnum>(JsonNamingPolicy.SnakeCaseLower)
    where TEnum : struct, Enum;

/// <summary>System.Text.Json options that accept the same lenient payloads as the generated readers.</summary>
public static class StjOptions
{
    /// <summary>One cached instance (metadata is built on first use and reused), as an app would hold it.</summary>
    public static JsonSerializerOptions Reflection { get; } = Create();

    /// <summary>A fresh instance: what SocketIOClient's serializer needs on every call (it adds a converter to the options it is given).</summary>
    public static JsonSerializerOptions Create() => new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
        Converters =
        {
            new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower),
            new LenientBooleanConverter(),
        },
    };
}

/// <summary>The source-generated metadata, with the same naming, number handling and converters as <see cref="StjOptions.Create"/>.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    Converters = new[] { typeof(SnakeCaseEnumConverter<VehicleStatus>), typeof(SnakeCaseEnumConverter<TripStatus>), typeof(LenientBooleanConverter) })]
[JsonSerializable(typeof(Vehicle))]
[JsonSerializable(typeof(Trip))]
[JsonSerializable(typeof(Document))]
[JsonSerializable(typeof(List<Vehicle>))]
public sealed partial class BenchJsonContext : JsonSerializerContext;

/// <summary>Newtonsoft.Json set up to accept the same payloads.</summary>
public static class NewtonsoftSetup
{
    public static Newtonsoft.Json.JsonSerializer Serializer { get; } = Newtonsoft.Json.JsonSerializer.Create(new Newtonsoft.Json.JsonSerializerSettings
    {
        ContractResolver = new DefaultContractResolver { NamingStrategy = new SnakeCaseNamingStrategy() },
        Converters =
        {
            new StringEnumConverter(new SnakeCaseNamingStrategy()),
            new NewtonsoftJsonElementConverter(),
        },
    });
}

/// <summary>
/// Written for this comparison: Newtonsoft cannot create a System.Text.Json <see cref="JsonElement"/>; this converter
/// writes the token back to text and parses it with <see cref="JsonDocument"/>, the least an app could do.
/// </summary>
public sealed class NewtonsoftJsonElementConverter : Newtonsoft.Json.JsonConverter<JsonElement>
{
    public override JsonElement ReadJson(Newtonsoft.Json.JsonReader reader, Type objectType, JsonElement existingValue, bool hasExistingValue, Newtonsoft.Json.JsonSerializer serializer)
    {
        var token = JToken.ReadFrom(reader);
        using var document = JsonDocument.Parse(token.ToString(Newtonsoft.Json.Formatting.None));
        return document.RootElement.Clone();
    }

    public override void WriteJson(Newtonsoft.Json.JsonWriter writer, JsonElement value, Newtonsoft.Json.JsonSerializer serializer) =>
        writer.WriteRawValue(value.GetRawText());
}

/// <summary>
/// SocketIOClient 3.0.6's own path: a real <see cref="SocketIOResponse"/> (its public constructor) over the parsed
/// argument, on a never-connected <see cref="SocketIO"/> whose <see cref="SystemTextJsonSerializer"/> is given the
/// snake_case options. <c>GetValue&lt;T&gt;</c> then does what it does in an event handler: <c>GetRawText()</c> of the
/// element and <c>Deserialize&lt;T&gt;(text)</c> with the options its <c>OptionsProvider</c> returns.
/// The provider must return a fresh instance each call: the library adds a converter to the options it gets,
/// so a cached instance throws on the second call (checked in <see cref="Verification"/>).
/// </summary>
public static class SocketIOClientSetup
{
    private static readonly SocketIO Socket = new("http://127.0.0.1:9")
    {
        JsonSerializer = new SystemTextJsonSerializer { OptionsProvider = StjOptions.Create },
    };

    /// <summary>Wraps <paramref name="json"/> the way the library hands an event's first argument to a handler.</summary>
    public static SocketIOResponse Response(string json)
    {
        // The library parses each frame into a JsonDocument and never disposes it; neither do we.
        var document = JsonDocument.Parse(json);
        return new SocketIOResponse(new List<JsonElement> { document.RootElement }, Socket);
    }

    /// <summary>A socket whose serializer is handed one cached options instance, to show it fails.</summary>
    public static SocketIOResponse ResponseWithCachedOptions(string json)
    {
        var cached = StjOptions.Create();
        var socket = new SocketIO("http://127.0.0.1:9")
        {
            JsonSerializer = new SystemTextJsonSerializer { OptionsProvider = () => cached },
        };
        return new SocketIOResponse(new List<JsonElement> { JsonDocument.Parse(json).RootElement }, socket);
    }
}

/// <summary>The floor: a bare <see cref="Utf8JsonReader"/> walk over every token, building nothing.</summary>
public static class Floor
{
    private static readonly JsonReaderOptions Options = new() { MaxDepth = 64 };

    public static int Walk(ReadOnlySpan<byte> utf8Json)
    {
        var reader = new Utf8JsonReader(utf8Json, Options);
        var touched = 0;
        while (reader.Read())
        {
            touched += (int)reader.TokenType + reader.ValueSpan.Length;
        }

        return touched;
    }
}
