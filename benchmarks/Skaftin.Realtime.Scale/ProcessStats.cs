using System;
using System.Diagnostics;
using System.IO;
using System.Linq;

namespace Skaftin.Realtime.Scale;

/// <summary>This process's CPU time and thread count, read the same way in every variant.</summary>
internal static class ProcessStats
{
    public static TimeSpan Cpu()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }

    public static int Threads()
    {
        if (File.Exists("/proc/self/status"))
        {
            var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("Threads:", StringComparison.Ordinal));
            if (line is not null && int.TryParse(line.AsSpan("Threads:".Length).Trim(), out var count))
            {
                return count;
            }
        }

        using var self = Process.GetCurrentProcess();
        return self.Threads.Count;
    }
}
