using System;
using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;

namespace Skaftin.Realtime.Tests.Shared;

/// <summary>
/// The fenced code blocks of a Markdown file, each with its language, its line, the heading it is under and
/// the snippet marker written right above it (<c>&lt;!-- snippet: fragment --&gt;</c>), if any.
/// </summary>
internal static partial class MarkdownCodeBlocks
{
    /// <summary>A block; <paramref name="Line"/> is the 1-based line number of its first line of code.</summary>
    public sealed record Block(string Language, string Code, int Line, string Section, string? Marker)
    {
        public override string ToString() => $"line {Line} ({Language}{(Marker is null ? "" : ", " + Marker)})";
    }

    public static IReadOnlyList<Block> Parse(string markdown)
    {
        var blocks = new List<Block>();
        var lines = markdown.Replace("\r\n", "\n").Split('\n');
        var section = "";
        string? marker = null;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var heading = HeadingPattern().Match(line);
            if (heading.Success)
            {
                section = heading.Groups[1].Value.Trim();
            }

            var markerMatch = MarkerPattern().Match(line);
            if (markerMatch.Success)
            {
                marker = markerMatch.Groups[1].Value.Trim();
                continue;
            }

            if (!line.StartsWith("```", StringComparison.Ordinal))
            {
                // A marker belongs to the block right below it (blank lines allowed), nothing further.
                if (line.Trim().Length > 0)
                {
                    marker = null;
                }

                continue;
            }

            var language = line[3..].Trim();
            var start = i + 2; // the 1-based number of the block's first line
            var code = new StringBuilder();
            for (i++; i < lines.Length && !lines[i].StartsWith("```", StringComparison.Ordinal); i++)
            {
                code.Append(lines[i]).Append('\n');
            }

            if (i == lines.Length)
            {
                throw new FormatException($"The code block opened on line {start - 1} is never closed.");
            }

            blocks.Add(new Block(language, code.ToString(), start, section, marker));
            marker = null;
        }

        return blocks;
    }

    [GeneratedRegex(@"^#{1,6} (.+)$")]
    private static partial Regex HeadingPattern();

    [GeneratedRegex(@"^\s*<!--\s*snippet:\s*(.+?)\s*-->\s*$")]
    private static partial Regex MarkerPattern();
}
