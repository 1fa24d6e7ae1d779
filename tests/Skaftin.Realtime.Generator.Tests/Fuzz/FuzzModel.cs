using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace Skaftin.Realtime.Generator.Tests.Fuzz;

/// <summary>One random compilation: several models (tables and project events), each in its own file, and the enums they use.</summary>
internal sealed record FuzzUnit(bool NullableEnabled, IReadOnlyList<FuzzModel> Models, IReadOnlyList<FuzzEnum> Enums)
{
    /// <summary>How many choices CsCheck drew for this unit, and how many the builder used (the rest of a short stream reads as 0).</summary>
    public int Choices { get; init; }

    public int Used { get; init; }

    /// <summary>One source per model (its file holds the model, its containers and its base type), then the enums' file.</summary>
    public IReadOnlyList<string> Sources() => Models.Select(static m => m.Render()).Append(FuzzEnum.RenderAll(Enums)).ToList();

    public override string ToString() =>
        $"nullable {(NullableEnabled ? "enabled" : "disabled")}\n" + string.Join("\n// ----- next file -----\n", Sources());
}

/// <summary>An enum models may use as a member type.</summary>
internal sealed record FuzzEnum(string Name, string Underlying, IReadOnlyList<string> TypeAttributes, IReadOnlyList<(string Name, string? Attribute)> Members)
{
    public const string Namespace = "FuzzEnums";

    public static string RenderAll(IReadOnlyList<FuzzEnum> enums)
    {
        var b = new StringBuilder();
        b.Append("namespace ").Append(Namespace).Append("\n{\n");
        foreach (var e in enums)
        {
            foreach (var attribute in e.TypeAttributes)
            {
                b.Append("    [").Append(attribute).Append("]\n");
            }

            b.Append("    public enum ").Append(e.Name).Append(" : ").Append(e.Underlying).Append("\n    {\n");
            for (var i = 0; i < e.Members.Count; i++)
            {
                var (name, attribute) = e.Members[i];
                var value = e.TypeAttributes.Contains("global::System.Flags") ? (i == 0 ? "0" : "1 << " + (i - 1)) : i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                b.Append("        ").Append(attribute is null ? "" : "[" + attribute + "] ").Append(name).Append(" = ").Append(value).Append(",\n");
            }

            b.Append("    }\n");
        }

        return b.Append("}\n").ToString();
    }
}

/// <summary>How a member is declared.</summary>
internal enum FuzzMemberKind
{
    Positional,
    InitProperty,
    SetProperty,
    RequiredProperty,
    Field,
    RequiredField,
}

/// <summary>A member: its kind, C# name, type as written, and attributes (already with their target where one is needed).</summary>
internal sealed record FuzzMember(FuzzMemberKind Kind, string Name, string Type, IReadOnlyList<string> Attributes)
{
    public string RenderBody()
    {
        var attributes = string.Concat(Attributes.Select(static a => "[" + a + "] "));
        return Kind switch
        {
            FuzzMemberKind.InitProperty => $"{attributes}public {Type} {Name} {{ get; init; }}",
            FuzzMemberKind.SetProperty => $"{attributes}public {Type} {Name} {{ get; set; }}",
            FuzzMemberKind.RequiredProperty => $"{attributes}public required {Type} {Name} {{ get; init; }}",
            FuzzMemberKind.Field => $"{attributes}public {Type} {Name};",
            FuzzMemberKind.RequiredField => $"{attributes}public required {Type} {Name};",
            _ => throw new System.InvalidOperationException(Kind.ToString()),
        };
    }

    public string RenderParameter() => string.Concat(Attributes.Select(static a => "[" + a + "] ")) + Type + " " + Name;
}

