using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using Skaftin.Realtime.Generator.Model;

namespace Skaftin.Realtime.Generator.Emitting;

internal static partial class TableEmitter
{
    // The loop over the object's properties: each column's strict read into its local (and, where tracked, its presence).
    internal static void WriteColumnLoop(SourceWriter w, TableSpec spec, System.Func<TableSpec, int, bool> tracksPresence)
    {
        // A column the model has no member for is skipped and noted (the runtime reports it once as schema drift).
        w.Line("unknownColumns = false;");
        if (spec.Members.Count == 0)
        {
            using (w.Block($"while ({Runtime}.SkaftinJson.ReadPropertyName(ref reader, Table))"))
            {
                w.Line($"{Runtime}.SkaftinJson.SkipValue(ref reader, Table);");
                w.Line("unknownColumns = true;");
            }
        }
        else
        {
            // Servers send columns in table order: remembering the next expected column makes most names one comparison.
            w.Line("int expected = 0;");
            using (w.Block($"while ({Runtime}.SkaftinJson.ReadPropertyName(ref reader, Table))"))
            {
                using (w.Block("switch (MatchColumn(ref reader, expected))"))
                {
                    for (var i = 0; i < spec.Members.Count; i++)
                    {
                        var member = spec.Members[i];
                        var column = Literal(member.ColumnName);
                        w.Line($"case {i}:");
                        w.Indent();
                        w.Line($"{Runtime}.SkaftinJson.ReadValue(ref reader, Table, {column});");
                        w.Line($"{ValueLocal(member)} = {ReadExpression(member.Type, "reader", "Table", column)};");
                        if (tracksPresence(spec, i))
                        {
                            w.Line($"{PresenceLocal(member)} = true;");
                        }

                        w.Line($"expected = {i + 1};");
                        w.Line("break;");
                        w.Outdent();
                    }

                    w.Line("default:");
                    w.Indent();
                    w.Line($"{Runtime}.SkaftinJson.SkipValue(ref reader, Table);");
                    w.Line("unknownColumns = true;");
                    w.Line("break;");
                    w.Outdent();
                }
            }
        }
    }

    // The column-to-member map the runtime names drift's affected members with: one read-only dictionary per reader.
    private static void WriteColumnMembers(SourceWriter w, TableSpec spec)
    {
        w.Line($"private static readonly global::System.Collections.Generic.IReadOnlyDictionary<string, string> s_columnMembers = new global::System.Collections.ObjectModel.ReadOnlyDictionary<string, string>(new global::System.Collections.Generic.Dictionary<string, string>({spec.Members.Count}, global::System.StringComparer.Ordinal)");
        w.Line("{");
        w.Indent();
        foreach (var member in spec.Members)
        {
            w.Line($"[{Literal(member.ColumnName)}] = {Literal(member.MemberName)},");
        }

        w.Outdent();
        w.Line("});");
        w.Line();
        w.Line("/// <inheritdoc />");
        w.Line("public override global::System.Collections.Generic.IReadOnlyDictionary<string, string> ColumnMembers => s_columnMembers;");
    }

    // The index of the column the reader's property name names, or -1. Plain names (the usual case) are compared as
    // bytes: first with the expected next column, then with the columns of the same length; escaped or split names
    // are unescaped by ValueTextEquals, one column after another.
    private static void WriteColumnMatcher(SourceWriter w, TableSpec spec)
    {
        using (w.Block($"private static int MatchColumn(ref {Json}.Utf8JsonReader reader, int expected)"))
        {
            using (w.Block("if (!reader.ValueIsEscaped && !reader.HasValueSequence)"))
            {
                w.Line("global::System.ReadOnlySpan<byte> name = reader.ValueSpan;");
                using (w.Block("switch (expected)"))
                {
                    for (var i = 0; i < spec.Members.Count; i++)
                    {
                        w.Line($"case {i}:");
                        w.Indent();
                        using (w.Block($"if (global::System.MemoryExtensions.SequenceEqual(name, {Literal(spec.Members[i].ColumnName)}u8))"))
                        {
                            w.Line($"return {i};");
                        }

                        w.Line("break;");
                        w.Outdent();
                    }
                }

                w.Line();
                using (w.Block("switch (name.Length)"))
                {
                    var byLength = Enumerable.Range(0, spec.Members.Count)
                        .GroupBy(i => System.Text.Encoding.UTF8.GetByteCount(spec.Members[i].ColumnName))
                        .OrderBy(static g => g.Key);
                    foreach (var group in byLength)
                    {
                        w.Line($"case {group.Key}:");
                        w.Indent();
                        foreach (var i in group)
                        {
                            using (w.Block($"if (global::System.MemoryExtensions.SequenceEqual(name, {Literal(spec.Members[i].ColumnName)}u8))"))
                            {
                                w.Line($"return {i};");
                            }
                        }

                        w.Line("break;");
                        w.Outdent();
                    }
                }

                w.Line();
                w.Line("return -1;");
            }

            w.Line();
            for (var i = 0; i < spec.Members.Count; i++)
            {
                using (w.Block($"if (reader.ValueTextEquals({Literal(spec.Members[i].ColumnName)}u8))"))
                {
                    w.Line($"return {i};");
                }
            }

            w.Line();
            w.Line("return -1;");
        }
    }

