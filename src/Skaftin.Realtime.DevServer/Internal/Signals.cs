using System;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Skaftin.Realtime.DevServer.Internal;

/// <summary>POSIX signals for the server process (SIGSTOP/SIGCONT/SIGTERM have no .NET API).</summary>
internal static class Signals
{
    public const int SigTerm = 15;

    // Numbers differ between Linux and the BSDs (macOS).
    public static int SigStop => OperatingSystem.IsLinux() ? 19 : 17;

    public static int SigCont => OperatingSystem.IsLinux() ? 18 : 19;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SysKill(int pid, int signal);

    /// <summary>Sends <paramref name="signal"/> to <paramref name="pid"/>: libc <c>kill</c>, else <c>/bin/kill</c>.</summary>
    public static void Send(int pid, int signal, string name)
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException($"SIG{name} needs a POSIX system.");
        }

        try
        {
            if (SysKill(pid, signal) == 0)
            {
                return;
            }

            throw new SkaftinDevServerException($"kill(pid {pid}, SIG{name}) failed with errno {Marshal.GetLastPInvokeError()}.");
        }
        catch (DllNotFoundException)
        {
        }
        catch (EntryPointNotFoundException)
        {
        }

        RunKillCommand(pid, name);
    }

    private static void RunKillCommand(int pid, string name)
    {
        var startInfo = new ProcessStartInfo(System.IO.File.Exists("/bin/kill") ? "/bin/kill" : "kill")
        {
            UseShellExecute = false,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        startInfo.ArgumentList.Add("-" + name);
        startInfo.ArgumentList.Add(pid.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var process = Process.Start(startInfo)
            ?? throw new SkaftinDevServerException($"Could not run kill -{name} {pid}.");
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new SkaftinDevServerException($"kill -{name} {pid} failed with exit code {process.ExitCode}: {error.Trim()}");
        }
    }
}
