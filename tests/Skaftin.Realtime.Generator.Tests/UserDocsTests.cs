using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Skaftin.Realtime.Tests.Shared;
using Xunit;

namespace Skaftin.Realtime.Generator.Tests;

/// <summary>
/// The user docs (README.md and docs/) stand on their own: they name no test of the repository, link nowhere outside
/// it, and every relative link of the repository's Markdown resolves to a file and heading that exist. Guide pages open
/// with a table of contents; the package README lists every diagnostic; the README's pack loop packs every package.
/// </summary>
public sealed partial class UserDocsTests
{
    private const string RepositoryUrl = "https://github.com/skaftin/Skaftin.Generators";

    /// <summary>README.md and the pages under docs/, except the benchmark pages (maintainers' figures) and the architecture page.</summary>
    private static List<string> UserPages() =>
        new[] { "README.md" }
            .Concat(MarkdownUnder("docs"))
            .Where(static page => !page.StartsWith("docs/benchmarks", StringComparison.Ordinal) && page != "docs/architecture.md")
            .ToList();

    /// <summary>Every Markdown file whose links must resolve: the user pages, CONTRIBUTING.md and the other READMEs users read.</summary>
    private static List<string> LinkedPages() =>
        new[] { "README.md", "CONTRIBUTING.md", "devserver/README.md", "schemas/README.md" }
            .Concat(MarkdownUnder("docs"))
            .Concat(Directory.GetFiles(Repository.PathOf("src"), "README.md", SearchOption.AllDirectories).Select(Relative))
            .Distinct(StringComparer.Ordinal)
            .ToList();

    [Fact]
    public void NoUserPageNamesATestOfTheRepository()
    {
        var names = TestNames();
        Assert.Contains("ReadmeSnippetTests", names);          // the scan finds test classes...
        Assert.Contains("EveryCSharpBlockCompiles", names);    // ...and test methods
        var findings = new List<string>();
        foreach (var page in UserPages())
        {
            var lines = File.ReadAllLines(Repository.PathOf(page));
            for (var i = 0; i < lines.Length; i++)
            {
                findings.AddRange(Identifier().Matches(lines[i]).Select(static m => m.Value).Where(names.Contains).Select(name => $"{page}:{i + 1}: {name}"));
            }
        }

        Assert.True(findings.Count == 0, "User pages name tests (say what is proven in users' words; which test proves it goes in CONTRIBUTING.md):\n" + string.Join('\n', findings));
    }

    [Fact]
    public void NoUserPagePointsOutsideTheRepositoryOrSaysSeed()
    {
        var findings = new List<string>();
        foreach (var page in UserPages())
        {
            var lines = File.ReadAllLines(Repository.PathOf(page));
            for (var i = 0; i < lines.Length; i++)
            {
                foreach (Match m in OutsideReference().Matches(lines[i]))
                {
                    findings.Add($"{page}:{i + 1}: '{m.Value}' is outside the repository");
                }

                // "seed" is the maintainers' word for the backend's published contract; only the dev server's flag may say it.
                foreach (Match m in Seed().Matches(Link().Replace(lines[i], "").Replace("--contract seed", "", StringComparison.Ordinal)))
                {
                    findings.Add($"{page}:{i + 1}: '{m.Value}' (name the backend contract in users' words)");
                }
            }
        }

        Assert.True(findings.Count == 0, string.Join('\n', findings));
    }

    [Fact]
    public void TheScansFindWhatTheyLookFor()
    {
        Assert.Matches(OutsideReference(), "see [the design](../shared/DESIGN.md)");
        Assert.Matches(OutsideReference(), "[notes](/work/shared/STYLE.md)");
        Assert.Matches(Seed(), "the seed's onDatabaseChange");
        Assert.DoesNotMatch(Seed(), "the dev server's --contract seed mode".Replace("--contract seed", "", StringComparison.Ordinal));
        var links = Links("[a](docs/models.md#what-the-generator-writes) `[b](not/a/link.md)` ![c](docs/images/x.png \"t\")").ToList();
        Assert.Equal(new[] { "docs/models.md#what-the-generator-writes", "docs/images/x.png" }, links);
        Assert.Equal("the-file-format-version-1", Slug("The file (format version 1)"));
        Assert.Equal("starting-the-dev-server-from-a-snapshot---schema", Slug("Starting the dev server from a snapshot: `--schema`"));
        Assert.Equal("until-the-packages-are-on-nugetorg", Slug("Until the packages are on nuget.org"));
    }

