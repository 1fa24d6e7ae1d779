using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Skaftin.Realtime.Generator.Diagnostics;
using Xunit;

namespace Skaftin.Realtime.Generator.Tests;

/// <summary>
/// Every descriptor in the catalogue is tracked in the analyzer release files and has a help page, and every
/// release row and help page belongs to a descriptor (no orphans either way).
/// </summary>
public sealed class DiagnosticCatalogueTests
{
    private static readonly Regex ReleaseRow = new(@"^(SKR\d{3})\s*\|\s*([^|]+?)\s*\|\s*([^|]+?)\s*\|", RegexOptions.CultureInvariant);

    private static IReadOnlyList<DiagnosticDescriptor> Catalogue() => typeof(DiagnosticDescriptors)
        .GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
        .Where(static f => f.FieldType == typeof(DiagnosticDescriptor))
        .Select(static f => (DiagnosticDescriptor)f.GetValue(null)!)
        .OrderBy(static d => d.Id, StringComparer.Ordinal)
        .ToList();

    [Fact]
    public void TheCatalogueHasUniqueIds()
    {
        var ids = Catalogue().Select(static d => d.Id).ToList();
        Assert.NotEmpty(ids);
        Assert.Equal(ids.Distinct(StringComparer.Ordinal), ids);
    }

    [Fact]
    public void EveryDescriptorHasAReleaseRowAndEveryRowADescriptor()
    {
        var rows = ActiveReleaseRows();
        var catalogue = Catalogue();
        Assert.Equal(catalogue.Select(static d => d.Id), rows.Keys.OrderBy(static k => k, StringComparer.Ordinal));
        foreach (var descriptor in catalogue)
        {
            var (category, severity) = rows[descriptor.Id];
            Assert.True(descriptor.Category == category, $"{descriptor.Id}: release row says category '{category}', the descriptor '{descriptor.Category}'");
            Assert.True(descriptor.DefaultSeverity.ToString() == severity, $"{descriptor.Id}: release row says severity '{severity}', the descriptor '{descriptor.DefaultSeverity}'");
        }
    }

    [Fact]
    public void EveryDescriptorHasAHelpPageAndEveryPageADescriptor()
    {
        var folder = Path.Combine(RepositoryRoot(), "docs", "diagnostics");
        var pages = Directory.GetFiles(folder, "SKR*.md").Select(static p => Path.GetFileNameWithoutExtension(p)).OrderBy(static p => p, StringComparer.Ordinal);
        var catalogue = Catalogue();
        Assert.Equal(catalogue.Select(static d => d.Id), pages);

        var index = File.ReadAllText(Path.Combine(folder, "README.md"));
        foreach (var descriptor in catalogue)
        {
            Assert.True(descriptor.HelpLinkUri.EndsWith("docs/diagnostics/" + descriptor.Id + ".md", StringComparison.Ordinal), $"{descriptor.Id}: help link {descriptor.HelpLinkUri} does not point at its page");
            Assert.True(index.Contains($"[{descriptor.Id}]({descriptor.Id}.md)", StringComparison.Ordinal), $"{descriptor.Id} is not listed in docs/diagnostics/README.md");
            Assert.Contains(descriptor.Id, File.ReadAllText(Path.Combine(folder, descriptor.Id + ".md")));
        }
    }

    // Rows of "New Rules" and "Changed Rules" sections, minus those a later "Removed Rules" section takes away.
    private static Dictionary<string, (string Category, string Severity)> ActiveReleaseRows()
    {
        var generator = Path.Combine(RepositoryRoot(), "src", "Skaftin.Realtime.Generator");
        var active = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        foreach (var file in new[] { "AnalyzerReleases.Shipped.md", "AnalyzerReleases.Unshipped.md" })
        {
            var section = "";
            foreach (var line in File.ReadLines(Path.Combine(generator, file)))
            {
                if (line.StartsWith("### ", StringComparison.Ordinal))
                {
                    section = line.Substring(4).Trim();
                    continue;
                }

                var match = ReleaseRow.Match(line);
                if (!match.Success)
                {
                    continue;
                }

                var id = match.Groups[1].Value;
                if (section == "Removed Rules")
                {
                    Assert.True(active.Remove(id), $"{file} removes {id}, which no earlier release added");
                }
                else
                {
                    Assert.True(section is "New Rules" or "Changed Rules", $"{file}: row {id} is in an unknown section '{section}'");
                    Assert.True(section == "Changed Rules" || !active.ContainsKey(id), $"{file} adds {id} twice");
                    active[id] = (match.Groups[2].Value, match.Groups[3].Value);
                }
            }
        }

        return active;
    }

    private static string RepositoryRoot([CallerFilePath] string file = "")
    {
        for (var directory = Path.GetDirectoryName(file); directory is not null; directory = Path.GetDirectoryName(directory))
        {
            if (File.Exists(Path.Combine(directory, "Skaftin.Generators.sln")))
            {
                return directory;
            }
        }

        throw new InvalidOperationException($"no Skaftin.Generators.sln above {file}");
    }
}
