using System;
using System.Collections.Concurrent;
using System.ComponentModel;
using System.Diagnostics;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Skaftin.Realtime.DevServer.Internal;

/// <summary>
/// Runs <c>npm ci</c> in the dev server's folder when its packages are missing: at most once per process and
/// folder, and never in two processes at the same time (a lock file guards it across processes).
/// </summary>
internal static class NpmInstaller
{
    /// <summary>Files whose absence means the packages must be installed (relative to the dev server folder).</summary>
    internal static readonly string[] RequiredFiles =
    {
        Path.Combine("node_modules", "socket.io", "package.json"),
        Path.Combine("node_modules", "better-sqlite3", "build", "Release", "better_sqlite3.node"),
    };

    /// <summary>better-sqlite3 may compile from source: allow for a slow machine.</summary>
    internal static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(15);

    private const string NodeHeadersDir = "/usr";

    private static readonly ConcurrentDictionary<string, Lazy<Task>> s_installs = new(StringComparer.Ordinal);

    /// <summary>True when <c>npm ci</c> must run before the server in <paramref name="devServerDirectory"/> can start.</summary>
    internal static bool IsInstallNeeded(string devServerDirectory)
    {
        foreach (var file in RequiredFiles)
        {
            if (!File.Exists(Path.Combine(devServerDirectory, file)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The cross-process lock file for installs into <paramref name="devServerDirectory"/>.</summary>
    /// <remarks>
    /// It lives in the temp folder, not in the dev server's folder: that keeps the work tree clean, and
    /// <c>npm ci</c> deletes node_modules, so it cannot live there either.
    /// </remarks>
    internal static string LockPathFor(string devServerDirectory)
    {
        var full = Path.GetFullPath(devServerDirectory).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(full)), 0, 8).ToLowerInvariant();
        return Path.Combine(Path.GetTempPath(), $"skaftin-devserver-{hash}.install.lock");
    }

    /// <summary>Installs the packages if needed. A failed install is not retried within the same process.</summary>
    public static Task EnsureInstalledAsync(string devServerDirectory, SafeLog log, CancellationToken cancellationToken)
    {
        if (!IsInstallNeeded(devServerDirectory))
        {
            return Task.CompletedTask;
        }

        // Not tied to the first caller's token: other callers may be waiting for the same install.
        var install = s_installs.GetOrAdd(
            devServerDirectory,
            dir => new Lazy<Task>(() => Task.Run(() => InstallAsync(dir, log))));
        return install.Value.WaitAsync(cancellationToken);
    }

    private static async Task InstallAsync(string directory, SafeLog log)
    {
        using var timeout = new CancellationTokenSource(InstallTimeout);
        var lockPath = LockPathFor(directory);
        using (await AcquireLockAsync(lockPath, log, timeout.Token).ConfigureAwait(false))
        {
            if (!IsInstallNeeded(directory))
            {
                log.Write($"skaftin-dev-server-launcher: packages in {directory} were installed by another process");
                return;
            }

            await RunNpmCiAsync(directory, log, timeout.Token).ConfigureAwait(false);
        }

        if (IsInstallNeeded(directory))
        {
            throw new SkaftinDevServerException(
                $"npm ci finished in '{directory}' but {string.Join(" or ", RequiredFiles)} is still missing.");
        }
    }

    private static async Task<FileStream> AcquireLockAsync(string lockPath, SafeLog log, CancellationToken cancellationToken)
    {
        var announced = false;
        while (true)
        {
            try
            {
                return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException)
            {
                // Another process holds the lock (or is just creating the file).
            }

            if (!announced)
            {
                log.Write($"skaftin-dev-server-launcher: waiting for another process's npm ci (lock {lockPath})");
                announced = true;
            }

            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                throw new SkaftinDevServerException(
                    $"Timed out after {InstallTimeout} waiting for the install lock '{lockPath}' held by another process.");
            }
        }
    }

    private static async Task RunNpmCiAsync(string directory, SafeLog log, CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo(OperatingSystem.IsWindows() ? "npm.cmd" : "npm")
        {
            WorkingDirectory = directory,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        startInfo.ArgumentList.Add("ci");
        startInfo.ArgumentList.Add("--no-audit");
        startInfo.ArgumentList.Add("--no-fund");

        // Install scripts (better-sqlite3's native build: minutes) print as they run, so the log shows progress
        // rather than nothing until npm ends.
        startInfo.ArgumentList.Add("--foreground-scripts");
        startInfo.Environment["npm_config_update_notifier"] = "false";

        // better-sqlite3 compiles from source when no prebuilt binary can be downloaded; node-gyp would then try
        // to download Node's headers. Point it at the system's headers instead (a user's ~/.npmrc may not).
        if (!OperatingSystem.IsWindows()
            && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("npm_config_nodedir"))
            && File.Exists(Path.Combine(NodeHeadersDir, "include", "node", "node.h")))
        {
            startInfo.Environment["npm_config_nodedir"] = NodeHeadersDir;
        }

        var tail = new LineTail(40);
        void OnLine(string? line)
        {
            if (line is null)
            {
                return;
            }

            tail.Add(line);
            log.Write("npm: " + line);
        }

        log.Write($"skaftin-dev-server-launcher: running npm ci --no-audit --no-fund --foreground-scripts in {directory}");
        using var process = new Process { StartInfo = startInfo };
        process.OutputDataReceived += (_, e) => OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            throw new SkaftinDevServerException(
                "Could not run npm to install the dev server's packages: install Node.js 20+ (with npm) and put it on PATH.", e);
        }

        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            TryKillTree(process);
            throw new SkaftinDevServerException(
                $"npm ci in '{directory}' did not finish within {InstallTimeout}. Last output:{Environment.NewLine}{tail}");
        }

        if (process.ExitCode != 0)
        {
            throw new SkaftinDevServerException(
                $"npm ci in '{directory}' failed with exit code {process.ExitCode}. Last output:{Environment.NewLine}{tail}");
        }
    }

    private static void TryKillTree(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }
        catch (InvalidOperationException)
        {
        }
        catch (Win32Exception)
        {
        }
    }
}
