using System;
using System.Text;
using CsCheck;
using Xunit;

namespace Skaftin.Realtime.Runtime.Tests;

/// <summary>
/// Whatever bytes arrive, a generated reader returns a row or throws <see cref="SkaftinDecodeException"/>: nothing else,
/// no hang. Checked on arbitrary text and on valid rows with random damage.
/// </summary>
public sealed class PropertyTests
{
    private const string ValidVehicle = """{"id":1,"registration_number":"CA 1","status":"in_service","capacity":"4","created_at":"2026-11-26T08:30:00Z","extra":{"a":[1,2,{"b":null}]}}""";

    private static readonly Gen<string> JsonAlphabet =
        Gen.Char['\u0000', '\u007f'].Array[0, 80].Select(static c => new string(c));

    private static readonly string[] Tokens =
    {
        "{", "}", "[", "]", ",", ":", "\"id\"", "\"status\"", "\"capacity\"", "\"created_at\"", "\"registration_number\"",
        "1", "-1", "1e400", "0.5", "\"x\"", "\"in_service\"", "\"2026-11-26T08:30:00Z\"", "null", "true", "false", "\"\\u00e9\"", "\"\\ud800\"",
    };

    private static readonly Gen<string> JsonTokens =
        Gen.Int[0, Tokens.Length - 1].Select(static i => Tokens[i]).Array[0, 40].Select(static t => string.Concat(t));

    private static void ReadsOrFailsTyped(byte[] bytes)
    {
        try
        {
            VehicleRowReader.Instance.Read(bytes);
        }
        catch (SkaftinDecodeException)
        {
        }

        try
        {
            AllTypesRowReader.Instance.ReadArray(bytes);
        }
        catch (SkaftinDecodeException)
        {
        }

        new SkaftinEventRouter().DispatchDatabaseChange(bytes);
    }

    [Fact]
    public void ArbitraryTextGivesARowOrATypedError() =>
        JsonAlphabet.Sample(static text => ReadsOrFailsTyped(Encoding.UTF8.GetBytes(text)), iter: 5_000);

    [Fact]
    public void ArbitraryTokenSoupGivesARowOrATypedError() =>
        JsonTokens.Sample(static text => ReadsOrFailsTyped(Encoding.UTF8.GetBytes(text)), iter: 5_000);

    [Fact]
    public void ArbitraryBytesGiveARowOrATypedError() =>
        Gen.Byte.Array[0, 120].Sample(static bytes => ReadsOrFailsTyped(bytes), iter: 5_000);

    [Fact]
    public void DamagedValidRowsGiveARowOrATypedError()
    {
        var valid = Encoding.UTF8.GetBytes(ValidVehicle);
        var damage = Gen.Select(Gen.Int[0, valid.Length - 1], Gen.Byte, Gen.Int[0, 3]);
        damage.Sample(
            static (position, value, mode) =>
            {
                var bytes = Encoding.UTF8.GetBytes(ValidVehicle);
                bytes = mode switch
                {
                    0 => bytes[..position], // truncated
                    1 => Replace(bytes, position, value),
                    2 => Insert(bytes, position, value),
                    _ => Remove(bytes, position),
                };
                ReadsOrFailsTyped(bytes);
            },
            iter: 10_000);
    }

    [Fact]
    public void ValidRowsWithRandomValuesRoundTrip()
    {
        Gen.Select(Gen.Int, Gen.String[0, 30], Gen.Int[0, 2], Gen.Int.Nullable(), Gen.DateTimeOffset)
            .Sample(static (id, registration, status, capacity, createdAt) =>
            {
                var at = createdAt.ToUniversalTime();
                var json = $$"""{"id":{{id}},"registration_number":{{System.Text.Json.JsonSerializer.Serialize(registration)}},"status":{{status}},"capacity":{{(capacity is null ? "null" : "\"" + capacity + "\"")}},"created_at":"{{at:O}}"}""";
                var row = VehicleRowReader.Instance.Read(json);
                Assert.Equal(new Vehicle(id, registration, (VehicleStatus)status, capacity, at), row);
            }, iter: 2_000);
    }

    private static byte[] Replace(byte[] bytes, int position, byte value)
    {
        bytes[position] = value;
        return bytes;
    }

    private static byte[] Insert(byte[] bytes, int position, byte value)
    {
        var result = new byte[bytes.Length + 1];
        bytes.AsSpan(0, position).CopyTo(result);
        result[position] = value;
        bytes.AsSpan(position).CopyTo(result.AsSpan(position + 1));
        return result;
    }

    private static byte[] Remove(byte[] bytes, int position)
    {
        var result = new byte[bytes.Length - 1];
        bytes.AsSpan(0, position).CopyTo(result);
        bytes.AsSpan(position + 1).CopyTo(result.AsSpan(position));
        return result;
    }
}
