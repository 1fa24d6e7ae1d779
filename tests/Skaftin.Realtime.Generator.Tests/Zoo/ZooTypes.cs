using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using E = Skaftin.Realtime.Generator.Tests.Zoo.ZooValue.EnumNumber;

namespace Skaftin.Realtime.Generator.Tests.Zoo;

/// <summary>
/// Every member type the README's table supports, built from the scalar kinds: each scalar, <c>Nullable&lt;T&gt;</c> of
/// each value type (and <c>string?</c>), and collections of all of those in every supported collection shape.
/// </summary>
internal static class ZooTypes
{
    /// <summary>The enums the zoo's models use: plain, [Flags], byte/long/ulong-based, and two whose dotted names join alike.</summary>
    public const string EnumSource = """
        namespace ZooTypes
        {
            public enum Plain { Zero, InService, Two }

            [global::System.Flags]
            public enum Perm { None = 0, Read = 1, Write = 2, Exec = 4 }

            public enum Small : byte { Low = 1, High = 255 }

            public enum Big : long { Min = long.MinValue, One = 1, Max = long.MaxValue }

            public enum Huge : ulong { One = 1, Top = ulong.MaxValue }

            public enum NestedPlain { First = 1, Second = 2 }

            public static class Nested
            {
                public enum Plain { Alpha = 10, Beta = 20 }
            }
        }
        """;

    private static readonly string[] CollectionShapes =
    {
        "global::System.Collections.Generic.IReadOnlyList<{0}>",
        "global::System.Collections.Generic.IList<{0}>",
        "global::System.Collections.Generic.ICollection<{0}>",
        "global::System.Collections.Generic.IReadOnlyCollection<{0}>",
        "global::System.Collections.Generic.IEnumerable<{0}>",
    };

    /// <summary>The scalar types (26).</summary>
    public static IReadOnlyList<ZooType> Scalars { get; } = BuildScalars();

    /// <summary>
    /// Whether JSON null must be a typed error for this type: a non-nullable value scalar (JSON null is a value of
    /// <see cref="JsonElement"/>, and reference types follow the nullable context).
    /// </summary>
    public static bool RejectsNull(ZooType type) => Scalars.Contains(type) && type.Label is not ("string" or "JsonElement");

    /// <summary>
    /// JSON values a scalar column must refuse with a typed error naming the column: numbers outside the type,
    /// enum numbers outside the underlying type or naming no member (for [Flags], bits no member defines), and
    /// text of the wrong shape. Empty for other types.
    /// </summary>
    public static IReadOnlyList<string> Refused(ZooType type) => type.Label switch
    {
        "string" => new[] { "{}", "[]", "true" },
        "bool" => new[] { "2", "\"yes\"", "null" },
        "byte" => new[] { "256", "-1", "1.5", "\"0x10\"" },
        "sbyte" => new[] { "128", "-129" },
        "short" => new[] { "32768", "-32769" },
        "ushort" => new[] { "65536", "-1" },
        "int" => new[] { "2147483648", "-2147483649", "\"12a\"", "1e3" },
        "uint" => new[] { "4294967296", "-1" },
        "long" => new[] { "9223372036854775808", "\"-9223372036854775809\"" },
        "ulong" => new[] { "18446744073709551616", "-1" },
        "float" => new[] { "\"abc\"", "true", "3.5e38" },
        "double" => new[] { "\"abc\"", "[]", "1e400" },
        "decimal" => new[] { "79228162514264337593543950336", "\"abc\"" },
        "Guid" => new[] { "\"not-a-guid\"", "42" },
        "DateTime" => new[] { "\"2026-13-01T00:00:00Z\"", "true", "\"01/02/2026\"", "\"10:00:00\"", "\"Jan 2026\"" },
        "DateTimeOffset" => new[] { "\"2026-02-30T00:00:00Z\"", "{}", "\"01/02/2026\"", "\"Jan 2026\"" },
        "DateOnly" => new[] { "\"2026-02-30\"", "1", "\"01/02/2026\"", "\"Jan 2026\"" },
        "TimeOnly" => new[] { "\"25:00\"", "1" },
        "JsonElement" => Array.Empty<string>(),
        "Plain" => new[] { "3", "\"nope\"", "-1" },
        "Perm" => new[] { "8", "\"nope\"", "-1" },
        "Small" => new[] { "256", "2", "-1" },
        "Big" => new[] { "9223372036854775808", "2" },
        "Huge" => new[] { "-1", "18446744073709551616", "2" },
        "NestedPlain" => new[] { "3", "0" },
        "Nested.Plain" => new[] { "11", "\"gamma\"" },
        _ => Array.Empty<string>(),
    };