    [Fact]
    public void EveryRelativeLinkResolvesToAFileAndHeading()
    {
        var findings = new List<string>();
        var checkedLinks = 0;
        foreach (var page in LinkedPages())
        {
            var directory = Path.GetDirectoryName(Repository.PathOf(page))!;
            foreach (var link in Links(File.ReadAllText(Repository.PathOf(page))))
            {
                var target = link;
                string baseDirectory = directory;
                if (target.StartsWith(RepositoryUrl, StringComparison.Ordinal))
                {
                    // The package READMEs live on nuget.org: they link into the repository by its address.
                    var rest = target[RepositoryUrl.Length..];
                    var path = rest.StartsWith("/blob/main/", StringComparison.Ordinal) || rest.StartsWith("/tree/main/", StringComparison.Ordinal)
                        ? rest["/blob/main/".Length..]
                        : rest.StartsWith('#') ? "README.md" + rest : rest.Length == 0 ? "README.md" : null;
                    if (path is null)
                    {
                        findings.Add($"{page}: {link} is a repository address this test cannot map to a file");
                        continue;
                    }

                    target = path;
                    baseDirectory = Repository.Root;
                }
                else if (UriScheme().IsMatch(target))
                {
                    continue;
                }

                checkedLinks++;
                var hash = target.IndexOf('#', StringComparison.Ordinal);
                var file = hash < 0 ? target : target[..hash];
                var anchor = hash < 0 ? null : target[(hash + 1)..];
                var full = file.Length == 0 ? Repository.PathOf(page) : Path.GetFullPath(Path.Combine(baseDirectory, Uri.UnescapeDataString(file)));
                if (!full.StartsWith(Repository.Root, StringComparison.Ordinal))
                {
                    findings.Add($"{page}: {link} leaves the repository");
                    continue;
                }

                if (!File.Exists(full) && !Directory.Exists(full))
                {
                    findings.Add($"{page}: {link}: {Relative(full)} does not exist");
                    continue;
                }

                if (anchor is not null && full.EndsWith(".md", StringComparison.Ordinal) && !Anchors(File.ReadAllText(full)).Contains(anchor))
                {
                    findings.Add($"{page}: {link}: {Relative(full)} has no heading #{anchor}");
                }
            }
        }

        Assert.True(checkedLinks > 100, $"only {checkedLinks} links found: the link scan is broken");
        Assert.True(findings.Count == 0, string.Join('\n', findings));
    }

    [Fact]
    public void EveryGuidePageOpensWithItsContents()
    {
        // The guide's own pages (docs/*.md); the architecture page is the maintainers' map, the benchmark index one table.
        var pages = Directory.GetFiles(Repository.PathOf("docs"), "*.md").Select(Relative)
            .Where(static p => p is not "docs/architecture.md" and not "docs/benchmarks.md")
            .ToList();
        Assert.Contains("docs/subscribing.md", pages);
        var findings = new List<string>();
        foreach (var page in pages)
        {
            var headings = Headings(File.ReadAllText(Repository.PathOf(page))).Where(static h => h.Level == 2).Select(static h => h.Text).ToList();
            if (headings.Count == 0 || headings[0] != "Contents")
            {
                findings.Add($"{page}: the first section is not '## Contents'");
                continue;
            }

            var contents = Section(File.ReadAllText(Repository.PathOf(page)), "## Contents");
            findings.AddRange(headings.Skip(1).Where(h => !contents.Contains("(#" + Slug(h) + ")", StringComparison.Ordinal)).Select(h => $"{page}: '## {h}' is not in its contents"));
        }

        Assert.True(findings.Count == 0, string.Join('\n', findings));
    }

    [Fact]
    public void ThePackageReadmeListsEveryDiagnosticThereIs()
    {
        var pages = Directory.GetFiles(Repository.PathOf("docs/diagnostics"), "SKR*.md").Select(static p => Path.GetFileNameWithoutExtension(p)).Order(StringComparer.Ordinal).ToList();
        var readme = File.ReadAllText(Repository.PathOf("src/Skaftin.Realtime.Runtime/README.md"));
        var line = readme.Split('\n').SingleOrDefault(static l => l.Contains("diagnostics", StringComparison.OrdinalIgnoreCase) && l.Contains("SKR0", StringComparison.Ordinal));
        Assert.True(line is not null, "The package README has no one line listing the SKR diagnostics");
        var listed = new SortedSet<string>(StringComparer.Ordinal);
        foreach (Match m in DiagnosticRange().Matches(line))
        {
            var first = int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            var last = m.Groups[2].Success ? int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) : first;
            for (var id = first; id <= last; id++)
            {
                listed.Add($"SKR{id:000}");
            }
        }

