using System;
using System.Collections;
using System.Globalization;
using System.Linq;
using System.Text.Json;

namespace Skaftin.Realtime.Generator.Tests.Zoo;

/// <summary>
/// One canonical text per value, so a decoded member (from the zoo's own assembly) and an expected value (built in
/// the test) compare exactly: floats round-trip ("R"), decimals keep their scale, dates keep their kind and offset,
/// enums compare by their underlying number.
/// </summary>
internal static class ZooValue
{
    /// <summary>An expected enum value, by its underlying number (the enum type lives in the compiled zoo).</summary>
    public sealed record EnumNumber(string Value);

    public static string Canonical(object? value) => value switch
    {
        null => "null",
        string s => "\"" + s + "\"",
        EnumNumber e => "enum " + e.Value,
        Enum e => "enum " + Convert.ToString(Convert.ChangeType(e, Enum.GetUnderlyingType(e.GetType()), CultureInfo.InvariantCulture), CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        float f => "float " + f.ToString("R", CultureInfo.InvariantCulture),
        double d => "double " + d.ToString("R", CultureInfo.InvariantCulture),
        decimal m => "decimal " + m.ToString(CultureInfo.InvariantCulture),
        Guid g => "guid " + g.ToString("D"),
        DateTime t => "datetime " + t.ToString("O", CultureInfo.InvariantCulture) + " " + t.Kind,
        DateTimeOffset t => "datetimeoffset " + t.ToString("O", CultureInfo.InvariantCulture),
        DateOnly d => "dateonly " + d.ToString("O", CultureInfo.InvariantCulture),
        TimeOnly t => "timeonly " + t.ToString("O", CultureInfo.InvariantCulture),
        JsonElement j => "json " + (j.ValueKind == JsonValueKind.Undefined ? "undefined" : j.GetRawText()),
        IEnumerable items => "[" + string.Join(", ", items.Cast<object?>().Select(Canonical)) + "]",
        IFormattable number => "number " + number.ToString(null, CultureInfo.InvariantCulture),
        _ => value.GetType().FullName + " " + value,
    };
}
