using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;

namespace Skaftin.Realtime.EndToEnd.ColdStart;

/// <summary>
/// Publishes the cold-start client (benchmarks/Skaftin.Realtime.ColdStart) once per build into the git-ignored
/// results/cold-start/builds, each with its own artifacts folder so the builds never share intermediate files;
/// and, for a baseline, the same from another commit (exported with <c>git archive</c>, read-only for the repository).
/// </summary>
internal sealed class ColdStartBuilds
{
    private const string Project = "benchmarks/Skaftin.Realtime.ColdStart";
    private const string Binary = "Skaftin.Realtime.ColdStart";
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromMinutes(20);

    private readonly string _repoRoot;

    public ColdStartBuilds(string repoRoot)
    {
        _repoRoot = repoRoot;
        Root = Path.Combine(repoRoot, "benchmarks", "Skaftin.Realtime.EndToEnd", "results", "cold-start");
    }

    public string Root { get; }

    /// <summary>The <c>dotnet publish</c> properties of each build.</summary>
    public static string PropertiesOf(string build) => build switch
    {
        "jit" => "framework-dependent, tiered JIT (the default)",
        "r2r" => "framework-dependent, `<PublishReadyToRun>`",
        "aot" => "`<PublishAot>`",
        "r2r-composite" => "self-contained, `<PublishReadyToRun>` + `<PublishReadyToRunComposite>` (framework and app in one composite image)",
        _ => throw new ArgumentException($"unknown build {build}"),
    };

    /// <summary>The executable of <paramref name="build"/> (<c>@base</c> for the baseline's).</summary>
    public string ExecutableOf(string build, bool baseline) => Path.Combine(Root, "builds", baseline ? build + "@base" : build, Binary);

    /// <summary>Publishes every build of this tree; with <paramref name="baselineRef"/>, of that commit too.</summary>
    public async Task PublishAsync(IReadOnlyList<string> builds, string? baselineRef, IReadOnlyList<string> baselineBuilds)
    {
        foreach (var build in builds)
        {
            await PublishOneAsync(_repoRoot, build, Path.GetDirectoryName(ExecutableOf(build, baseline: false))!).ConfigureAwait(false);
        }

        if (baselineRef is null)
        {
            return;
        }

        var source = await ExportAsync(baselineRef).ConfigureAwait(false);
        foreach (var build in baselineBuilds)
        {
            await PublishOneAsync(source, build, Path.GetDirectoryName(ExecutableOf(build, baseline: true))!).ConfigureAwait(false);
        }
    }

    /// <summary>The short commit id of <paramref name="reference"/>.</summary>
    public async Task<string> DescribeAsync(string reference)
    {
        var (code, output) = await RunAsync("git", _repoRoot, TimeSpan.FromSeconds(30), "rev-parse", "--short", reference).ConfigureAwait(false);
        return code == 0 ? output.Trim() : reference;
    }

    private async Task PublishOneAsync(string sourceRoot, string build, string output)
    {
        if (Directory.Exists(output))
        {
            Directory.Delete(output, recursive: true);
        }

        var artifacts = Path.Combine(Root, "artifacts", Path.GetFileName(output));
        var args = new List<string> { "publish", Path.Combine(sourceRoot, Project), "-c", "Release", $"-p:ColdStartBuild={build}", "-o", output, "--artifacts-path", artifacts, "-nologo", "-v:q" };
        Console.WriteLine($"publish {Path.GetFileName(output)}: dotnet {string.Join(" ", args.Select(a => a.Replace(_repoRoot, ".", StringComparison.Ordinal)))}");
        var watch = Stopwatch.StartNew();
        var (code, text) = await RunAsync("dotnet", sourceRoot, PublishTimeout, args.ToArray()).ConfigureAwait(false);
        if (code != 0 || !File.Exists(Path.Combine(output, Binary)))
        {
            throw new InvalidOperationException($"dotnet publish of {Path.GetFileName(output)} failed (exit {code}):\n{Tail(text, 3000)}");
        }

        Console.WriteLine($"  {watch.Elapsed.TotalSeconds:0} s");
    }

    /// <summary>Writes <paramref name="reference"/>'s tree to results/cold-start/base-src, with this tree's cold-start client.</summary>
    private async Task<string> ExportAsync(string reference)
    {
        var target = Path.Combine(Root, "base-src");
        if (Directory.Exists(target))
        {
            Directory.Delete(target, recursive: true);
        }

        Directory.CreateDirectory(target);
        var archive = Path.Combine(Root, "base-src.tar");
        var (code, text) = await RunAsync("git", _repoRoot, TimeSpan.FromMinutes(2), "archive", "--format=tar", "-o", archive, reference).ConfigureAwait(false);
        if (code != 0)
        {
            throw new InvalidOperationException($"git archive {reference} failed: {Tail(text, 1000)}");
        }

        (code, text) = await RunAsync("tar", target, TimeSpan.FromMinutes(2), "-xf", archive).ConfigureAwait(false);
        File.Delete(archive);
        if (code != 0)
        {
            throw new InvalidOperationException($"tar -xf failed: {Tail(text, 1000)}");
        }

        // The client under test is this tree's, so both sides run the same program against different SDK sources.
        var client = Path.Combine(target, Project);
        if (Directory.Exists(client))
        {
            Directory.Delete(client, recursive: true);
        }

        Directory.CreateDirectory(client);
        foreach (var file in new[] { "Program.cs", "Skaftin.Realtime.ColdStart.csproj" })
        {
            File.Copy(Path.Combine(_repoRoot, Project, file), Path.Combine(client, file));
        }

        return target;
    }

    private static async Task<(int Code, string Output)> RunAsync(string file, string workingDirectory, TimeSpan timeout, params string[] arguments)
    {
        var info = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in arguments)
        {
            info.ArgumentList.Add(a);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {file}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(timeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{file} {string.Join(" ", arguments)} took over {timeout.TotalMinutes:0} minutes");
        }

        return (process.ExitCode, await stdout.ConfigureAwait(false) + await stderr.ConfigureAwait(false));
    }

    private static string Tail(string text, int chars) => text.Length <= chars ? text : "…" + text[^chars..];
}
