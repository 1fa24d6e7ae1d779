using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Numerics;
using System.Text.Json;
using CsCheck;

namespace Skaftin.Realtime.Generator.Tests.Differential;

/// <summary>
/// CsCheck generators of random models (every supported scalar type, nullable or not, in arrays and lists, enums with
/// flags, aliases, swapped aliases and case-only differences; positional, init, required and settable members;
/// [JsonPropertyName], [SkaftinColumn], [JsonIgnore] with each condition) and of random rows for them (valid values,
/// boundary values, escapes, invalid UTF-8, lone surrogate escapes, wrong kinds, missing, extra and duplicate columns).
/// Each value carries the README rule under which the reader may differ from System.Text.Json, if any.
/// </summary>
internal static class DiffGen
{
    private static readonly string[] Words =
    {
        "Value", "Name", "HTTPCode", "UserID", "Item2X", "Count", "IsOn", "Straße", "ÄrgerLevel", "Δelta", "ABC", "X", "Url2", "MaxValue",
    };

    private static readonly string[] EnumNames = { "Open", "OPEN", "Closed", "InService", "A", "B", "Zeta", "In_Use", "open" };

    private static readonly string[] Aliases = { "open", "closed", "in-service", "x y", "Ölig", "A", "B", "OPEN" };

    private static string Json(string text) => JsonSerializer.Serialize(text);

    private static string Number(BigInteger value) => value.ToString(CultureInfo.InvariantCulture);

    // One value of each generator, in order.
    private static Gen<T[]> All<T>(IReadOnlyList<Gen<T>> gens)
    {
        var all = Gen.Const(Array.Empty<T>());
        foreach (var gen in gens)
        {
            all = all.SelectMany(items => gen.Select(item => items.Append(item).ToArray()));
        }

        return all;
    }

    private static Gen<DiffCell> Same(params string[] jsons) => Gen.OneOf(jsons).Select(DiffCell.Same);

    private static Gen<DiffCell> Integer(BigInteger min, BigInteger max)
    {
        var inRange = max <= long.MaxValue
            ? Gen.Long[(long)min, (long)max].Select(static v => DiffCell.Same(v.ToString(CultureInfo.InvariantCulture)))
            : Gen.ULong.Select(static v => DiffCell.Same(v.ToString(CultureInfo.InvariantCulture)));
        var negativeZero = min < 0 ? DiffCell.Same("-0") : new DiffCell("-0", "0", Lenient: DiffRules.UnsignedNegativeZero);
        return Gen.Frequency(
            (8, inRange),
            (2, Same(Number(min), Number(max), Number(max + 1), Number(min - 1), "1e2", "1.0", "99999999999999999999999", "\"abc\"", "true", "{}", "\"" + Number(max + 1) + "\"", "\" 1\"", "\"+1\"", "01")),
            (1, Gen.Const(negativeZero)),
            (2, inRange.Select(static c => new DiffCell("\"" + c.Ours + "\"", c.Ours, Lenient: DiffRules.NumberInString))));
    }

    private static Gen<DiffCell> Floating(bool single)
    {
        var values = single
            ? Gen.Float.Where(static f => float.IsFinite(f)).Select(static f => JsonSerializer.Serialize(f))
            : Gen.Double.Where(static d => double.IsFinite(d)).Select(static d => JsonSerializer.Serialize(d));
        return Gen.Frequency(
            (8, values.Select(DiffCell.Same)),
            (2, Same("1e2", "-0", "-0.0", "1E-5", "0.1", "\"abc\"", "\"1.5 \"", "\"NaN \"", "null", "[]")),
            (1, Gen.Const(new DiffCell(single ? "3.5e38" : "1e400", single ? "3.5e38" : "1e400", Stricter: DiffRules.FiniteOverflow))),
            (2, values.Select(static v => new DiffCell("\"" + v + "\"", v, Lenient: DiffRules.NumberInString))));
    }

