using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace Skaftin.Realtime.Generator.Tests.Differential;

/// <summary>How a member is declared.</summary>
internal enum DiffForm
{
    Positional,
    Init,
    Required,
    Settable,
}

/// <summary>How a member's scalar type is wrapped.</summary>
internal enum DiffWrap
{
    None,
    Nullable,
    Array,
    List,
}

/// <summary>A <c>[JsonIgnore]</c> on the member, or none; only the first two mean "not read" in System.Text.Json.</summary>
internal enum DiffIgnore
{
    None,
    Bare,
    Always,
    Never,
    WhenWritingNull,
    WhenWritingDefault,
}

/// <summary>
/// One JSON value of a column. <see cref="Ours"/> goes to the generated reader, <see cref="Theirs"/> is the same value
/// in the form System.Text.Json reads (the same text unless <see cref="Lenient"/> names the README rule that lets the
/// generated reader take a form System.Text.Json refuses). <see cref="Stricter"/> names the README rule by which the
/// generated reader refuses a value System.Text.Json may read. A U+FFFF in either text is written as the invalid
/// UTF-8 byte 0xFF. A null text means the column is absent from that row.
/// </summary>
internal sealed record DiffCell(string? Ours, string? Theirs, string? Lenient = null, string? Stricter = null)
{
    public static DiffCell Same(string json) => new(json, json);
}

/// <summary>An enum one model declares.</summary>
internal sealed record DiffEnum(string Name, bool Flags, IReadOnlyList<DiffEnumMember> Members)
{
    public string Source()
    {
        var text = new StringBuilder();
        if (Flags)
        {
            text.AppendLine("    [global::System.Flags]");
        }

        text.AppendLine($"    public enum {Name}");
        text.AppendLine("    {");
        foreach (var member in Members)
        {
            var alias = member.Alias is null ? "" : $"[JsonStringEnumMemberName({Literal(member.Alias)})] ";
            text.AppendLine($"        {alias}{member.Name} = {member.Value},");
        }

        text.AppendLine("    }");
        return text.ToString();
    }

    /// <summary>What the README's enum rule makes of <paramref name="text"/>: the member, or null.</summary>
    public DiffEnumMember? Resolve(string text) =>
        Members.FirstOrDefault(m => m.WireName == text)
        ?? Members.FirstOrDefault(m => Normalize(m.WireName) == Normalize(text))
        ?? Members.FirstOrDefault(m => m.Alias is not null && m.Name == text)
        ?? Members.FirstOrDefault(m => m.Alias is not null && Normalize(m.Name) == Normalize(text));

    /// <summary>Whether <paramref name="text"/> leniently matches more than one member (the README names no winner).</summary>
    public bool Ambiguous(string text) =>
        Members.Count(m => m.WireName == text) == 0
        && (Members.Count(m => Normalize(m.WireName) == Normalize(text)) > 1
            || (Members.Count(m => Normalize(m.WireName) == Normalize(text)) == 0
                && Members.Count(m => m.Alias is not null && (m.Name == text || Normalize(m.Name) == Normalize(text))) > 1));

    public static string Normalize(string name) =>
        new(name.Where(static c => c is not ('_' or '-' or ' ')).Select(static c => c is >= 'A' and <= 'Z' ? (char)(c | 0x20) : c).ToArray());

    internal static string Literal(string value) => Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(value, quote: true);
}

/// <summary>One enum member; <see cref="WireName"/> is its alias if it has one, as in System.Text.Json.</summary>
internal sealed record DiffEnumMember(string Name, string? Alias, long Value)
{
    public string WireName => Alias ?? Name;
}

/// <summary>A scalar type of the catalogue: its C# name and how its values are drawn.</summary>
internal sealed record DiffScalar(string Label, string CSharp, bool IsValueType, CsCheck.Gen<DiffCell> Values, DiffEnum? Enum = null);

