using System;
using System.Diagnostics;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace Skaftin.Realtime.DevServer.Tests;

internal static class ProcessAssert
{
    public static void Gone(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            Assert.True(process.HasExited, $"node process {pid} is still running");
        }
        catch (ArgumentException)
        {
            // No such process: gone.
        }
    }

    /// <summary>
    /// Waits until /proc reports the given state letter (Linux only; elsewhere returns immediately). A stopped
    /// process under a debugger or strace shows the lower-case variant, which counts too.
    /// </summary>
    public static async Task LinuxStateAsync(int pid, char expected, CancellationToken ct)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        while (true)
        {
            var stat = await File.ReadAllTextAsync($"/proc/{pid}/stat", ct);
            // pid (comm) state ...: the state follows the last ')'.
            var state = stat[stat.LastIndexOf(')') + 2];
            if (char.ToUpperInvariant(state) == char.ToUpperInvariant(expected))
            {
                return;
            }

            await Task.Delay(50, ct);
        }
    }

    public static HttpClient NewHttpClient() =>
        new(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(30) };
}