    private static readonly Gen<DiffCell> Decimals = Gen.Frequency(
        (8, Gen.Decimal.Select(static m => DiffCell.Same(JsonSerializer.Serialize(m)))),
        (2, Same("1e2", "1E-3", "-0", "2.50", "79228162514264337593543950336", "\"x\"")),
        (2, Gen.Decimal.Select(static m => JsonSerializer.Serialize(m)).Select(static v => new DiffCell("\"" + v + "\"", v, Lenient: DiffRules.NumberInString))));

    private static readonly Gen<DiffCell> Booleans = Gen.Frequency(
        (6, Same("true", "false")),
        (2, Same("2", "-0", "1.0", "\"yes\"", "null", "\"\"")),
        (3, Gen.OneOf(("1", "true"), ("0", "false"), ("\"t\"", "true"), ("\"FALSE\"", "false"), ("\"1\"", "true"), ("\"True\"", "true"))
            .Select(static p => new DiffCell(p.Item1, p.Item2, Lenient: DiffRules.BooleanForms))));

    private static readonly Gen<DiffCell> Strings = Gen.Frequency(
        (6, Gen.String[0, 12].Where(static s => !s.Any(char.IsSurrogate)).Select(static s => DiffCell.Same(Json(s)))),
        (3, Same("\"a\\u00e9\\n\\\"\\/\"", "\"\\ud83d\\ude00\"", "\"😀 raw ü\"", "\"\\ud800\"", "\"x\\udc00y\"", "\"a\uFFFFb\"", "\"\"", "true", "{}", "[\"a\"]")),
        (2, Gen.OneOf("12.50", "-0", "1e400", "7").Select(static n => new DiffCell(n, "\"" + n + "\"", Lenient: DiffRules.NumberAsString))));

    private static readonly Gen<DiffCell> Guids = Gen.Frequency(
        (6, Gen.Guid.Select(static g => DiffCell.Same(Json(g.ToString("D"))))),
        (1, Gen.Guid.Select(static g => DiffCell.Same(Json(g.ToString("D").ToUpperInvariant())))),
        (2, Gen.Guid.Select(static g => Json(g.ToString("B")))
            .Select(static t => DiffCell.Same(t))),
        (1, Same("\"\"", "\"00000000000000000000000000000000\"", "1")));

    private static readonly Gen<DateTime> Instants =
        Gen.Long[new DateTime(1900, 1, 1).Ticks, new DateTime(2200, 1, 1).Ticks].Select(static t => new DateTime(t / 10 * 10, DateTimeKind.Utc));

    private static readonly Gen<DiffCell> DateTimes = Gen.Frequency(
        (4, Instants.Select(static t => DiffCell.Same(JsonSerializer.Serialize(t)))),
        (2, Instants.Select(static t => DiffCell.Same(JsonSerializer.Serialize(DateTime.SpecifyKind(t, DateTimeKind.Unspecified))))),
        (2, Instants.Select(static t => DiffCell.Same(JsonSerializer.Serialize(new DateTimeOffset(t).ToOffset(TimeSpan.FromHours(2)))))),
        (2, Instants.Select(static t => JsonSerializer.Serialize(t)).Select(static s => new DiffCell(s.Replace('T', ' '), s, Lenient: DiffRules.TimestampForms))),
        (1, Gen.Long[0, 4_102_444_800_000L].Select(static ms => new DiffCell(ms.ToString(CultureInfo.InvariantCulture),
            JsonSerializer.Serialize(DateTime.UnixEpoch.AddMilliseconds(ms)), Lenient: DiffRules.TimestampForms))),
        (1, Same("\"2026-02-30T00:00:00Z\"", "\"2026-01-01\"", "\"2026-01-01T24:00:00Z\"", "\"x\"", "1.5")));

