using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Skaftin.Realtime.EndToEnd.ColdStart;

/// <summary>The cold-start mode's settings (<c>--cold-start</c>; see <see cref="Parse"/> for the command line).</summary>
internal sealed record ColdStartOptions
{
    public const string Usage = """
        usage: dotnet run -c Release --project benchmarks/Skaftin.Realtime.EndToEnd -- --cold-start [options]
          --reps N              measured runs per kind, interleaved (default 15), after one unmeasured round
          --builds a,b          .NET builds to publish and run: jit, r2r, aot (default: these three) and
                                r2r-composite (self-contained, the framework and the app in one ReadyToRun composite)
          --variant NAME=BUILD:VAR=VALUE[,VAR=VALUE]
                                also run BUILD with these environment variables as kind NAME (repeatable), e.g.
                                r2r-nopgo=r2r:DOTNET_TieredPGO=0
          --baseline-ref REF    also publish the same builds from git REF (the cold-start client of this tree
                                built against that commit's SDK) and run them as <build>@base: before/after in one run
          --baseline-builds a,b which builds the baseline publishes too (default jit,r2r: the levers are JIT time)
          --no-publish          reuse the builds of the last run (results/cold-start/builds)
          --out PATH            where to write the Markdown report (default results/cold-start-<time>.md)
        """;

    public int Repetitions { get; init; } = 15;

    public IReadOnlyList<string> Builds { get; init; } = new[] { "jit", "r2r", "aot" };

    public IReadOnlyList<ColdStartVariant> Variants { get; init; } = Array.Empty<ColdStartVariant>();

    public string? BaselineRef { get; init; }

    public IReadOnlyList<string> BaselineBuilds { get; init; } = new[] { "jit", "r2r" };

    public bool Publish { get; init; } = true;

    public string? OutputPath { get; init; }

    public static readonly IReadOnlyList<string> KnownBuilds = new[] { "jit", "r2r", "aot", "r2r-composite" };

    public static ColdStartOptions Parse(string[] args)
    {
        var options = new ColdStartOptions();
        var variants = new List<ColdStartVariant>();
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--cold-start":
                    break;
                case "--reps":
                    options = options with
                    {
                        Repetitions = int.TryParse(Value(), NumberStyles.None, CultureInfo.InvariantCulture, out var reps) && reps > 0
                            ? reps
                            : throw new ArgumentException("--reps must be a positive integer"),
                    };
                    break;
                case "--builds":
                    var builds = Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                    if (builds.Length == 0 || builds.Any(b => !KnownBuilds.Contains(b)) || builds.Distinct().Count() != builds.Length)
                    {
                        throw new ArgumentException($"--builds: a comma-separated list of {string.Join(", ", KnownBuilds)}");
                    }

                    options = options with { Builds = builds };
                    break;
                case "--variant":
                    variants.Add(ColdStartVariant.Parse(Value()));
                    break;
                case "--baseline-builds":
                    var baselineBuilds = Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                    if (baselineBuilds.Length == 0 || baselineBuilds.Any(b => !KnownBuilds.Contains(b)))
                    {
                        throw new ArgumentException($"--baseline-builds: a comma-separated list of {string.Join(", ", KnownBuilds)}");
                    }

                    options = options with { BaselineBuilds = baselineBuilds };
                    break;
                case "--baseline-ref":
                    options = options with { BaselineRef = Value() };
                    break;
                case "--no-publish":
                    options = options with { Publish = false };
                    break;
                case "--out":
                    options = options with { OutputPath = Value() };
                    break;
                default:
                    throw new ArgumentException($"unknown argument {args[i]}");
            }
        }

        foreach (var variant in variants)
        {
            if (!options.Builds.Contains(variant.Build))
            {
                throw new ArgumentException($"--variant {variant.Name}: build {variant.Build} is not in --builds");
            }
        }

        return options with { Variants = variants, BaselineBuilds = options.BaselineBuilds.Where(options.Builds.Contains).ToList() };
    }
}

/// <summary>A published build run with extra environment variables (a runtime knob a user can set).</summary>
internal sealed record ColdStartVariant(string Name, string Build, IReadOnlyDictionary<string, string> Environment)
{
    public static ColdStartVariant Parse(string text)
    {
        var eq = text.IndexOf('=', StringComparison.Ordinal);
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (eq < 1 || colon < eq + 2)
        {
            throw new ArgumentException($"--variant {text}: expected NAME=BUILD:VAR=VALUE[,VAR=VALUE]");
        }

        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in text[(colon + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = pair.Split('=', 2);
            if (parts.Length != 2 || parts[0].Length == 0)
            {
                throw new ArgumentException($"--variant {text}: {pair} is not VAR=VALUE");
            }

            environment[parts[0]] = parts[1];
        }

        return new ColdStartVariant(text[..eq], text[(eq + 1)..colon], environment);
    }

    public override string ToString() => $"{Build} with {string.Join(", ", Environment.Select(e => $"{e.Key}={e.Value}"))}";
}
