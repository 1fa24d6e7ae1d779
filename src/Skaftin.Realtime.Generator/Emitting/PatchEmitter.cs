using System.Collections.Generic;
using System.Linq;
using Skaftin.Realtime.Generator.Model;

namespace Skaftin.Realtime.Generator.Emitting;

/// <summary>
/// Writes a table's patch: the <c>{Type}Patch</c> class (one <c>PatchValue&lt;T&gt;</c> per member) and the reader's
/// two patch members, <c>ReadPatchObject</c> (the same strict column reads as a whole row, remembering which came)
/// and <c>MergePatch</c> (a whole row from a patch and the row before it).
/// </summary>
internal static class PatchEmitter
{
    private const string Runtime = "global::Skaftin.Realtime";
    private const string Json = "global::System.Text.Json";

    // What the patch class inherits (RowPatch's public members and object's): a member of the same name hides it.
    private static readonly HashSet<string> Inherited = new(System.StringComparer.Ordinal)
    {
        "Key", "HasKey", "Columns", "IsComplete", "Contains", "ToRow", "TryApplyTo",
        "ToString", "Equals", "GetHashCode", "GetType", "MemberwiseClone", "ReferenceEquals",
    };

    private static string FullName(TableSpec spec) =>
        (spec.Namespace is null ? "global::" : "global::" + spec.Namespace + ".") + spec.PatchClassName;

    // A member named like the class itself cannot be a property of it (CS0542): it takes a trailing underscore.
    private static string PropertyName(TableSpec spec, MemberSpec member) =>
        TableEmitter.Identifier(member.MemberName == spec.PatchClassName ? member.MemberName + "_" : member.MemberName);

    public static void WritePatchClass(SourceWriter w, TableSpec spec, string access, string generatedCode)
    {
        var name = spec.PatchClassName;
        var keyType = TableEmitter.KeyType(spec);
        w.Line($"/// <summary>The columns an update of table <c>{TableEmitter.Xml(spec.TableName)}</c> carried when the server sent only some; each is read as strictly as in a whole row.</summary>");
        w.Line(generatedCode);
        using (w.Block($"{access} sealed class {name} : {Runtime}.RowPatch<{spec.ModelFullName}, {keyType}>"))
        {
            w.Line($"internal {name}({Runtime}.SkaftinRowReader<{spec.ModelFullName}, {keyType}> reader, global::System.Collections.Generic.IReadOnlyList<string> columns, {keyType} key, bool hasKey)");
            w.Line($"    : base(reader, columns, {spec.Members.Count}, key, hasKey)");
            w.Line("{");
            w.Line("}");
            foreach (var member in spec.Members)
            {
                w.Line();
                w.Line($"/// <summary>Column <c>{TableEmitter.Xml(member.ColumnName)}</c>, when it came.</summary>");
                var hides = Inherited.Contains(member.MemberName) ? "new " : "";
                w.Line($"public {hides}{Runtime}.PatchValue<{member.Type.FullName}> {PropertyName(spec, member)} {{ get; internal init; }}");
            }
        }
    }

    // The member's value in the merged row: the patch's when its column came, else the row's (typed as declared, so a
    // List the reader builds and an IReadOnlyList the row holds meet in a conditional).
    private static string Merged(TableSpec spec, MemberSpec member)
    {
        var property = "values." + PropertyName(spec, member);
        return member.IsReadable
            ? $"{property}.IsPresent ? {property}.Value : row!.{TableEmitter.Identifier(member.MemberName)}"
            : $"{property}.Value";
    }

    public static void WriteReaderMembers(SourceWriter w, TableSpec spec)
    {
        var keyType = TableEmitter.KeyType(spec);
        var patchType = $"{Runtime}.RowPatch<{spec.ModelFullName}, {keyType}>";
        w.Line("/// <inheritdoc />");
        using (w.Block($"protected override {patchType} ReadPatchObject(ref {Json}.Utf8JsonReader reader, out bool unknownColumns)"))
        {
            w.Line($"{Runtime}.SkaftinJson.ReadStartObject(ref reader, Table);");
            foreach (var member in spec.Members)
            {
                w.Line($"{member.Type.FullName} {TableEmitter.ValueLocal(member)} = default!;");
                w.Line($"bool {TableEmitter.PresenceLocal(member)} = false;");
            }

            w.Line();
            TableEmitter.WriteColumnLoop(w, spec, static (_, _) => true);
            w.Line();
            w.Line($"var columns = new global::System.Collections.Generic.List<string>({spec.Members.Count});");
            foreach (var member in spec.Members)
            {
                using (w.Block($"if ({TableEmitter.PresenceLocal(member)})"))
                {
                    w.Line($"columns.Add({TableEmitter.Literal(member.ColumnName)});");
                }
            }

            var key = spec.KeyIndex >= 0 ? spec.Members[spec.KeyIndex] : null;
            var keyValue = key is null ? "default!" : TableEmitter.ValueLocal(key) + TableEmitter.KeyAccess(key.Type);
            var hasKey = key is null ? "false" : TableEmitter.PresenceLocal(key);
            if (spec.Members.Count == 0)
            {
                w.Line($"return new {FullName(spec)}(this, columns, {keyValue}, {hasKey});");
            }
            else
            {
                w.Line($"return new {FullName(spec)}(this, columns, {keyValue}, {hasKey})");
                w.Line("{");
                foreach (var member in spec.Members)
                {
                    w.Line($"    {PropertyName(spec, member)} = {TableEmitter.PresenceLocal(member)} ? new {Runtime}.PatchValue<{member.Type.FullName}>({TableEmitter.ValueLocal(member)}) : default,");
                }

                w.Line("};");
            }
        }

        w.Line();
        w.Line("/// <inheritdoc />");
        using (w.Block($"protected override {spec.ModelFullName}? MergePatch({patchType} patch, {spec.ModelFullName}? row)"))
        {
            w.Line($"var values = ({FullName(spec)})patch;");
            using (w.Block("if (row is null && !patch.IsComplete)"))
            {
                w.Line("return null;");
            }

            // A member whose value cannot be read back from a row completes a row only when its column came.
            foreach (var member in spec.Members.Where(static m => !m.IsReadable))
            {
                using (w.Block($"if (!values.{PropertyName(spec, member)}.IsPresent)"))
                {
                    w.Line("return null;");
                }
            }

            w.Line();
            var arguments = string.Join(", ", spec.Members
                .Where(static m => m.Assignment == MemberAssignment.Constructor)
                .OrderBy(static m => m.ConstructorIndex)
                .Select(m => Merged(spec, m)));
            TableEmitter.WriteCreation(w, "var merged = ", $"new {spec.ModelFullName}({arguments})",
                spec.Members.Where(static m => m.Assignment == MemberAssignment.Initializer).Select(m => (m, Merged(spec, m))));
            foreach (var member in spec.Members.Where(static m => m.Assignment == MemberAssignment.SetWhenPresent))
            {
                w.Line($"merged.{TableEmitter.Identifier(member.MemberName)} = {Merged(spec, member)};");
            }

            w.Line("return merged;");
        }
    }
}