    // Only required columns, the key and the members that keep their own default when absent need to know whether
    // the column came.
    private static bool TracksPresence(TableSpec spec, int index) =>
        index == spec.KeyIndex || spec.Members[index].IsRequired || spec.Members[index].Assignment != MemberAssignment.Constructor;

    // Locals carry a prefix no emitted identifier has, so no member name can clash with them (a member named Key
    // would otherwise declare a second hasKey).
    internal static string ValueLocal(MemberSpec member) => "value_" + member.MemberName;

    internal static string PresenceLocal(MemberSpec member) => "has_" + member.MemberName;

    // Init-only members cannot be set after construction, so a row whose optional init columns are all present is
    // created in one expression; otherwise a first instance supplies the members' own defaults (initializers,
    // constructor-set values) for the absent ones. Settable members are set only when present.
    private static void WriteConstruction(SourceWriter w, TableSpec spec)
    {
        var arguments = string.Join(", ", spec.Members
            .Where(static m => m.Assignment == MemberAssignment.Constructor)
            .OrderBy(static m => m.ConstructorIndex)
            .Select(ValueLocal));
        var creation = $"new {spec.ModelFullName}({arguments})";
        var initialized = spec.Members.Where(static m => m.Assignment == MemberAssignment.Initializer).ToList();
        var optional = initialized.Where(static m => !m.IsRequired).ToList();
        if (optional.Count == 0)
        {
            WriteCreation(w, "var row = ", creation, initialized.Select(static m => (m, ValueLocal(m))));
        }
        else
        {
            w.Line($"{spec.ModelFullName} row;");
            using (w.Block($"if ({string.Join(" && ", optional.Select(PresenceLocal))})"))
            {
                WriteCreation(w, "row = ", creation, initialized.Select(static m => (m, ValueLocal(m))));
            }

            using (w.Block("else"))
            {
                WriteCreation(w, "var defaults = ", creation, initialized.Where(static m => m.IsRequired).Select(static m => (m, ValueLocal(m))));
                WriteCreation(w, "row = ", creation, initialized.Select(static m => (m, m.IsRequired
                    ? ValueLocal(m)
                    : $"{PresenceLocal(m)} ? {ValueLocal(m)} : defaults.{Identifier(m.MemberName)}")));
            }
        }

        foreach (var member in spec.Members.Where(static m => m.Assignment == MemberAssignment.SetWhenPresent))
        {
            using (w.Block($"if ({PresenceLocal(member)})"))
            {
                w.Line($"row.{Identifier(member.MemberName)} = {ValueLocal(member)};");
            }
        }

        w.Line("return row;");
    }

    internal static void WriteCreation(SourceWriter w, string target, string creation, System.Collections.Generic.IEnumerable<(MemberSpec Member, string Value)> assignments)
    {
        var list = assignments.ToList();
        if (list.Count == 0)
        {
            w.Line($"{target}{creation};");
            return;
        }

        w.Line($"{target}{creation}");
        w.Line("{");
        foreach (var (member, value) in list)
        {
            w.Line($"    {Identifier(member.MemberName)} = {value},");
        }

        w.Line("};");
    }
}
