using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Skaftin.Realtime.Scale;

// dotnet run -c Release --project benchmarks/Skaftin.Realtime.Scale -- [idle] [rooms] [options]
// A measured variant: the same program with --child <mode> (started by the harness, not by hand).

const string Usage = """
    usage: dotnet run -c Release --project benchmarks/Skaftin.Realtime.Scale -- [idle] [rooms] [options]
      idle                  many idle connections in one process: CPU ms per second and threads (default: both modes)
      rooms                 one connection in many projects: joins, rejoin after a reset, per-event cost, leave-all
      --connections N       idle connections (default 200)
      --rooms N             projects on the one connection (default 1,000)
      --reps N              repetitions per variant, interleaved (default 3)
      --settle S            seconds after the last join before the idle window (default 30: the runtime is still
                            tier-compiling the connect path for several seconds after 200 connections)
      --window S            seconds of the idle window (default 40: longer than the server's 25 s ping interval)
      --ping-interval S     the server's ping interval for the idle mode (default: the server's, 25 s)
      --variants A,B        only these idle variants (default: all; see IdleScale.Variants)
      --out PATH            also write the Markdown report there
    """;

try
{
    var options = Parse(args);
    if (options.TryGetValue("--child", out var child))
    {
        return child switch
        {
            "idle" => await IdleScale.ChildAsync(
                new Uri(options["--url"]), options["--key"], Int(options, "--connections", 0), options["--park"],
                Seconds(options, "--settle", 30), Seconds(options, "--window", 40)),
            "rooms" => await RoomScale.ChildAsync(new Uri(options["--url"]), options["--key"], Int(options, "--rooms", 1000), options["--variant"]),
            _ => throw new ArgumentException($"unknown child mode {child}"),
        };
    }

    if (options.ContainsKey("--help"))
    {
        Console.WriteLine(Usage);
        return 0;
    }

    var modes = args.Where(a => a is "idle" or "rooms").ToList();
    if (modes.Count == 0)
    {
        modes = ["idle", "rooms"];
    }

    var reps = Int(options, "--reps", 3);
    var report = new StringBuilder();
    report.AppendLine(CultureInfo.InvariantCulture, $"Machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}; {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; load average {(File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "?")}");
    report.AppendLine(CultureInfo.InvariantCulture, $"Command: dotnet run -c Release --project benchmarks/Skaftin.Realtime.Scale -- {string.Join(' ', args)}");
    report.AppendLine();
    if (modes.Contains("idle"))
    {
        report.AppendLine(await IdleScale.RunAsync(
            Int(options, "--connections", 200), reps, Seconds(options, "--settle", 30), Seconds(options, "--window", 40),
            options.ContainsKey("--ping-interval") ? Seconds(options, "--ping-interval", 25) : null,
            options.TryGetValue("--variants", out var only) ? only.Split(',') : null));
    }

    if (modes.Contains("rooms"))
    {
        report.AppendLine(await RoomScale.RunAsync(Int(options, "--rooms", 1000), reps));
    }

    Console.WriteLine(report);
    if (options.TryGetValue("--out", out var path))
    {
        File.WriteAllText(path, report.ToString());
    }

    return 0;
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine(Usage);
    return 2;
}

static Dictionary<string, string> Parse(string[] args)
{
    var options = new Dictionary<string, string>(StringComparer.Ordinal);
    for (var i = 0; i < args.Length; i++)
    {
        if (args[i] is "idle" or "rooms")
        {
            continue;
        }

        if (args[i] is "--help" or "-h")
        {
            options["--help"] = "";
            continue;
        }

        if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
        {
            throw new ArgumentException($"unknown or incomplete argument {args[i]}");
        }

        options[args[i]] = args[++i];
    }

    return options;
}

static int Int(Dictionary<string, string> options, string name, int fallback) =>
    !options.TryGetValue(name, out var text) ? fallback
    : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value
    : throw new ArgumentException($"{name} must be a whole number");

static TimeSpan Seconds(Dictionary<string, string> options, string name, double fallback) =>
    TimeSpan.FromSeconds(!options.TryGetValue(name, out var text) ? fallback
        : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0 ? value
        : throw new ArgumentException($"{name} must be a positive number of seconds"));
