using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Skaftin.Realtime.Scale;

/// <summary>Runs this program again as a child with <paramref name="arguments"/> and reads its one result line.</summary>
internal static class ChildRunner
{
    public const string ResultPrefix = "RESULT ";

    public static async Task<JsonElement> RunAsync(IEnumerable<string> arguments, TimeSpan limit)
    {
        var info = new ProcessStartInfo(Environment.ProcessPath!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var entry = typeof(ChildRunner).Assembly.Location;
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet")
        {
            info.ArgumentList.Add(entry);
        }

        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"the child ({string.Join(' ', arguments)}) did not finish within {limit.TotalSeconds:0} s: {await stderr}");
        }

        var result = (await stdout).Split('\n').LastOrDefault(l => l.StartsWith(ResultPrefix, StringComparison.Ordinal));
        if (process.ExitCode != 0 || result is null)
        {
            throw new InvalidOperationException($"the child ({string.Join(' ', arguments)}) failed with exit code {process.ExitCode}: {await stderr}");
        }

        return JsonDocument.Parse(result[ResultPrefix.Length..]).RootElement.Clone();
    }

    public static void Report(object result) => Console.WriteLine(ResultPrefix + JsonSerializer.Serialize(result));
}
