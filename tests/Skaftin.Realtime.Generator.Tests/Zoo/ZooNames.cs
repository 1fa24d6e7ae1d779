using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis.CSharp;
using Skaftin.Realtime.Generator.Parsing;

namespace Skaftin.Realtime.Generator.Tests.Zoo;

/// <summary>
/// The member names the zoo tries, derived rather than listed: every C# keyword (reserved ones written with <c>@</c>),
/// every identifier the emitter writes (scanned from the checked-in baselines, outside comments and strings, with the
/// tail of each camelCase local such as <c>hasKey</c> → <c>Key</c>), and every member of the runtime base classes the
/// generated classes derive from. Per-model names (the table, the generated classes, the model itself, a member's own
/// type) are added by <see cref="ZooDesign"/>.
/// </summary>
internal static class ZooNames
{
    private static readonly Regex Identifier = new(@"\b[A-Za-z_][A-Za-z0-9_]*\b", RegexOptions.CultureInvariant);
    private static readonly Regex CommentsAndStrings = new(@"//[^\n]*|""(?:[^""\\\n]|\\.)*""", RegexOptions.CultureInvariant);
    private static readonly Regex CamelTail = new(@"^[a-z]+_?([A-Z][A-Za-z0-9_]*)$", RegexOptions.CultureInvariant);

    // An identifier in the output for this many test models is the emitter's own; a test's column names are in one or two.
    private const int EmitterVocabularyMinimumModels = 3;

    public static IReadOnlyList<string> ReservedKeywords { get; } =
        SyntaxFacts.GetKeywordKinds().Select(SyntaxFacts.GetText).Where(static k => k.Length > 0).Distinct().OrderBy(static k => k, StringComparer.Ordinal).ToList();

    public static IReadOnlyList<string> ContextualKeywords { get; } =
        SyntaxFacts.GetContextualKeywordKinds().Select(SyntaxFacts.GetText).Where(static k => k.Length > 0 && k.All(char.IsLetter)).Distinct().OrderBy(static k => k, StringComparer.Ordinal).ToList();

    /// <summary>
    /// The identifiers the emitter writes whatever the model (those in the baselines of at least
    /// <see cref="EmitterVocabularyMinimumModels"/> tests), and the tails of its camelCase and prefixed locals
    /// (<c>hasKey</c> → <c>Key</c>, <c>value_Id</c> → <c>Id</c>).
    /// </summary>
    public static IReadOnlyList<string> EmitterVocabulary(string baselineFolder)
    {
        var seenIn = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var test in Directory.GetDirectories(baselineFolder))
        {
            var found = new HashSet<string>(StringComparer.Ordinal);
            foreach (var file in Directory.GetFiles(test, "*.cs"))
            {
                var code = CommentsAndStrings.Replace(File.ReadAllText(file), " ");
                foreach (Match match in Identifier.Matches(code))
                {
                    found.Add(match.Value);
                    var tail = CamelTail.Match(match.Value);
                    if (tail.Success)
                    {
                        found.Add(tail.Groups[1].Value);
                    }
                }
            }

            foreach (var name in found)
            {
                seenIn[name] = seenIn.GetValueOrDefault(name) + 1;
            }
        }

        return seenIn.Where(static e => e.Value >= EmitterVocabularyMinimumModels).Select(static e => e.Key).OrderBy(static n => n, StringComparer.Ordinal).ToList();
    }

    /// <summary>Members of the runtime classes the generated reader, patch and table class inherit, so a column named like one is tried.</summary>
    public static IReadOnlyList<string> RuntimeMembers { get; } = new[] { typeof(SkaftinRowReader<,>), typeof(RealtimeTable<,>), typeof(RowPatch<,>) }
        .SelectMany(static t => t.GetMembers(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.FlattenHierarchy))
        .Where(static m => m is MethodInfo { IsSpecialName: false, IsPrivate: false } or PropertyInfo or FieldInfo { IsPrivate: false } or EventInfo)
        .Select(static m => m.Name)
        .Where(static n => Identifier.IsMatch(n) && Identifier.Match(n).Length == n.Length)
        .Distinct()
        .OrderBy(static n => n, StringComparer.Ordinal)
        .ToList();

    /// <summary>The shared vocabulary: keywords, emitter identifiers and runtime members, without names that would read the key's column.</summary>
    public static IReadOnlyList<string> All(string baselineFolder) => ReservedKeywords
        .Concat(ContextualKeywords)
        .Concat(EmitterVocabulary(baselineFolder))
        .Concat(RuntimeMembers)
        .Where(static n => !IsKeyColumn(n))
        .Distinct(StringComparer.Ordinal)
        .ToList();

    /// <summary>Whether a member of this name would claim the zoo's key column <c>id</c>.</summary>
    public static bool IsKeyColumn(string name) =>
        string.Equals(name, "id", StringComparison.OrdinalIgnoreCase) || Naming.ToSnakeCase(name) == "id";

    /// <summary>The name as written in C#: reserved keywords need <c>@</c>.</summary>
    public static string Written(string name) => SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;
}
