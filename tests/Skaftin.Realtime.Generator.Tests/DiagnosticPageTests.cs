using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Skaftin.Realtime.Tests.Shared;
using Xunit;

namespace Skaftin.Realtime.Generator.Tests;

/// <summary>
/// The C# of every diagnostic page (docs/diagnostics/SKRnnn.md) is compiled with the generator: the blocks under
/// "Example" must raise the page's diagnostic, and those under "How to fix" must compile without an error and without
/// it. A page's XML block sets the C# version it shows (<c>&lt;LangVersion&gt;</c>); a JSON block under "Example" is
/// the schema snapshot the page's table is checked against.
/// </summary>
public sealed partial class DiagnosticPageTests
{
    // Usings the pages' abridged blocks leave out (each block is a file of its own).
    private const string GlobalUsings = "global using System;\nglobal using System.Collections.Generic;\nglobal using System.Text.Json;\nglobal using System.Text.Json.Serialization;\nglobal using Skaftin.Realtime;\n";

    /// <summary>Pages whose example is not C#: the reason each has none.</summary>
    private static readonly Dictionary<string, string> WithoutCSharpExample = new(StringComparer.Ordinal)
    {
        ["SKR036"] = "the example is a snapshot file that cannot be read, not a model",
    };

    public static TheoryData<string> Pages()
    {
        var pages = new TheoryData<string>();
        foreach (var page in Directory.GetFiles(Repository.PathOf("docs/diagnostics"), "SKR*.md").Select(static p => Path.GetFileNameWithoutExtension(p)).Order(StringComparer.Ordinal))
        {
            pages.Add(page);
        }

        return pages;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void TheExampleRaisesTheDiagnosticAndTheFixDoesNot(string id)
    {
        var page = $"docs/diagnostics/{id}.md";
        var blocks = MarkdownCodeBlocks.Parse(File.ReadAllText(Repository.PathOf(page)));
        var example = blocks.Where(static b => b.Section == "Example").ToList();
        var fix = blocks.Where(static b => b.Section == "How to fix").ToList();
        if (WithoutCSharpExample.ContainsKey(id))
        {
            Assert.DoesNotContain(example, static b => IsCSharp(b));
            return;
        }

        Assert.True(example.Any(IsCSharp), $"{page} has no C# block under '## Example'");
        var snapshot = example.FirstOrDefault(static b => b.Language == "json")?.Code;
        var raised = Compile(page, example, LangVersion(example), snapshot);
        Assert.True(raised.Any(d => d.Id == id), $"{page}: the example does not raise {id}; it gives:\n{string.Join('\n', raised)}");

        if (fix.Any(IsCSharp))
        {
            var fixedDiagnostics = Compile(page, fix, LangVersion(fix), snapshot);
            var wrong = fixedDiagnostics.Where(d => d.Id == id || d.Severity == DiagnosticSeverity.Error).ToList();
            Assert.True(wrong.Count == 0, $"{page}: the fix still gives:\n{string.Join('\n', wrong)}");
        }
    }

    [Fact]
    public void ABrokenExampleOrFixIsCaught()
    {
        var block = new MarkdownCodeBlocks.Block("csharp", "[SkaftinTable(\"boxes\")]\npublic sealed record Box<T>(int Id, T Value);\n", 1, "Example", null);
        Assert.Contains(Compile("test", new[] { block }, null, null), static d => d.Id == "SKR001");
        var fine = block with { Code = "[SkaftinTable(\"boxes\")]\npublic sealed record Box(int Id, string Value);\n" };
        Assert.DoesNotContain(Compile("test", new[] { fine }, null, null), static d => d.Id == "SKR001" || d.Severity == DiagnosticSeverity.Error);
    }

    private static bool IsCSharp(MarkdownCodeBlocks.Block block) => block.Language is "csharp" or "cs" or "c#";

    private static LanguageVersion? LangVersion(IEnumerable<MarkdownCodeBlocks.Block> blocks)
    {
        var match = blocks.Where(static b => b.Language == "xml").Select(static b => LangVersionElement().Match(b.Code)).FirstOrDefault(static m => m.Success);
        return match is null ? null : LanguageVersionFacts.TryParse(match.Groups[1].Value, out var version) ? version : throw new FormatException($"LangVersion '{match.Groups[1].Value}'");
    }

    private static List<Diagnostic> Compile(string page, IEnumerable<MarkdownCodeBlocks.Block> blocks, LanguageVersion? languageVersion, string? snapshot)
    {
        var version = languageVersion ?? LanguageVersion.CSharp12;
        var parseOptions = new CSharpParseOptions(version);
        var trees = blocks.Where(IsCSharp)
            .Select((b, i) => CSharpSyntaxTree.ParseText($"#line {b.Line} \"{page}\"\n{b.Code}", parseOptions, path: $"/0/Block{i}.cs"))
            .Append(CSharpSyntaxTree.ParseText(GlobalUsings, parseOptions, path: "/0/GlobalUsings.cs"))
            .ToList();
        var compilation = CSharpCompilation.Create(
            "DiagnosticPage",
            trees,
            GeneratorHarness.References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var project = snapshot is null ? null : TestProject.WithSnapshot(AsSnapshot(snapshot));
        GeneratorHarness.Run(compilation, version, project: project)
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        return generatorDiagnostics.Concat(output.GetDiagnostics())
            .Where(static d => d.Id is not "CS8019" and not "CS0105")   // usings the global ones make redundant
            .ToList();
    }

    // A page may show only the table of the snapshot: wrap it in the file's envelope.
    private static string AsSnapshot(string json) =>
        json.Contains("\"formatVersion\"", StringComparison.Ordinal)
            ? json
            : $$"""{ "formatVersion": 1, "projectId": "demo", "takenAt": "2026-12-07T13:00:00.000Z", "source": "http://localhost:4006", "tables": [ {{json}} ] }""";

    [GeneratedRegex(@"<LangVersion>\s*([^<\s]+)\s*</LangVersion>")]
    private static partial Regex LangVersionElement();
}
