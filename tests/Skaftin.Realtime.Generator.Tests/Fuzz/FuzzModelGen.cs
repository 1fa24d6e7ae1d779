using System.Collections.Generic;
using System.Linq;
using CsCheck;
using Microsoft.CodeAnalysis.CSharp;

namespace Skaftin.Realtime.Generator.Tests.Fuzz;

/// <summary>
/// Random compilations of models as users write them. CsCheck draws a stream of choices; <see cref="Builder"/> turns
/// it into declarations (a choice of 0 is always the plainest option, so shrinking the stream simplifies the model).
/// The pools hold the classes that broke generated code before: names differing in case only, Cyrillic and
/// full-width letters, keywords escaped with @, nesting next to concatenated names, [Obsolete]/[Experimental],
/// every [JsonIgnore] condition, and column names with line breaks, quotes, comment ends and lone surrogates.
/// </summary>
internal static class FuzzModelGen
{
    public static readonly Gen<FuzzUnit> Unit = Gen.UInt.Array[100, 1500].Select(static choices => new Builder(choices).Unit());

    private static readonly string[] Namespaces =
    {
        "Fleet", "Fleet.Models", "@namespace.@operator", "Автопарк.Модели", "Fleet.System", "Fleet.Skaftin",
    };

    // Model names: case-only pairs, non-ASCII letters, keywords. "OuterInner" meets the nested Outer.Inner.
    private static readonly string[] ModelNames =
    {
        "Row", "ROW", "row", "Vehicle", "VEHICLE", "Строка", "СТРОКА", "Ｒｏｗ", "ＲＯＷ", "@class", "@event", "OuterInner", "Inner", "Ĳssel", "Ωmega", "Row_", "RowRow",
        "Table", "global", "JsonElement", "Instance",
    };

    private static readonly string[] ContainerNames = { "Outer", "Mid", "Внешний", "Ｏｕｔｅｒ" };

    private static readonly string[] MemberNames =
    {
        "Id", "ID", "Name", "NAME", "Имя", "Ｎａｍｅ", "@class", "@event", "@int", "Value", "Count", "Key", "HasKey", "Columns", "Table",
        "Status", "CreatedAt", "RowPatch", "value_Id", "has_Id", "Reader", "Instance",
    };

    // Wire names: plain, case-only, and every kind of text that must be escaped where generated code echoes it.
    private static readonly string[] WireNames =
    {
        "col", "Col", "a\nb", "a\rb", "a\r\nb", "a\u2028b", "a\u2029b", "a\u0085b", "q\"uote", "back\\slash", "end */ x", "x --> y", "lone \uD800",
        "low \uDC00 alone", "pair \uD83D\uDE00", "<tag>&amp;", "", " ", "id", "name", "tab\there", "nul\0x", "#line 1", "/// doc", "{0}",
    };

    private static readonly string[] TableNames = { "rows", "ROWS", "Rows", "vehicles", "order_items", "2fa", "a.b", "x-y" };

    private static readonly string[] EventTypes = { "order:created", "Row", "a\nb", "a\u2028b", "a\u0085b", "lone \uD800", "x */ y", "<b>&", "q\"uote" };

    private static readonly string[] SupportedTypes =
    {
        "int", "long", "short", "byte", "sbyte", "ushort", "uint", "ulong", "bool", "string", "double", "float", "decimal",
        "global::System.Guid", "global::System.DateTime", "global::System.DateTimeOffset", "global::System.DateOnly", "global::System.TimeOnly",
        "global::System.Text.Json.JsonElement", "int[]", "string[]", "global::System.Collections.Generic.List<int>",
        "global::System.Collections.Generic.IReadOnlyList<string>", "global::System.Collections.Generic.List<global::System.Guid?>",
    };

    // Weighted: positional and init members are what users write most; required fields (SKR013) least.
    private static readonly FuzzMemberKind[] MemberKinds =
    {
        FuzzMemberKind.Positional, FuzzMemberKind.Positional, FuzzMemberKind.Positional, FuzzMemberKind.InitProperty, FuzzMemberKind.InitProperty,
        FuzzMemberKind.InitProperty, FuzzMemberKind.SetProperty, FuzzMemberKind.SetProperty, FuzzMemberKind.RequiredProperty,
        FuzzMemberKind.RequiredProperty, FuzzMemberKind.Field, FuzzMemberKind.Field, FuzzMemberKind.Positional, FuzzMemberKind.InitProperty,
        FuzzMemberKind.SetProperty, FuzzMemberKind.Positional, FuzzMemberKind.InitProperty, FuzzMemberKind.RequiredField,
    };

