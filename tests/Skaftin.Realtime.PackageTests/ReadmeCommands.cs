using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Skaftin.Realtime.Tests.Shared;

namespace Skaftin.Realtime.PackageTests;

/// <summary>
/// The commands of the README's "Build the package yourself" section, read from the README when the tests run: the
/// first bash block packs (run in the repository), the second adds the feed and the package to an app (run in the
/// app's folder). Only the feed folder, <c>~/skaftin-feed</c>, is replaced by the test's own.
/// </summary>
internal static class ReadmeCommands
{
    public const string Section = "Build the package yourself";
    public const string ReadmeFeed = "~/skaftin-feed";

    public static Task<ProcessRunner.Result> PackAsync(string feed) => RunAsync(0, feed, Repository.Root);

    public static Task<ProcessRunner.Result> AddToAppAsync(string feed, string appDirectory) => RunAsync(1, feed, appDirectory);

    private static async Task<ProcessRunner.Result> RunAsync(int block, string feed, string workingDirectory)
    {
        var blocks = MarkdownCodeBlocks.Parse(File.ReadAllText(Repository.PathOf("README.md")))
            .Where(static b => b.Section == Section && b.Language == "bash")
            .ToList();
        if (blocks.Count != 2)
        {
            throw new InvalidOperationException($"README.md's '{Section}' section should hold two bash blocks (pack; add to an app), not {blocks.Count}.");
        }

        var script = blocks[block].Code;
        if (!script.Contains(ReadmeFeed, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"README.md's '{Section}' block on line {blocks[block].Line} no longer uses {ReadmeFeed}.");
        }

        var file = Path.Combine(Path.GetTempPath(), $"skaftin-readme-{Guid.NewGuid():N}.sh");
        File.WriteAllText(file, script.Replace(ReadmeFeed, feed, StringComparison.Ordinal));
        try
        {
            // Four packs, each building the runtime for two targets: minutes on a busy 2-core machine.
            return await ProcessRunner.RunAsync("bash", $"-euo pipefail \"{file}\"", workingDirectory, TimeSpan.FromMinutes(10));
        }
        finally
        {
            File.Delete(file);
        }
    }
}