/// <summary>
/// A [SkaftinTable] or [SkaftinProjectEvent] model: where it is declared (namespace, containing types), its shape
/// (positional record, record, class), its attributes, its own members and those of its base type; optionally
/// both [SkaftinTable] and [SkaftinProjectEvent] on one type, a user type taking the generated patch's name, and an
/// [Obsolete] or [Experimental] parameterless constructor.
/// </summary>
internal sealed record FuzzModel(
    int Index,
    string? Namespace,
    IReadOnlyList<string> Containers,
    string Name,
    bool IsRecord,
    bool IsEvent,
    string WireName,
    IReadOnlyList<string> TypeAttributes,
    IReadOnlyList<FuzzMember> Members,
    IReadOnlyList<FuzzMember> BaseMembers,
    bool AlsoProjectEvent = false,
    bool DeclaresPatchName = false,
    string? ConstructorAttribute = null)
{
    public string Path => $"/0/Model{Index}.cs";

    public string BaseName => $"FuzzBase{Index}";

    /// <summary>The model's metadata name (containing types joined with '+'), to find its symbol.</summary>
    public string MetadataName =>
        (Namespace is null ? "" : Unescape(Namespace) + ".") + string.Join("+", Containers.Append(Name).Select(Unescape));

    public static string Unescape(string name) => name.Replace("@", "");

    public string Render()
    {
        var b = new StringBuilder();
        b.Append("#pragma warning disable CS1591\n");
        if (Namespace is not null)
        {
            b.Append("namespace ").Append(Namespace).Append("\n{\n");
        }

        var keyword = IsRecord ? "record" : "class";
        if (BaseMembers.Count > 0)
        {
            b.Append("public abstract ").Append(keyword).Append(' ').Append(BaseName).Append("\n{\n");
            foreach (var member in BaseMembers)
            {
                b.Append("    ").Append(member.RenderBody()).Append('\n');
            }

            b.Append("}\n");
        }

        foreach (var container in Containers)
        {
            b.Append("public partial class ").Append(container).Append("\n{\n");
        }

        b.Append(IsEvent ? "[global::Skaftin.Realtime.SkaftinProjectEvent(" : "[global::Skaftin.Realtime.SkaftinTable(")
            .Append(SymbolDisplay.FormatLiteral(WireName, quote: true)).Append(")]\n");
        if (AlsoProjectEvent && !IsEvent)
        {
            b.Append("[global::Skaftin.Realtime.SkaftinProjectEvent(").Append(SymbolDisplay.FormatLiteral(WireName + ":event", quote: true)).Append(")]\n");
        }

        foreach (var attribute in TypeAttributes)
        {
            b.Append('[').Append(attribute).Append("]\n");
        }

        b.Append("public ").Append(keyword).Append(' ').Append(Name);
        var positional = Members.Where(static m => m.Kind == FuzzMemberKind.Positional).ToList();
        if (IsRecord && positional.Count > 0)
        {
            b.Append('(').Append(string.Join(", ", positional.Select(static p => p.RenderParameter()))).Append(')');
        }

        if (BaseMembers.Count > 0)
        {
            // Base in the namespace, named from the global root so a container's name cannot hide it.
            b.Append(" : global::").Append(Namespace is null ? "" : Namespace + ".").Append(BaseName);
        }

        b.Append("\n{\n");
        if (ConstructorAttribute is not null && positional.Count == 0)
        {
            // The constructor the reader calls, itself [Obsolete] or [Experimental].
            b.Append("    [").Append(ConstructorAttribute).Append("] public ").Append(Name).Append("() { }\n");
        }

        foreach (var member in Members.Where(static m => m.Kind != FuzzMemberKind.Positional))
        {
            b.Append("    ").Append(member.RenderBody()).Append('\n');
        }

        b.Append("}\n");
        foreach (var _ in Containers)
        {
            b.Append("}\n");
        }

        if (DeclaresPatchName)
        {
            b.Append("public sealed class ").Append(string.Concat(Containers.Append(Name).Select(Unescape))).Append("Patch { }\n");
        }

        if (Namespace is not null)
        {
            b.Append("}\n");
        }

        return b.ToString();
    }
}