    /// <summary>Every type of the zoo: scalars, nullables and collections.</summary>
    public static IReadOnlyList<ZooType> All { get; } = BuildAll();

    private static IReadOnlyList<ZooType> BuildAll()
    {
        var nullables = Scalars.Select(Nullable).ToList();
        var elements = Scalars.Concat(nullables).ToList();
        var all = new List<ZooType>(elements);
        for (var i = 0; i < elements.Count; i++)
        {
            // Every element in an array and a List<T>, and in one of the interface shapes in turn (covering each shape
            // with every fifth element); every fourth element also in an annotated List<T>?.
            all.Add(Collection(elements[i], "{0}[]", array: true, annotated: false));
            all.Add(Collection(elements[i], "global::System.Collections.Generic.List<{0}>", array: false, annotated: false));
            all.Add(Collection(elements[i], CollectionShapes[i % CollectionShapes.Length], array: false, annotated: false));
            if (i % 4 == 0)
            {
                all.Add(Collection(elements[i], "global::System.Collections.Generic.List<{0}>", array: false, annotated: true));
            }
        }

        return all;
    }

    private static IReadOnlyList<ZooType> BuildScalars()
    {
        var utc = DateTimeKind.Utc;
        return new List<ZooType>
        {
            Scalar("string", "string", "String",
                new ZooSample("\"plain\"", "plain"),
                new ZooSample("\"q\\\"\\\\\\u00e9\\ud83d\\ude00\\n\\t\"", "q\"\\\u00e9\U0001F600\n\t"),
                new ZooSample("12.50", "12.50")),
            Scalar("bool", "bool", "Boolean", new ZooSample("true", true), new ZooSample("false", false), new ZooSample("\"t\"", true)),
            Scalar("byte", "byte", "Byte", new ZooSample("255", (byte)255), new ZooSample("0", (byte)0), new ZooSample("\"200\"", (byte)200)),
            Scalar("sbyte", "sbyte", "SByte", new ZooSample("-128", (sbyte)-128), new ZooSample("127", (sbyte)127)),
            Scalar("short", "short", "Int16", new ZooSample("-32768", short.MinValue), new ZooSample("32767", short.MaxValue)),
            Scalar("ushort", "ushort", "UInt16", new ZooSample("65535", ushort.MaxValue), new ZooSample("0", (ushort)0)),
            Scalar("int", "int", "Int32", new ZooSample("-2147483648", int.MinValue), new ZooSample("2147483647", int.MaxValue), new ZooSample("\"123\"", 123)),
            Scalar("uint", "uint", "UInt32", new ZooSample("4294967295", uint.MaxValue), new ZooSample("0", 0u)),
            Scalar("long", "long", "Int64", new ZooSample("-9223372036854775808", long.MinValue), new ZooSample("\"9223372036854775807\"", long.MaxValue)),
            Scalar("ulong", "ulong", "UInt64", new ZooSample("18446744073709551615", ulong.MaxValue), new ZooSample("\"18446744073709551615\"", ulong.MaxValue), new ZooSample("0", 0UL)),
            Scalar("float", "float", "Single", new ZooSample("3.4028235E+38", float.MaxValue), new ZooSample("0.1", 0.1f), new ZooSample("-1.5", -1.5f)),
            Scalar("double", "double", "Double", new ZooSample("1.7976931348623157E+308", double.MaxValue), new ZooSample("5E-324", double.Epsilon), new ZooSample("0.1", 0.1)),
            Scalar("decimal", "decimal", "Decimal",
                new ZooSample("79228162514264337593543950335", decimal.MaxValue),
                new ZooSample("-0.0000000000000000000000000001", -0.0000000000000000000000000001m),
                new ZooSample("12.5", 12.5m)),
            Scalar("Guid", "global::System.Guid", "Guid",
                new ZooSample("\"0f8fad5b-d9cb-469f-a165-70867728950e\"", Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e")),
                new ZooSample("\"0F8FAD5B-D9CB-469F-A165-70867728950F\"", Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950f"))),
            Scalar("DateTime", "global::System.DateTime", "DateTime",
                new ZooSample("\"2026-01-02T03:04:05.1234567Z\"", new DateTime(2026, 1, 2, 3, 4, 5, utc).AddTicks(1234567)),
                new ZooSample("\"2026-01-02T03:04:05+02:00\"", new DateTime(2026, 1, 2, 1, 4, 5, utc)),
                new ZooSample("\"9999-12-31T23:59:59.9999999Z\"", new DateTime(DateTime.MaxValue.Ticks, utc))),
            Scalar("DateTimeOffset", "global::System.DateTimeOffset", "DateTimeOffset",
                new ZooSample("\"2026-01-02T03:04:05.1234567+05:30\"", new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.FromMinutes(330)).AddTicks(1234567)),
                new ZooSample("\"0001-01-01T00:00:00Z\"", DateTimeOffset.MinValue),
                new ZooSample("\"2026-06-30T23:59:59-11:00\"", new DateTimeOffset(2026, 6, 30, 23, 59, 59, TimeSpan.FromHours(-11)))),
            Scalar("DateOnly", "global::System.DateOnly", "DateOnly",
                new ZooSample("\"2024-02-29\"", new DateOnly(2024, 2, 29)),
                new ZooSample("\"0001-01-01\"", DateOnly.MinValue),
                new ZooSample("\"9999-12-31\"", DateOnly.MaxValue)),
            Scalar("TimeOnly", "global::System.TimeOnly", "TimeOnly",
                new ZooSample("\"23:59:59.9999999\"", TimeOnly.MaxValue),
                new ZooSample("\"00:00\"", TimeOnly.MinValue),
                new ZooSample("\"12:34:56\"", new TimeOnly(12, 34, 56))),
            Scalar("JsonElement", "global::System.Text.Json.JsonElement", "JsonElement",
                Json("{\"a\":[1,2.50,null],\"b\":\"x\\u00e9\"}"), Json("[]"), Json("null"), Json("-0.0")),
            Scalar("Plain", "global::ZooTypes.Plain", "Plain", new ZooSample("\"in_service\"", new E("1")), new ZooSample("\"TWO\"", new E("2")), new ZooSample("0", new E("0"))),
            Scalar("Perm", "global::ZooTypes.Perm", "Perm", new ZooSample("3", new E("3")), new ZooSample("\"write\"", new E("2")), new ZooSample("7", new E("7"))),
            Scalar("Small", "global::ZooTypes.Small", "Small", new ZooSample("\"high\"", new E("255")), new ZooSample("255", new E("255")), new ZooSample("1", new E("1"))),
            Scalar("Big", "global::ZooTypes.Big", "Big", new ZooSample("\"max\"", new E("9223372036854775807")), new ZooSample("-9223372036854775808", new E("-9223372036854775808"))),
            Scalar("Huge", "global::ZooTypes.Huge", "Huge", new ZooSample("\"top\"", new E("18446744073709551615")), new ZooSample("18446744073709551615", new E("18446744073709551615")), new ZooSample("1", new E("1"))),
            Scalar("NestedPlain", "global::ZooTypes.NestedPlain", "NestedPlain", new ZooSample("\"second\"", new E("2")), new ZooSample("1", new E("1"))),
            Scalar("Nested.Plain", "global::ZooTypes.Nested.Plain", "Plain", new ZooSample("\"beta\"", new E("20")), new ZooSample("10", new E("10"))),
        }.Select(WithDefaults).ToList();
    }

    // The initializer and parameter default of each scalar: never the type's default, so a reader that drops them shows.
    private static ZooType WithDefaults(ZooType type) => type.Label switch
    {
        "string" => type with { InitializerCode = "\"init\"", InitializerValue = "init", ParameterDefaultCode = "\"d\\\"\\\\e\\u00e9\"", ParameterDefaultValue = "d\"\\e\u00e9" },
        "bool" => type with { InitializerCode = "true", InitializerValue = true, ParameterDefaultCode = "true", ParameterDefaultValue = true },
        "byte" => type with { InitializerCode = "(byte)7", InitializerValue = (byte)7, ParameterDefaultCode = "255", ParameterDefaultValue = (byte)255 },
        "sbyte" => type with { InitializerCode = "(sbyte)-7", InitializerValue = (sbyte)-7, ParameterDefaultCode = "-128", ParameterDefaultValue = (sbyte)-128 },
        "short" => type with { InitializerCode = "(short)-7", InitializerValue = (short)-7, ParameterDefaultCode = "-32768", ParameterDefaultValue = short.MinValue },
        "ushort" => type with { InitializerCode = "(ushort)7", InitializerValue = (ushort)7, ParameterDefaultCode = "65535", ParameterDefaultValue = ushort.MaxValue },
        "int" => type with { InitializerCode = "-7", InitializerValue = -7, ParameterDefaultCode = "-2147483648", ParameterDefaultValue = int.MinValue },
        "uint" => type with { InitializerCode = "7u", InitializerValue = 7u, ParameterDefaultCode = "4294967295", ParameterDefaultValue = uint.MaxValue },
        "long" => type with { InitializerCode = "-7L", InitializerValue = -7L, ParameterDefaultCode = "-9223372036854775808", ParameterDefaultValue = long.MinValue },
        "ulong" => type with { InitializerCode = "7UL", InitializerValue = 7UL, ParameterDefaultCode = "18446744073709551615", ParameterDefaultValue = ulong.MaxValue },
        "float" => type with { InitializerCode = "1.25f", InitializerValue = 1.25f, ParameterDefaultCode = "float.PositiveInfinity", ParameterDefaultValue = float.PositiveInfinity },
        "double" => type with { InitializerCode = "-1.25", InitializerValue = -1.25, ParameterDefaultCode = "double.NaN", ParameterDefaultValue = double.NaN },
        "decimal" => type with { InitializerCode = "1.25m", InitializerValue = 1.25m, ParameterDefaultCode = "-1.5m", ParameterDefaultValue = -1.5m },
        "Guid" => type with
        {
            InitializerCode = "new global::System.Guid(\"11111111-2222-3333-4444-555555555555\")", InitializerValue = Guid.Parse("11111111-2222-3333-4444-555555555555"),
            ParameterDefaultCode = "default", ParameterDefaultValue = Guid.Empty,
        },
        "DateTime" => type with
        {
            InitializerCode = "new global::System.DateTime(2001, 2, 3, 4, 5, 6, global::System.DateTimeKind.Utc)", InitializerValue = new DateTime(2001, 2, 3, 4, 5, 6, DateTimeKind.Utc),
            ParameterDefaultCode = "default", ParameterDefaultValue = default(DateTime),
        },
        "DateTimeOffset" => type with
        {
            InitializerCode = "new global::System.DateTimeOffset(2001, 2, 3, 4, 5, 6, global::System.TimeSpan.FromHours(-3))", InitializerValue = new DateTimeOffset(2001, 2, 3, 4, 5, 6, TimeSpan.FromHours(-3)),
            ParameterDefaultCode = "default", ParameterDefaultValue = default(DateTimeOffset),
        },
        "DateOnly" => type with
        {
            InitializerCode = "new global::System.DateOnly(2001, 2, 3)", InitializerValue = new DateOnly(2001, 2, 3),
            ParameterDefaultCode = "default", ParameterDefaultValue = default(DateOnly),
        },
        "TimeOnly" => type with
        {
            InitializerCode = "new global::System.TimeOnly(4, 5, 6)", InitializerValue = new TimeOnly(4, 5, 6),
            ParameterDefaultCode = "default", ParameterDefaultValue = default(TimeOnly),
        },
        "JsonElement" => type with
        {
            InitializerCode = "global::System.Text.Json.JsonDocument.Parse(\"[7]\").RootElement", InitializerValue = JsonDocument.Parse("[7]").RootElement,
            ParameterDefaultCode = "default", ParameterDefaultValue = default(JsonElement),
        },
        "Plain" => EnumDefaults(type, "InService", "1", "Two", "2"),
        "Perm" => type with
        {
            InitializerCode = "global::ZooTypes.Perm.Read | global::ZooTypes.Perm.Exec", InitializerValue = new E("5"),
            ParameterDefaultCode = "global::ZooTypes.Perm.Read | global::ZooTypes.Perm.Write", ParameterDefaultValue = new E("3"),
        },
        "Small" => EnumDefaults(type, "High", "255", "High", "255"),
        "Big" => EnumDefaults(type, "Max", "9223372036854775807", "Min", "-9223372036854775808"),
        "Huge" => EnumDefaults(type, "One", "1", "Top", "18446744073709551615"),
        "NestedPlain" => EnumDefaults(type, "Second", "2", "First", "1"),
        "Nested.Plain" => EnumDefaults(type, "Beta", "20", "Alpha", "10"),
        _ => throw new ArgumentException("no defaults for " + type.Label),
    };

    private static ZooType EnumDefaults(ZooType type, string initializer, string initializerValue, string parameter, string parameterValue) => type with
    {
        InitializerCode = type.Code + "." + initializer, InitializerValue = new E(initializerValue),
        ParameterDefaultCode = type.Code + "." + parameter, ParameterDefaultValue = new E(parameterValue),
    };

    private static ZooType Scalar(string label, string code, string simpleName, params ZooSample[] samples) =>
        new(label, code, AcceptsNull: false, simpleName, samples, "", null, "", null);

    private static ZooSample Json(string json) => new(json, JsonDocument.Parse(json).RootElement.Clone());

    // T? of a scalar: Nullable<T> for value types, the annotated reference for string. Adds null to the samples;
    // keeps the scalar's defaults where a constant can express them, else null.
    private static ZooType Nullable(ZooType scalar)
    {
        var constant = scalar.ParameterDefaultCode != "default";
        return scalar with
        {
            Label = scalar.Label + "?",
            Code = scalar.Code + "?",
            AcceptsNull = true,
            Samples = scalar.Samples.Take(2).Append(new ZooSample("null", null)).ToList(),
            ParameterDefaultCode = constant ? scalar.ParameterDefaultCode : "null",
            ParameterDefaultValue = constant ? scalar.ParameterDefaultValue : null,
        };
    }

    private static ZooType Collection(ZooType element, string shape, bool array, bool annotated)
    {
        var code = string.Format(CultureInfo.InvariantCulture, shape, element.Code) + (annotated ? "?" : "");
        var label = string.Format(CultureInfo.InvariantCulture, shape.Replace("global::System.Collections.Generic.", ""), element.Label) + (annotated ? "?" : "");
        var twoValues = element.Samples.Take(2).ToList();
        var samples = new List<ZooSample>
        {
            new("[" + string.Join(",", twoValues.Select(static s => s.Json)) + "]", twoValues.Select(static s => s.Expected).ToList()),
            new("[]", new List<object?>()),
        };
        if (element.AcceptsNull)
        {
            samples.Add(new ZooSample("[null," + twoValues[0].Json + "]", new List<object?> { null, twoValues[0].Expected }));
        }

        if (annotated)
        {
            samples.Add(new ZooSample("null", null));
        }

        var initializer = array
            ? $"new {element.Code}[] {{ {element.InitializerCode} }}"
            : $"new global::System.Collections.Generic.List<{element.Code}> {{ {element.InitializerCode} }}";
        return new ZooType(label, code, annotated, array ? "Array" : "List", samples,
            initializer, new List<object?> { element.InitializerValue }, "null", null);
    }
}