    private static readonly Gen<DiffCell> DateTimeOffsets = Gen.Frequency(
        (4, Gen.Select(Instants, Gen.Int[-14 * 4, 14 * 4]).Select(static (t, q) => DiffCell.Same(JsonSerializer.Serialize(new DateTimeOffset(t).ToOffset(TimeSpan.FromMinutes(q * 15)))))),
        (2, Instants.Select(static t => JsonSerializer.Serialize(new DateTimeOffset(t))).Select(static s => new DiffCell(s.Replace('T', ' '), s, Lenient: DiffRules.TimestampForms))),
        (1, Same("\"2026-01-01T10:00:00+15:00\"", "\"x\"", "true")));

    private static readonly Gen<DiffCell> Dates = Gen.Frequency(
        (4, Instants.Select(static t => DiffCell.Same(JsonSerializer.Serialize(DateOnly.FromDateTime(t))))),
        (2, Instants.Select(static t => new DiffCell(JsonSerializer.Serialize(t), JsonSerializer.Serialize(DateOnly.FromDateTime(t)), Lenient: DiffRules.TimestampForms))),
        (1, Same("\"2026-13-01\"", "\"2026-1-1\"", "20260101")));

    private static readonly Gen<DiffCell> Times = Gen.Frequency(
        (4, Gen.Long[0, TimeSpan.TicksPerDay - 1].Select(static t => DiffCell.Same(JsonSerializer.Serialize(new TimeOnly(t))))),
        (1, Same("\"25:00:00\"", "\"10:20:30Z\"", "\"x\"", "3600")));

    private static readonly Gen<DiffCell> JsonValues = Gen.Frequency(
        (6, Same("1", "-0.5e3", "\"s\"", "\"\\u00e9\"", "null", "true", "[]", "{}", "{\"a\":[1,{\"b\":null}]}", "[\"x\",2,[3]]", "{\"é\":\"ü\"}")),
        (2, Same("{\"a\":}", "[1,]", "tru")),
        (2, Gen.OneOf("\"\\ud800\"", "[\"a\\udc00\"]", "{\"\\ud800\":1}", "\"a\uFFFFb\"", "{\"k\":[\"\uFFFF\"]}", "{\"\uFFFF\":0}")
            .Select(static j => new DiffCell(j, j, Stricter: DiffRules.JsonElementText))));

    /// <summary>The scalar types every model may use (enums are added per model).</summary>
    public static readonly DiffScalar[] Scalars =
    {
        new("string", "string", false, Strings),
        new("bool", "bool", true, Booleans),
        new("byte", "byte", true, Integer(byte.MinValue, byte.MaxValue)),
        new("sbyte", "sbyte", true, Integer(sbyte.MinValue, sbyte.MaxValue)),
        new("short", "short", true, Integer(short.MinValue, short.MaxValue)),
        new("ushort", "ushort", true, Integer(ushort.MinValue, ushort.MaxValue)),
        new("int", "int", true, Integer(int.MinValue, int.MaxValue)),
        new("uint", "uint", true, Integer(uint.MinValue, uint.MaxValue)),
        new("long", "long", true, Integer(long.MinValue, long.MaxValue)),
        new("ulong", "ulong", true, Integer(ulong.MinValue, ulong.MaxValue)),
        new("float", "float", true, Floating(single: true)),
        new("double", "double", true, Floating(single: false)),
        new("decimal", "decimal", true, Decimals),
        new("Guid", "global::System.Guid", true, Guids),
        new("DateTime", "global::System.DateTime", true, DateTimes),
        new("DateTimeOffset", "global::System.DateTimeOffset", true, DateTimeOffsets),
        new("DateOnly", "global::System.DateOnly", true, Dates),
        new("TimeOnly", "global::System.TimeOnly", true, Times),
        new("JsonElement", "global::System.Text.Json.JsonElement", true, JsonValues),
    };

