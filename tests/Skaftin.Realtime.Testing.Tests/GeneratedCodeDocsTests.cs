using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Skaftin.Realtime.Tests.Shared;
using Xunit;

namespace Skaftin.Realtime.Testing.Tests;

/// <summary>
/// The C# of docs/testing-generated-code.md is compiled by being a repository file: each block is marked
/// <c>&lt;!-- snippet: file {path} --&gt;</c> and must be that file, word for word (the sample test builds and runs it).
/// </summary>
public sealed class GeneratedCodeDocsTests
{
    private const string Page = "docs/testing-generated-code.md";

    [Fact]
    public void Every_CSharp_block_of_the_page_is_a_file_the_repository_builds()
    {
        var blocks = MarkdownCodeBlocks.Parse(File.ReadAllText(Repository.PathOf(Page)))
            .Where(static b => b.Language == "csharp")
            .ToList();

        Assert.NotEmpty(blocks);
        foreach (var block in blocks)
        {
            var marker = Regex.Match(block.Marker ?? "", "^file (.+)$");
            Assert.True(marker.Success, $"{Page} {block}: a C# block must be marked <!-- snippet: file <path> --> with the file that compiles it");
            var path = Repository.PathOf(marker.Groups[1].Value);
            Assert.True(File.Exists(path), $"{Page} {block}: {marker.Groups[1].Value} does not exist");
            Assert.Equal(File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal), block.Code);
        }
    }

    [Fact]
    public void The_testing_guide_links_the_page_from_its_snapshot_section()
    {
        var guide = File.ReadAllText(Repository.PathOf("docs/testing.md"));
        var start = guide.IndexOf("## Snapshot-test the generated code", StringComparison.Ordinal);
        Assert.True(start >= 0, "docs/testing.md has no '## Snapshot-test the generated code' section");
        var section = guide[start..];
        var end = section.IndexOf("\n## ", 1, StringComparison.Ordinal);
        section = end < 0 ? section : section[..end];

        Assert.Contains("(testing-generated-code.md)", section, StringComparison.Ordinal);
    }
}
