using System;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Xunit;

namespace Skaftin.Realtime.Runtime.Tests;

/// <summary>What decoding one value gave: the value, or the typed error.</summary>
internal sealed record Outcome<T>(T? Value, SkaftinDecodeException? Error)
{
    private static readonly JsonSerializerOptions Canonical = new() { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };

    public bool Succeeded => Error is null;

    /// <summary>Everything observable, culture-free: the value as JSON, or the error's kind, column, offending text and message.</summary>
    public string Text => Error is null
        ? "= " + JsonSerializer.Serialize(Value, Canonical)
        : $"! {Error.Kind} {Error.ColumnName} {Error.OffendingText} {Error.Message}";
}

/// <summary>
/// Decodes one column of the <c>D…</c> tables (see DecodingModels.cs) under a Turkish, a German and a US culture and
/// asserts each gave the same outcome, so no reader may depend on the current culture.
/// </summary>
internal static class DecodeHarness
{
    public static readonly CultureInfo[] Cultures = { new("tr-TR"), new("de-DE"), new("en-US") };

    /// <summary>A row of any <c>D…</c> table with <paramref name="valueJson"/> in its <c>value</c> column.</summary>
    public static string Row(string valueJson) => $$"""{"value":{{valueJson}},"maybe":null,"many":[],"fixed":[],"sparse":[]}""";

    /// <summary>Decodes <paramref name="valueJson"/> as the <c>value</c> column under each culture; the outcome, the same in each.</summary>
    public static Outcome<T> Value<TRow, TKey, T>(SkaftinRowReader<TRow, TKey> reader, Func<TRow, T> pick, string valueJson)
        where TRow : class
    {
        Outcome<T>? first = null;
        foreach (var culture in Cultures)
        {
            var outcome = InCulture(culture, () => Once(reader, pick, Row(valueJson)));
            if (first is null)
            {
                first = outcome;
            }
            else
            {
                Assert.Equal(first.Text, outcome.Text);
            }
        }

        return first!;
    }

    /// <summary>The decoded value, or a failed assertion naming the error.</summary>
    public static T Accepts<TRow, TKey, T>(SkaftinRowReader<TRow, TKey> reader, Func<TRow, T> pick, string valueJson)
        where TRow : class
    {
        var outcome = Value(reader, pick, valueJson);
        Assert.True(outcome.Succeeded, $"{valueJson} was rejected: {outcome.Error?.Message}");
        return outcome.Value!;
    }

    /// <summary>The typed error for the <c>value</c> column, or a failed assertion naming the value read instead.</summary>
    public static SkaftinDecodeException Rejects<TRow, TKey, T>(SkaftinRowReader<TRow, TKey> reader, Func<TRow, T> pick, string valueJson)
        where TRow : class
    {
        var outcome = Value(reader, pick, valueJson);
        Assert.False(outcome.Succeeded, $"{valueJson} was read as {outcome.Text}");
        Assert.Equal("value", outcome.Error!.ColumnName);
        return outcome.Error;
    }

    public static TResult InCulture<TResult>(CultureInfo culture, Func<TResult> action)
    {
        var (current, ui) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = culture;
            return action();
        }
        finally
        {
            CultureInfo.CurrentCulture = current;
            CultureInfo.CurrentUICulture = ui;
        }
    }

    private static Outcome<T> Once<TRow, TKey, T>(SkaftinRowReader<TRow, TKey> reader, Func<TRow, T> pick, string json)
        where TRow : class
    {
        try
        {
            return new Outcome<T>(pick(reader.Read(json)), null);
        }
        catch (SkaftinDecodeException error)
        {
            return new Outcome<T>(default, error);
        }
    }
}
