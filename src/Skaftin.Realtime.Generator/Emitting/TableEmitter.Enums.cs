using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using Skaftin.Realtime.Generator.Model;

namespace Skaftin.Realtime.Generator.Emitting;

internal static partial class TableEmitter
{
    private static void WriteEnumReader(SourceWriter w, EnumSpec spec)
    {
        using (w.Block($"private static {spec.FullName} {spec.ReaderName}(ref {Json}.Utf8JsonReader reader, string table, string column)"))
        {
            using (w.Block($"if (reader.TokenType == {Json}.JsonTokenType.String)"))
            {
                // Scratch space only for escaped or split text (stackalloc zeroes it; plain text is read in place).
                w.Line("global::System.Span<byte> scratch = reader.ValueIsEscaped || reader.HasValueSequence ? stackalloc byte[64] : default;");
                w.Line("global::System.ReadOnlySpan<byte> text = scratch.IsEmpty");
                w.Line("    ? reader.ValueSpan");
                w.Line($"    : scratch.Slice(0, {Runtime}.SkaftinJson.CopyEscapedText(ref reader, scratch));");
                // As System.Text.Json matches: the exact wire name first (so "OPEN" is OPEN even next to Open, and
                // swapped aliases each read their own member), then a wire name in another case (here also without
                // separators); only then, beyond System.Text.Json, the C# name of a member that has an alias.
                var matches = spec.Members.SelectMany(static m => m.WireNames.Select(n => (m, n, Exact: true)))
                    .Concat(spec.Members.SelectMany(static m => m.NormalizedWireNames.Select(n => (m, n, Exact: false))))
                    .Concat(spec.Members.Where(static m => m.NormalizedName is not null).Select(static m => (m, m.Name, Exact: true)))
                    .Concat(spec.Members.Where(static m => m.NormalizedName is not null).Select(static m => (m, m.NormalizedName!, Exact: false)));
                foreach (var (member, name, exact) in NeededMatches(matches.ToList()))
                {

                    var match = exact
                        ? $"global::System.MemoryExtensions.SequenceEqual(text, {Literal(name)}u8)"
                        : $"{Runtime}.SkaftinJson.EnumNameEquals(text, {Literal(name)}u8)";
                    using (w.Block($"if ({match})"))
                    {
                        w.Line(member.ByValue
                            ? $"return ({spec.FullName})({member.Value});"
                            : $"return {spec.FullName}.{Identifier(member.Name)};");
                    }
                }
            }

            // A number is taken only when it fits the underlying type and is a defined member or, for flags, a
            // combination of defined bits: a cast alone would wrap 256 into a byte enum.
            var condition = NumberCondition(spec);
            if (condition is not null)
            {
                w.Line();
                var read = spec.IsUInt64
                    ? $"{Runtime}.SkaftinJson.TryReadEnumUnsignedNumber(ref reader, out ulong number)"
                    : $"{Runtime}.SkaftinJson.TryReadEnumNumber(ref reader, out long number)";
                using (w.Block($"if ({read} && {condition})"))
                {
                    w.Line($"return ({spec.FullName})number;");
                }
            }

            w.Line();
            w.Line($"throw {Runtime}.SkaftinJson.UnknownEnumValue(ref reader, table, column, {Literal(spec.DisplayName)});");
        }
    }

    // The checks that decide something, in order: a check of text an earlier one takes is dead, and an exact check is
    // left out where the checks after it resolve its text to the same member anyway (most enums need none).
    private static System.Collections.Generic.List<(EnumMemberSpec Member, string Name, bool Exact)> NeededMatches(
        System.Collections.Generic.List<(EnumMemberSpec Member, string Name, bool Exact)> matches)
    {
        var written = new System.Collections.Generic.HashSet<(string, bool)>();
        var live = matches.Where(m => written.Add((m.Name, m.Exact))).ToList();
        for (var i = live.Count - 1; i >= 0; i--)
        {
            if (!live[i].Exact)
            {
                continue;
            }

            var text = live[i].Name;
            var normalized = Parsing.Naming.NormalizeEnumName(text);
            var next = live.Where((m, j) => j != i && (m.Exact ? m.Name == text : m.Name == normalized)).Select(static m => m.Member).FirstOrDefault();
            if (ReferenceEquals(next, live[i].Member))
            {
                live.RemoveAt(i);
            }
        }

        return live;
    }

    private static string? NumberCondition(EnumSpec spec)
    {
        if (spec.IsFlags)
        {
            var bits = $"(number & {spec.OutsideFlags}) == 0";
            return spec.Range is null ? bits : $"number is {spec.Range} && {bits}";
        }

        var values = spec.Members.Select(static m => m.Value).Distinct().ToList();
        return values.Count == 0 ? null : "number is " + string.Join(" or ", values);
    }
}