/// <summary>One member of a model.</summary>
internal sealed record DiffMember(
    string Name,
    DiffScalar Scalar,
    DiffWrap Wrap,
    DiffForm Form,
    DiffIgnore Ignore,
    string? JsonName,
    string? SkaftinName)
{
    public string TypeName => Wrap switch
    {
        DiffWrap.Nullable => Scalar.CSharp + "?",
        DiffWrap.Array => Scalar.CSharp + "[]",
        DiffWrap.List => "global::System.Collections.Generic.List<" + Scalar.CSharp + ">",
        _ => Scalar.CSharp,
    };

    /// <summary>Whether JSON null is a value of the member (System.Text.Json with RespectNullableAnnotations, and the reader).</summary>
    public bool TakesNull => Wrap == DiffWrap.Nullable || (Wrap == DiffWrap.None && Scalar.Label == "JsonElement");

    /// <summary>Whether the member is a reference type that is not nullable (string, an array, a list).</summary>
    public bool IsNonNullableReference => Wrap is DiffWrap.Array or DiffWrap.List || (Wrap == DiffWrap.None && !Scalar.IsValueType);

    /// <summary>Whether neither reader reads it: [JsonIgnore] without a condition or with Always.</summary>
    public bool IsIgnored => Ignore is DiffIgnore.Bare or DiffIgnore.Always;

    /// <summary>The README's column name: [SkaftinColumn], else [JsonPropertyName], else snake_case.</summary>
    public string OurColumn => SkaftinName ?? JsonName ?? Parsing.Naming.ToSnakeCase(Name);

    /// <summary>System.Text.Json's: [JsonPropertyName], else its snake_case_lower policy.</summary>
    public string TheirColumn => JsonName ?? System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(Name);

    public string Declaration()
    {
        var attributes = new List<string>();
        var target = Form == DiffForm.Positional ? "property: " : "";
        if (JsonName is not null)
        {
            attributes.Add($"[{target}JsonPropertyName({DiffEnum.Literal(JsonName)})]");
        }

        if (SkaftinName is not null)
        {
            attributes.Add($"[{target}global::Skaftin.Realtime.SkaftinColumn({DiffEnum.Literal(SkaftinName)})]");
        }

        if (Ignore != DiffIgnore.None)
        {
            attributes.Add(Ignore == DiffIgnore.Bare ? "[JsonIgnore]" : $"[JsonIgnore(Condition = JsonIgnoreCondition.{Ignore})]");
        }

        var prefix = string.Concat(attributes.Select(static a => a + " "));
        return Form switch
        {
            DiffForm.Positional => $"{prefix}{TypeName} {Name}",
            DiffForm.Init => $"        {prefix}public {TypeName} {Name} {{ get; init; }}",
            DiffForm.Required => $"        {prefix}public required {TypeName} {Name} {{ get; init; }}",
            _ => $"        {prefix}public {TypeName} {Name} {{ get; set; }}",
        };
    }
}

/// <summary>
/// One random model: a record with an int key and random members, in a namespace of its own; with
/// <see cref="Oblivious"/>, declared with nullable annotations disabled (a reference type then takes null and is
/// never non-nullable).
/// </summary>
internal sealed record DiffModel(int Index, IReadOnlyList<DiffEnum> Enums, IReadOnlyList<DiffMember> Members, bool Oblivious = false, bool Inherited = false)
{
    public string Namespace => "Diff.M" + Index;

    public string ReaderTypeName => Namespace + ".ModelRowReader";

    public string ModelTypeName => Namespace + ".Model";

    // System.Text.Json names its files by the context's simple name, so each model's context has its own.
    public string ContextTypeName => Namespace + ".ModelContext" + Index;

    public string Source()
    {
        var positional = Members.Where(static m => m.Form == DiffForm.Positional).Select(static m => m.Declaration());
        var text = new StringBuilder();
        text.AppendLine("using System.Text.Json.Serialization;");
        text.AppendLine($"namespace {Namespace}");
        text.AppendLine("{");
        foreach (var e in Enums)
        {
            text.Append(e.Source());
        }

        text.AppendLine(Oblivious ? "#nullable disable" : "#nullable enable");
        text.AppendLine($"    [global::Skaftin.Realtime.SkaftinTable(\"m{Index}\")]");
        // Inherited: the members that are not positional are declared by a base record.
        text.AppendLine($"    public sealed record Model({string.Join(", ", new[] { "int Id" }.Concat(positional))}){(Inherited ? " : ModelBase" : "")}");
        text.AppendLine("    {");
        foreach (var member in Members.Where(m => m.Form != DiffForm.Positional && !Inherited))
        {
            text.AppendLine(member.Declaration());
        }

        text.AppendLine("    }");
        if (Inherited)
        {
            text.AppendLine("    public abstract record ModelBase");
            text.AppendLine("    {");
            foreach (var member in Members.Where(static m => m.Form != DiffForm.Positional))
            {
                text.AppendLine(member.Declaration());
            }

            text.AppendLine("    }");
        }
        text.AppendLine("#nullable restore");
        text.AppendLine("    [JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, UseStringEnumConverter = true,");
        text.AppendLine("        RespectNullableAnnotations = true, RespectRequiredConstructorParameters = true)]");
        text.AppendLine("    [JsonSerializable(typeof(Model))]");
        text.AppendLine($"    internal sealed partial class ModelContext{Index} : JsonSerializerContext");
        text.AppendLine("    {");
        text.AppendLine("    }");
        text.AppendLine("}");
        return text.ToString();
    }
}