    private static Gen<DiffEnum> Enum(int index) =>
        Gen.Select(Gen.Bool, Gen.Shuffle(EnumNames, 1, 5), Gen.Bool)
            .SelectMany((flags, names, swap) => Gen.Int[0, Aliases.Length * 3].Array[names.Length].Select(aliasPicks =>
            {
                var members = new List<DiffEnumMember>();
                for (var i = 0; i < names.Length; i++)
                {
                    var alias = aliasPicks[i] < Aliases.Length ? Aliases[aliasPicks[i]] : null;
                    members.Add(new DiffEnumMember(names[i], alias, flags ? 1L << i : i));
                }

                // Swapped aliases: A named "B" and B named "A".
                var a = members.FindIndex(static m => m.Name == "A");
                var b = members.FindIndex(static m => m.Name == "B");
                if (swap && a >= 0 && b >= 0)
                {
                    members[a] = members[a] with { Alias = "B" };
                    members[b] = members[b] with { Alias = "A" };
                }

                // System.Text.Json refuses two members with one wire name: drop aliases until each is unique.
                for (var i = 0; i < members.Count; i++)
                {
                    if (members.Take(i).Any(m => m.WireName == members[i].WireName))
                    {
                        members[i] = members[i] with { Alias = null };
                    }
                }

                return members.Select(static m => m.WireName).Distinct(StringComparer.Ordinal).Count() == members.Count
                    ? new DiffEnum("E" + index, flags, members)
                    : new DiffEnum("E" + index, flags, members.Select(static (m, i) => m with { Alias = null }).ToList());
            }));

    private static DiffScalar EnumScalar(DiffEnum e)
    {
        var exact = Gen.Int[0, e.Members.Count - 1].Select(i => DiffCell.Same(Json(e.Members[i].WireName)));
        var number = Gen.Int[0, e.Members.Count - 1].Select(i => DiffCell.Same(e.Members[i].Value.ToString(CultureInfo.InvariantCulture)));
        var spelled = Gen.Select(Gen.Int[0, e.Members.Count - 1], Gen.Int[0, 3]).Select((i, how) =>
        {
            var member = e.Members[i];
            var text = how switch
            {
                0 => member.WireName.ToLowerInvariant(),
                1 => member.WireName.ToUpperInvariant(),
                2 => Parsing.Naming.ToSnakeCase(member.WireName),
                _ => member.Name,
            };
            var resolved = e.Resolve(text);
            if (resolved is null || e.Ambiguous(text))
            {
                return DiffCell.Same(Json(e.Members[i].WireName)); // the README names no winner for a spelling two members match
            }

            return text == resolved.WireName ? DiffCell.Same(Json(text)) : new DiffCell(Json(text), Json(resolved.WireName), Lenient: DiffRules.EnumSpellings);
        });
        var undefined = e.Flags ? (1L << e.Members.Count).ToString(CultureInfo.InvariantCulture) : e.Members.Count.ToString(CultureInfo.InvariantCulture);
        var cells = new List<(int, IGen<DiffCell>)>
        {
            (6, exact),
            (2, number),
            (3, spelled),
            (1, Gen.Int[0, e.Members.Count - 1].Select(i => new DiffCell(Json(e.Members[i].Value.ToString(CultureInfo.InvariantCulture)), e.Members[i].Value.ToString(CultureInfo.InvariantCulture), Lenient: DiffRules.EnumSpellings))),
            (1, Gen.Const(new DiffCell(undefined, undefined, Stricter: DiffRules.UndefinedEnumNumber))),
            (1, Same("\"nope\"", "\"\"", "1.5", "true", "null")),
        };
        if (e.Flags && e.Members.Count >= 2)
        {
            var list = Json(e.Members[0].WireName + ", " + e.Members[1].WireName);
            cells.Add((1, Gen.Const(new DiffCell(list, list, Stricter: DiffRules.FlagNameList))));
            cells.Add((1, Gen.Const(DiffCell.Same((e.Members[0].Value | e.Members[1].Value).ToString(CultureInfo.InvariantCulture)))));
        }

        return new DiffScalar(e.Name, e.Name, true, Gen.Frequency(cells.ToArray()), e);
    }

