using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace Skaftin.Realtime.PackageTests;

/// <summary>
/// Runs a consumer app against the fixture's dev server in a project of its own: the backend's address, key and project
/// are in the environment both as <c>SKAFTIN_*</c> (console apps) and as <c>Skaftin__*</c> (hosted apps' configuration).
/// A row of <c>vehicles</c> is inserted once the consumer is ready, and its output must show the typed row.
/// </summary>
internal static class ConsumerRun
{
    /// <summary>
    /// Runs the consumer until it prints a line that <paramref name="isDone"/> accepts; one that runs until Ctrl+C is
    /// interrupted (SIGINT) after that line and must then exit with 0. The row is inserted after a line that
    /// <paramref name="isReady"/> accepts, or, when it is null, once the server sees a member in the project's room.
    /// Returns the time from process start to the consumer's first line.
    /// </summary>
    public static async Task<TimeSpan> RunAsync(PackageFixture fixture, string fileName, string arguments, string directory, Func<string, bool>? isReady, Func<string, bool> isDone, bool interruptWhenDone)
    {
        var project = "pkg" + Guid.NewGuid().ToString("N")[..8];
        await fixture.Server.Api.CreateTableAsync(project, "vehicles", new[]
        {
            new DevServer.DevColumn("id", "integer", PrimaryKey: true),
            new DevServer.DevColumn("registration_number", "text", Nullable: false),
            new DevServer.DevColumn("status", "text", Nullable: false),
            new DevServer.DevColumn("capacity", "integer"),
            new DevServer.DevColumn("created_at", "timestamp", Default: "now"),
        });
        var url = fixture.Server.Url.ToString();
        var key = fixture.Server.DefaultApiKey;
        var info = new ProcessStartInfo(fileName, arguments)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            Environment =
            {
                ["SKAFTIN_URL"] = url,
                ["SKAFTIN_API_URL"] = url,
                ["SKAFTIN_KEY"] = key,
                ["SKAFTIN_API_KEY"] = key,
                ["SKAFTIN_PROJECT"] = project,
                ["Skaftin__ApiUrl"] = url,
                ["Skaftin__ApiKey"] = key,
                ["Skaftin__Projects__0"] = project,
            },
        };
        Task Insert() => fixture.Server.Api.InsertAsync(project, "vehicles", new { registration_number = "PKG 1", status = "in_service", capacity = 9 });
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(info)!;
        var inserted = isReady is null ? InsertOnceJoinedAsync() : Task.CompletedTask;
        var lines = new List<string>();
        TimeSpan? firstLine = null;
        try
        {
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (DateTime.UtcNow < deadline)
            {
                var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(45));
                if (line is null)
                {
                    break;
                }

                firstLine ??= clock.Elapsed;
                lines.Add(line);
                if (isReady?.Invoke(line) == true)
                {
                    await Insert();
                }

                if (interruptWhenDone && isDone(line))
                {
                    (await ProcessRunner.RunAsync("kill", $"-INT {process.Id}", directory, TimeSpan.FromSeconds(10))).EnsureSuccess("kill -INT");
                }
            }

            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
            await inserted;
        }
        catch (TimeoutException timeout)
        {
            // Say what the consumer printed, and its errors, rather than a bare "The operation has timed out."
            process.Kill(entireProcessTree: true);
            var errors = await process.StandardError.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(10));
            throw new TimeoutException(
                $"{timeout.Message} The consumer printed:\n{string.Join('\n', lines)}\nand on stderr:\n{errors}{SigIntIgnoredHint()}", timeout);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        var stderr = await process.StandardError.ReadToEndAsync();
        Assert.True(process.ExitCode == 0, $"consumer exit {process.ExitCode}: {string.Join('\n', lines)}\n{stderr}");
        Assert.Contains(lines, line => isDone(line));
        return firstLine ?? TimeSpan.Zero;

        // A shell without job control starts background commands with SIGINT ignored, and the consumer inherits that:
        // the Ctrl+C this test sends then never reaches it. Say so instead of leaving a bare timeout.
        static string SigIntIgnoredHint()
        {
            var ignored = File.Exists("/proc/self/status")
                ? File.ReadLines("/proc/self/status").FirstOrDefault(static l => l.StartsWith("SigIgn:", StringComparison.Ordinal))
                : null;
            return ignored is not null && (Convert.ToUInt64(ignored["SigIgn:".Length..].Trim(), 16) & 0x2) != 0
                ? "\nSIGINT is ignored by this test process (started in the background by a shell without job control), so the consumer never saw Ctrl+C: run the tests in the foreground."
                : "";
        }

        async Task InsertOnceJoinedAsync()
        {
            var until = DateTime.UtcNow.AddSeconds(45);
            while ((await fixture.Server.Api.GetRoomMembersAsync(project)).Count == 0)
            {
                if (DateTime.UtcNow > until || process.HasExited)
                {
                    throw new TimeoutException($"The consumer did not join project {project}.");
                }

                await Task.Delay(100);
            }

            await Insert();
        }
    }
}