        Assert.Equal(pages, listed.ToList());
    }

    [Fact]
    public void TheReadmesPackLoopPacksEveryPackableProject()
    {
        var packable = Directory.GetFiles(Repository.PathOf("src"), "*.csproj", SearchOption.AllDirectories)
            .Where(static p => File.ReadAllText(p).Contains("<IsPackable>true</IsPackable>", StringComparison.Ordinal))
            .Select(static p => Path.GetFileNameWithoutExtension(p)["Skaftin.Realtime.".Length..])
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.Contains("Testing", packable);
        var block = MarkdownCodeBlocks.Parse(File.ReadAllText(Repository.PathOf("README.md")))
            .First(static b => b.Section == "Build the package yourself" && b.Language == "bash");
        var loop = PackLoop().Match(block.Code);
        Assert.True(loop.Success, $"README.md {block}: no 'for project in ...; do' loop");
        Assert.Equal(packable, loop.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal).ToList());
    }

    // Test classes (named *Tests) and test methods ([Fact]/[Theory]) declared under tests/, minus names the samples
    // declare themselves (a sample's own test class is an example for users).
    private static HashSet<string> TestNames()
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(Repository.PathOf("tests"), "*.cs", SearchOption.AllDirectories).Where(static f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(file);
            names.UnionWith(TestClass().Matches(text).Select(static m => m.Groups[1].Value));
            names.UnionWith(TestMethod().Matches(text).Select(static m => m.Groups[1].Value));
        }

        foreach (var file in Directory.GetFiles(Repository.PathOf("samples"), "*.cs", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(file);
            names.ExceptWith(TestClass().Matches(text).Select(static m => m.Groups[1].Value));
            names.ExceptWith(TestMethod().Matches(text).Select(static m => m.Groups[1].Value));
        }

        return names;
    }

    private static IEnumerable<string> MarkdownUnder(string folder) =>
        Directory.GetFiles(Repository.PathOf(folder), "*.md", SearchOption.AllDirectories).Select(Relative).Order(StringComparer.Ordinal);

    private static string Relative(string path) => Path.GetRelativePath(Repository.Root, path).Replace('\\', '/');

    // Link targets outside code blocks and inline code.
    internal static IEnumerable<string> Links(string markdown)
    {
        foreach (var line in Prose(markdown))
        {
            foreach (Match m in Link().Matches(InlineCode().Replace(line, "")))
            {
                yield return m.Groups[1].Value;
            }
        }
    }

    private static IEnumerable<string> Prose(string markdown)
    {
        var inBlock = false;
        foreach (var line in markdown.Replace("\r\n", "\n").Split('\n'))
        {
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                inBlock = !inBlock;
                continue;
            }

            if (!inBlock)
            {
                yield return line;
            }
        }
    }

    private static List<(int Level, string Text)> Headings(string markdown) =>
        Prose(markdown).Select(static l => HeadingLine().Match(l)).Where(static m => m.Success)
            .Select(static m => (m.Groups[1].Value.Length, m.Groups[2].Value.Trim())).ToList();

    // GitHub's anchors: the heading's slug, "-1", "-2", ... for repeats.
    private static HashSet<string> Anchors(string markdown)
    {
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (_, text) in Headings(markdown))
        {
            var slug = Slug(text);
            anchors.Add(seen.TryGetValue(slug, out var n) ? $"{slug}-{n}" : slug);
            seen[slug] = n + 1;
        }

        return anchors;
    }

    // Lower case; letters, digits, '_', '-' and spaces kept; spaces become '-'.
    internal static string Slug(string heading)
    {
        var slug = new StringBuilder();
        foreach (var c in heading.ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c) || c is '_' or '-')
            {
                slug.Append(c);
            }
            else if (c == ' ')
            {
                slug.Append('-');
            }
        }

        return slug.ToString();
    }

    private static string Section(string markdown, string heading)
    {
        var start = markdown.IndexOf(heading + "\n", StringComparison.Ordinal);
        var end = markdown.IndexOf("\n## ", start + heading.Length, StringComparison.Ordinal);
        return end < 0 ? markdown[start..] : markdown[start..end];
    }

    [GeneratedRegex(@"!?\[[^\]]*\]\(([^)\s]+)(?:\s+""[^""]*"")?\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"`[^`]*`")]
    private static partial Regex InlineCode();

    [GeneratedRegex(@"^(#{1,6}) (.+)$")]
    private static partial Regex HeadingLine();

    [GeneratedRegex(@"^[a-z][a-z0-9+.-]*:", RegexOptions.IgnoreCase)]
    private static partial Regex UriScheme();

    [GeneratedRegex(@"\.\./shared|DESIGN\.md|STYLE\.md|/work/|\]\(/|file://|[A-Za-z]:\\")]
    private static partial Regex OutsideReference();

    [GeneratedRegex(@"\bseed\b", RegexOptions.IgnoreCase)]
    private static partial Regex Seed();

    [GeneratedRegex(@"[A-Za-z_][A-Za-z0-9_]*")]
    private static partial Regex Identifier();

    [GeneratedRegex(@"\bclass\s+([A-Za-z_][A-Za-z0-9_]*Tests?)\b")]
    private static partial Regex TestClass();

    [GeneratedRegex(@"\[(?:Fact|Theory)\b[^\]]*\]\s*(?:\[[^\]]*\]\s*)*public\s+(?:async\s+)?[\w<>\[\]?,. ]+?\s+([A-Za-z_][A-Za-z0-9_]*)\s*\(")]
    private static partial Regex TestMethod();

    [GeneratedRegex(@"SKR(\d{3})(?:\s*(?:–|-|to)\s*SKR(\d{3}))?")]
    private static partial Regex DiagnosticRange();

    [GeneratedRegex(@"for project in ([A-Za-z ]+); do")]
    private static partial Regex PackLoop();
}
