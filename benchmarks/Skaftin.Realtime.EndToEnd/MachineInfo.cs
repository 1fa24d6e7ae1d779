using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Threading.Tasks;

namespace Skaftin.Realtime.EndToEnd;

/// <summary>What the numbers were measured on.</summary>
internal sealed record MachineInfo(int Cores, string Cpu, string Os, string DotNet, string Node, string SocketIoClientNet, string Source)
{
    public static async Task<MachineInfo> CollectAsync(string repoRoot)
    {
        var cpu = "unknown";
        try
        {
            cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? cpu;
        }
        catch (IOException)
        {
        }

        return new MachineInfo(
            Environment.ProcessorCount,
            cpu,
            RuntimeInformation.OSDescription,
            $"{RuntimeInformation.FrameworkDescription} ({RuntimeInformation.ProcessArchitecture}), workstation concurrent GC",
            await NodeVersionAsync().ConfigureAwait(false),
            typeof(SocketIOClient.SocketIO).Assembly.GetName().Version?.ToString() ?? "?",
            await SourceAsync(repoRoot).ConfigureAwait(false));
    }

    /// <summary>The 1-, 5- and 15-minute load averages (the machine is shared: they say how quiet it was).</summary>
    public static string LoadAverage()
    {
        try
        {
            return string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "?";
        }
    }

    public string OneLine() => $"{Cores} cores, {Cpu}; {Os}; {DotNet}; node {Node}";

    private static async Task<string> NodeVersionAsync() => await OutputOfAsync("node", null, "--version").ConfigureAwait(false) ?? "not found";

    /// <summary>The commit measured, and whether src/ had uncommitted changes (read-only git commands).</summary>
    private static async Task<string> SourceAsync(string repoRoot)
    {
        var commit = await OutputOfAsync("git", repoRoot, "rev-parse", "--short", "HEAD").ConfigureAwait(false);
        if (commit is null)
        {
            return "unknown (no git)";
        }

        var dirty = await OutputOfAsync("git", repoRoot, "status", "--porcelain", "--", "src").ConfigureAwait(false);
        return string.IsNullOrEmpty(dirty) ? $"commit {commit}" : $"commit {commit} with uncommitted changes in src/";
    }

    private static async Task<string?> OutputOfAsync(string file, string? workingDirectory, params string[] arguments)
    {
        try
        {
            var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            if (workingDirectory is not null)
            {
                info.WorkingDirectory = workingDirectory;
            }

            foreach (var a in arguments)
            {
                info.ArgumentList.Add(a);
            }

            using var process = Process.Start(info)!;
            var text = await process.StandardOutput.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
            return process.ExitCode == 0 ? text.Trim() : null;
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or TimeoutException or InvalidOperationException)
        {
            return null;
        }
    }
}