    private static Gen<DiffMember> Member(int index, IReadOnlyList<DiffScalar> scalars) =>
        Gen.Select(Gen.Int[0, scalars.Count - 1], Gen.Int[0, Words.Length - 1], Gen.Int[0, 9], Gen.Int[0, 3], Gen.Int[0, 11], Gen.Int[0, 7])
            .Select((scalar, word, wrap, form, ignore, naming) =>
            {
                var type = scalars[scalar];
                var wrapped = wrap switch
                {
                    < 5 => DiffWrap.None,
                    < 7 => DiffWrap.Nullable,
                    < 8 => type.Label == "byte" ? DiffWrap.List : DiffWrap.Array, // byte[] is D15, pinned elsewhere
                    _ => DiffWrap.List,
                };
                var declared = (DiffForm)form;
                var ignored = declared is DiffForm.Init or DiffForm.Settable && ignore < 6 ? (DiffIgnore)ignore : DiffIgnore.None;
                if (ignored == DiffIgnore.WhenWritingNull && wrapped == DiffWrap.None && type.IsValueType)
                {
                    ignored = DiffIgnore.WhenWritingDefault; // System.Text.Json refuses WhenWritingNull on a value type
                }

                var name = Words[word] + index.ToString(CultureInfo.InvariantCulture);
                var column = "c" + index.ToString(CultureInfo.InvariantCulture);
                return naming switch
                {
                    0 => new DiffMember(name, type, wrapped, declared, ignored, column + "_json é", null),
                    1 => new DiffMember(name, type, wrapped, declared, ignored, null, column + "_skaftin"),
                    2 => new DiffMember(name, type, wrapped, declared, ignored, column + "_json", column + "_skaftin"), // D16
                    _ => new DiffMember(name, type, wrapped, declared, ignored, null, null),
                };
            });

    /// <summary>A model with up to two enums and one to six members.</summary>
    public static Gen<DiffModel> Model(int index) =>
        Gen.Int[0, 2].SelectMany(enumCount =>
            Gen.Select(Enum(0), Enum(1)).SelectMany((e0, e1) =>
            {
                var enums = new[] { e0, e1 }.Take(enumCount).ToList();
                var scalars = Scalars.Concat(enums.Select(EnumScalar)).ToList();
                return Gen.Select(Gen.Int[1, 6], Gen.Int[0, 3], Gen.Int[0, 3]).SelectMany((count, context, shape) =>
                    All(Enumerable.Range(0, count).Select(i => Member(i, scalars)).ToArray())
                        .Select(members => new DiffModel(index, enums, members, Oblivious: context == 0, Inherited: shape == 0)));
            }));

    // A column's value as a member of its wrap takes it.
    private static Gen<DiffCell> Cell(DiffMember member, bool oblivious)
    {
        var scalar = member.Scalar.Values;
        switch (member.Wrap)
        {
            case DiffWrap.Nullable:
                return Gen.Frequency((1, Same("null")), (4, scalar));
            case DiffWrap.Array or DiffWrap.List:
                var nullElement = member.Scalar.IsValueType || oblivious ? DiffCell.Same("null") : new DiffCell("null", "null", Stricter: DiffRules.NullElement);
                var element = Gen.Frequency((8, scalar), (1, Gen.Const(nullElement)));
                return Gen.Frequency(
                    (1, Same("null", "{}", "\"[]\"")),
                    (8, element.Array[0, 3].Select(static cells => new DiffCell(
                        "[" + string.Join(",", cells.Select(static c => c.Ours!)) + "]",
                        "[" + string.Join(",", cells.Select(static c => c.Theirs!)) + "]",
                        cells.Select(static c => c.Lenient).FirstOrDefault(static l => l is not null),
                        cells.Select(static c => c.Stricter).FirstOrDefault(static s => s is not null)))));
            default:
                return Gen.Frequency((1, Same("null")), (9, scalar));
        }
    }

