using System;
using System.Globalization;
using System.Text;
using System.Text.Json;
using CsCheck;
using Xunit;

namespace Skaftin.Realtime.Runtime.Tests;

/// <summary>
/// The one-pass timestamp reader for the common shape must agree with the general reader on every text it accepts
/// (same instant, same offset), and must leave everything else to it.
/// </summary>
public sealed class TimestampTests
{
    private static readonly string[] Separators = { "T", "t", " ", "_", "" };
    private static readonly string[] Suffixes = { "", "Z", "z", "+00:00", "-00:00", "+02:00", "-05:30", "+14:00", "-14:00", "+14:01", "+13:60", "+0200", "+02", "Zz", " ", "+02:00:00" };

    // Mostly well-formed timestamps, with every field at and beyond its bounds, odd fraction lengths, separators and offsets.
    private static readonly Gen<string> Dates =
        Gen.Select(Gen.OneOf(Gen.Int[1, 9999], Gen.Const(0), Gen.Const(1), Gen.Const(9999)), Gen.Int[0, 13], Gen.Int[0, 32])
            .Select(static d => string.Create(CultureInfo.InvariantCulture, $"{d.Item1:D4}-{d.Item2:D2}-{d.Item3:D2}"));

    private static readonly Gen<string> Times =
        Gen.Select(Gen.Int[0, 24], Gen.Int[0, 60], Gen.Int[0, 60], Gen.Int[-1, 9])
            .Select(static t => string.Create(CultureInfo.InvariantCulture, $"{t.Item1:D2}:{t.Item2:D2}:{t.Item3:D2}")
                + (t.Item4 < 0 ? "" : "." + "1234567891".Substring(0, t.Item4)));

    // Mostly well-formed timestamps, with every field at and beyond its bounds, odd fraction lengths, separators and offsets.
    private static readonly Gen<string> Timestamps =
        Gen.Select(Dates, Gen.Int[0, Separators.Length - 1], Times, Gen.Int[0, Suffixes.Length - 1])
            .Select(static t => t.Item1 + Separators[t.Item2] + t.Item3 + Suffixes[t.Item4]);

    private static void AgreesWithTheGeneralReader(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        if (!SkaftinJson.TryParseCommonTimestamp(bytes, out var fast))
        {
            return;
        }

        var json = Encoding.UTF8.GetBytes("\"" + text + "\"");
        var reader = new Utf8JsonReader(json);
        reader.Read();
        Assert.True(SkaftinJson.TryReadAnyTimestamp(ref reader, out var general), $"the general reader rejects '{text}'");
        Assert.Equal(general, fast);
        Assert.Equal(general.Offset, fast.Offset);
    }

    [Fact]
    public void TheFastPathAgreesWithTheGeneralReaderOnEverythingItAccepts() =>
        Timestamps.Sample(static text => AgreesWithTheGeneralReader(text), iter: 20_000);

    [Theory]
    [InlineData("2024-02-07T00:26:14.038+00:00", "2024-02-07T00:26:14.0380000+00:00")]
    [InlineData("2024-02-07 00:26:14", "2024-02-07T00:26:14.0000000+00:00")]
    [InlineData("2024-02-29T23:59:59.9999999Z", "2024-02-29T23:59:59.9999999+00:00")]
    [InlineData("0001-01-01T00:00:00-00:00", "0001-01-01T00:00:00.0000000+00:00")]
    [InlineData("2026-11-26T08:30:00-05:30", "2026-11-26T08:30:00.0000000-05:30")]
    public void CommonShapesAreReadInOnePass(string text, string expected)
    {
        Assert.True(SkaftinJson.TryParseCommonTimestamp(Encoding.UTF8.GetBytes(text), out var value));
        Assert.Equal(expected, value.ToString("O", CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("2023-02-29T00:00:00Z")] // no such day
    [InlineData("2024-01-01T24:00:00Z")]
    [InlineData("2024-01-01T00:00:00.12345678Z")] // more than 7 fraction digits: the general reader decides
    [InlineData("2024-01-01T00:00:00+0200")]
    [InlineData("2024-01-01T00:00:00+02")] // PostgreSQL's short offset: the general reader's job
    [InlineData("0001-01-01T00:00:00+01:00")] // before the first instant
    [InlineData("2024-01-01")]
    public void EverythingElseIsLeftToTheGeneralReader(string text) =>
        Assert.False(SkaftinJson.TryParseCommonTimestamp(Encoding.UTF8.GetBytes(text), out _));

    [Theory]
    [InlineData("2024-01-01 10:00:00+02")]
    [InlineData("2024-01-01T00:00:00.12345671Z")]
    public void TheGeneralReaderStillTakesTheFormsTheFastPathLeaves(string text)
    {
        var row = VehicleRowReader.Instance.Read(
            $$"""{"id":1,"registration_number":"CA 1","status":"available","created_at":"{{text}}"}""");

        Assert.Equal(DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).UtcDateTime, row.CreatedAt.UtcDateTime);
    }
}