    private static readonly string[] UnsupportedTypes =
    {
        "object", "char", "global::System.Uri", "global::System.Collections.Generic.Dictionary<string, int>", "int[][]", "(int A, int B)",
        "global::System.Half", "global::System.TimeSpan",
    };

    // Attributes that change meaning; "{s}" takes a wire name. Experimental ids are plain identifiers (pragmas accept those).
    private static readonly string[] UseAttributes =
    {
        "global::System.Obsolete", "global::System.Obsolete(\"use another\")", "global::System.Obsolete(\"gone\", true)",
        "global::System.Obsolete(\"custom\", DiagnosticId = \"FUZZOBS1\")", "global::System.Diagnostics.CodeAnalysis.Experimental(\"FUZZEXP1\")",
    };

    private static readonly string[] IgnoreAttributes =
    {
        "global::System.Text.Json.Serialization.JsonIgnore",
        "global::System.Text.Json.Serialization.JsonIgnore(Condition = global::System.Text.Json.Serialization.JsonIgnoreCondition.Always)",
        "global::System.Text.Json.Serialization.JsonIgnore(Condition = global::System.Text.Json.Serialization.JsonIgnoreCondition.Never)",
        "global::System.Text.Json.Serialization.JsonIgnore(Condition = global::System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)",
        "global::System.Text.Json.Serialization.JsonIgnore(Condition = global::System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)",
        "global::Skaftin.Realtime.SkaftinIgnore",
    };

    private sealed class Builder
    {
        private readonly uint[] _choices;
        private int _next;
        private readonly HashSet<string> _models = new(System.StringComparer.Ordinal);
        private readonly HashSet<string> _containers = new(System.StringComparer.Ordinal);
        private readonly List<FuzzEnum> _enums = new();

        public Builder(uint[] choices) => _choices = choices;

        // The next choice in [0, count); 0 once the stream is used up.
        private int Pick(int count) => _next < _choices.Length ? (int)(_choices[_next++] % (uint)count) : 0;

        // Counted from the top, so the 0 of a used-up stream is "no": the plainest model.
        private bool Chance(int percent) => Pick(100) >= 100 - percent;

        private T One<T>(IReadOnlyList<T> items) => items[Pick(items.Count)];

        public FuzzUnit Unit()
        {
            var nullable = Pick(2) == 0;
            var enumCount = Pick(3);
            for (var i = 0; i < enumCount; i++)
            {
                _enums.Add(Enum(i));
            }

            var models = new List<FuzzModel>();
            var count = 6 + Pick(7);
            for (var i = 0; i < count; i++)
            {
                if (Model(i) is { } model)
                {
                    models.Add(model);
                }
            }

            // Outer.Inner next to a top-level OuterInner in one namespace, the concatenation pair.
            if (Chance(15))
            {
                var ns = Chance(50) ? null : One(Namespaces);
                foreach (var (containers, name) in new[] { (new[] { "Outer" }, "Inner"), (System.Array.Empty<string>(), "OuterInner") })
                {
                    if (Declare(ns, containers, name))
                    {
                        models.Add(new FuzzModel(models.Count + 100, ns, containers, name, true, false, "pair_" + models.Count, System.Array.Empty<string>(),
                            new[] { new FuzzMember(FuzzMemberKind.Positional, "Id", "int", System.Array.Empty<string>()) }, System.Array.Empty<FuzzMember>()));
                    }
                }
            }

            return new FuzzUnit(nullable, models, _enums) { Choices = _choices.Length, Used = _next };
        }

        private FuzzEnum Enum(int index)
        {
            var attributes = new List<string>();
            if (Chance(30))
            {
                attributes.Add("global::System.Flags");
            }

            if (Chance(25))
            {
                attributes.Add(One(UseAttributes));
            }

            var members = new List<(string, string?)>();
            var names = new[] { "None", "Open", "OPEN", "Closed", "@class", "Открыт", "Ｏｐｅｎ" };
            var count = 1 + Pick(5);
            var used = new HashSet<string>(System.StringComparer.Ordinal);
            for (var i = 0; i < count; i++)
            {
                var name = One(names);
                if (!used.Add(name))
                {
                    continue;
                }

                string? attribute = Pick(4) switch
                {
                    0 => One(UseAttributes),
                    1 => $"global::System.Runtime.Serialization.EnumMember(Value = {SymbolDisplay.FormatLiteral(One(WireNames), true)})",
                    _ => null,
                };
                members.Add((name, attribute));
            }

            return new FuzzEnum("FuzzEnum" + index, One(new[] { "int", "byte", "long", "ulong" }), attributes, members);
        }