    // What a row without the member's column means, as a cell of its own: Ours null (absent), Theirs what System.Text.Json reads.
    private static DiffCell Missing(DiffMember member, bool oblivious) => member switch
    {
        { IsIgnored: true } => new DiffCell(null, null),
        { Form: DiffForm.Positional, Wrap: DiffWrap.Nullable } => new DiffCell(null, "null", Lenient: DiffRules.MissingNullableParameter),
        { Form: DiffForm.Init, IsNonNullableReference: true } when !oblivious => new DiffCell(null, null, Stricter: DiffRules.InitOnlyReference),
        _ => new DiffCell(null, null),
    };

    /// <summary>A row of <paramref name="model"/>: the reader's JSON, System.Text.Json's, and the rules drawn.</summary>
    public static Gen<DiffRow> Row(DiffModel model)
    {
        var columns = model.Members.Select(m => Gen.Frequency(
            (16, Cell(m, model.Oblivious).Select(static c => new[] { c })),
            (2, Gen.Const(new[] { Missing(m, model.Oblivious) })),
            (1, Gen.Select(Cell(m, model.Oblivious), Cell(m, model.Oblivious)).Select(static (a, b) => new[] { a, b })))).ToArray();
        var extra = Gen.Frequency((3, Gen.Const((string?)null)), (1, Gen.OneOf<string?>("1", "{\"x\":[null]}", "\"\\ud800\"")));
        return Gen.Select(All(columns), Gen.Int, extra, Gen.Bool).Select((cells, id, unknown, reversed) =>
        {
            var ours = new List<string>();
            var exact = new List<string>();
            var theirs = new List<string>();
            var lenient = new List<string>();
            var stricter = new List<string>();
            var order = Enumerable.Range(0, model.Members.Count);
            foreach (var i in reversed ? order.Reverse() : order)
            {
                var member = model.Members[i];
                foreach (var cell in cells[i])
                {
                    if (cell.Ours is not null)
                    {
                        ours.Add(Json(member.OurColumn) + ":" + cell.Ours);
                        exact.Add(Json(member.TheirColumn) + ":" + cell.Ours);
                    }

                    if (cell.Theirs is not null)
                    {
                        theirs.Add(Json(member.TheirColumn) + ":" + cell.Theirs);
                    }

                    // An ignored member's value reads as nothing in either reader: no rule is drawn by it.
                    if (!member.IsIgnored)
                    {
                        if (cell.Lenient is not null)
                        {
                            lenient.Add(cell.Lenient + " " + member.Name);
                        }

                        if (cell.Stricter is not null)
                        {
                            stricter.Add(cell.Stricter + " " + member.Name);
                        }
                    }
                }
            }

            var key = "\"id\":" + id.ToString(CultureInfo.InvariantCulture);
            var tail = unknown is null ? "" : ",\"zz_unknown\":" + unknown;
            string Object(List<string> items) => "{" + string.Join(",", new List<string> { key }.Concat(items)) + tail + "}";
            return new DiffRow(Object(ours), Object(exact), Object(theirs), lenient, stricter);
        });
    }
}

/// <summary>
/// One row: <see cref="Ours"/> for the generated reader; <see cref="Exact"/> the same values under System.Text.Json's
/// column names; <see cref="Theirs"/> with each lenient form replaced by the form System.Text.Json reads.
/// </summary>
internal sealed record DiffRow(string Ours, string Exact, string Theirs, IReadOnlyList<string> Lenient, IReadOnlyList<string> Stricter)
{
    /// <summary>UTF-8 bytes of a row text, each U+FFFF written as the invalid byte 0xFF.</summary>
    public static byte[] Bytes(string text)
    {
        var bytes = new List<byte>(System.Text.Encoding.UTF8.GetBytes(text));
        for (var i = 0; i + 2 < bytes.Count; i++)
        {
            if (bytes[i] == 0xEF && bytes[i + 1] == 0xBF && bytes[i + 2] == 0xBF)
            {
                bytes.RemoveRange(i, 3);
                bytes.Insert(i, 0xFF);
            }
        }

        return bytes.ToArray();
    }
}