        private bool Declare(string? ns, IReadOnlyList<string> containers, string name)
        {
            // Within one scope a model may not share its name with another model or a container (C# names are case-sensitive).
            string Scope(int depth) => (ns ?? "") + "/" + string.Join("/", containers.Take(depth).Select(FuzzModel.Unescape));
            var key = Scope(containers.Count) + "/" + FuzzModel.Unescape(name);
            var containerKeys = containers.Select((c, i) => Scope(i) + "/" + FuzzModel.Unescape(c)).ToList();
            if (_models.Contains(key) || _containers.Contains(key) || containerKeys.Any(_models.Contains))
            {
                return false;
            }

            _models.Add(key);
            _containers.UnionWith(containerKeys);
            return true;
        }

        private FuzzModel? Model(int index)
        {
            var ns = Chance(25) ? null : One(Namespaces);
            // Distinct: a type nested in one of its own name is CS0542.
            var containers = Enumerable.Range(0, Pick(4)).Select(_ => One(ContainerNames)).Distinct().ToArray();
            var name = One(ModelNames);
            if (containers.Contains(FuzzModel.Unescape(name)) || !Declare(ns, containers, name))
            {
                return null;
            }

            var isEvent = Chance(15);
            var wire = isEvent ? One(EventTypes) : Chance(70) ? "t" + index + "_" + One(TableNames) : One(TableNames);
            var typeAttributes = Chance(15) ? new[] { One(UseAttributes) } : System.Array.Empty<string>();
            var isRecord = Chance(60);
            var names = new HashSet<string>(System.StringComparer.Ordinal) { FuzzModel.Unescape(name) };
            var members = new List<FuzzMember>();
            var memberCount = 1 + Pick(5);
            for (var i = 0; i < memberCount; i++)
            {
                var kind = MemberKinds[Pick(MemberKinds.Length)];
                if (kind == FuzzMemberKind.Positional && !isRecord)
                {
                    kind = FuzzMemberKind.InitProperty;
                }

                if (Member(kind, names) is { } member)
                {
                    members.Add(member);
                }
            }

            var baseMembers = new List<FuzzMember>();
            if (Chance(25))
            {
                var baseCount = 1 + Pick(3);
                for (var i = 0; i < baseCount; i++)
                {
                    // A base type is not positional: its positional picks become init properties.
                    var kind = MemberKinds[Pick(MemberKinds.Length)];
                    if (Member(kind == FuzzMemberKind.Positional ? FuzzMemberKind.InitProperty : kind, names) is { } member)
                    {
                        baseMembers.Add(member);
                    }
                }
            }

            // A user type named like the generated patch must not clash with another model's names.
            var patch = string.Concat(containers.Append(name).Select(FuzzModel.Unescape)) + "Patch";
            var declaresPatch = Chance(5) && Declare(ns, System.Array.Empty<string>(), patch);
            return new FuzzModel(index, ns, containers, name, isRecord, isEvent, wire, typeAttributes, members, baseMembers, AlsoProjectEvent: Chance(5), DeclaresPatchName: declaresPatch,
                ConstructorAttribute: Chance(8) ? One(UseAttributes) : null);
        }

        private FuzzMember? Member(FuzzMemberKind kind, HashSet<string> names)
        {
            var name = One(MemberNames);
            if (!names.Add(FuzzModel.Unescape(name)))
            {
                return null;
            }

            var type = Pick(20) switch
            {
                0 or 1 or 2 when _enums.Count > 0 => "global::" + FuzzEnum.Namespace + "." + One(_enums).Name,
                3 => One(UnsupportedTypes),
                _ => One(SupportedTypes),
            };
            if (Chance(25) && type != "(int A, int B)")
            {
                type += "?";
            }

            var field = kind is FuzzMemberKind.Field or FuzzMemberKind.RequiredField;
            var positional = kind == FuzzMemberKind.Positional;
            var property = positional ? "property: " : "";
            var attributes = new List<string>();
            if (Chance(12))
            {
                attributes.Add(property + One(UseAttributes));
            }

            if (Chance(15))
            {
                var ignore = One(IgnoreAttributes);
                if (!(field && ignore.Contains("Skaftin")))
                {
                    attributes.Add(property + ignore);
                }
            }

            if (Chance(25))
            {
                var literal = SymbolDisplay.FormatLiteral(One(WireNames), quote: true);
                if (field || Chance(50))
                {
                    attributes.Add(property + "global::System.Text.Json.Serialization.JsonPropertyName(" + literal + ")");
                }
                else
                {
                    attributes.Add((positional && Chance(50) ? "" : property) + "global::Skaftin.Realtime.SkaftinColumn(" + literal + ")");
                }
            }

            if (!field && Chance(15))
            {
                attributes.Add((positional && Chance(50) ? "" : property) + "global::Skaftin.Realtime.SkaftinKey");
            }

            return new FuzzMember(kind, name, type, attributes);
        }
    }
}
