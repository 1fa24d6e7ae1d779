using System;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using Skaftin.Realtime.EndToEnd;
using Skaftin.Realtime.EndToEnd.Clients;
using Skaftin.Realtime.EndToEnd.ColdStart;

// dotnet run -c Release --project benchmarks/Skaftin.Realtime.EndToEnd -- [--quick] [--events N] [options]
// A client process: the same program with --client <kind> (started by the harness, not by hand).
// Cold start (docs/benchmarks/cold-start.md): ... -- --cold-start [--reps N] [--baseline-ref REF] (see --help).

const string Usage = """
    usage: dotnet run -c Release --project benchmarks/Skaftin.Realtime.EndToEnd -- [options]
      --quick               50,000 events per full-speed run (default 200,000), fixed-rate runs of 20,000
      --events N            events per full-speed run
      --rate-events N       events per fixed-rate run (default: min(N, 50,000))
      --rate R              the fixed rate, events/s (default 10,000); 0 skips the fixed-rate runs
      --warmup N            warm-up events before each measured stream, streamed at the scenario's rate (default:
                            200,000 at full speed, 3 s of the fixed rate; the same for --quick: the JIT's tiering
                            must be over before the measured window, and each client reports what it still compiled)
      --reps N              repetitions per client (default 3; the report shows medians)
      --clients a,b         any of sdk, sdk-receive-thread, raw, handwritten, node (the default: these five), and the
                            diagnostic sdk-q1m (the SDK with a 1,000,000-event dispatch queue), sdk-inline,
                            sdk-inline-utf8 (the SDK's router on SocketIOClient's receive thread) and sdk-ws
                            (the SDK's router on a minimal websocket reader, no SocketIOClient)
      --stall-seconds S     a client with no event for S seconds is reported as stalled (default 10)
      --out PATH            where to write the Markdown report (default benchmarks/Skaftin.Realtime.EndToEnd/results/)
    """;

try
{
    if (args.Contains("--client"))
    {
        return await ChildMode.RunAsync(ParseChild(args)).ConfigureAwait(false);
    }

    if (args.Contains("--help") || args.Contains("-h"))
    {
        Console.WriteLine(Usage);
        Console.WriteLine(ColdStartOptions.Usage);
        return 0;
    }

    if (args.Contains("--cold-start"))
    {
        var coldCommand = "dotnet run -c Release --project benchmarks/Skaftin.Realtime.EndToEnd -- " + string.Join(" ", args);
        return await new ColdStartHarness(ColdStartOptions.Parse(args), Harness.FindRepoRoot()).RunAsync(coldCommand).ConfigureAwait(false);
    }

    var options = ParseHarness(args);
    var command = "dotnet run -c Release --project benchmarks/Skaftin.Realtime.EndToEnd" + (args.Length > 0 ? " -- " + string.Join(" ", args) : "");
    return await new Harness(options).RunAsync(command).ConfigureAwait(false);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine(Usage);
    return 2;
}

static HarnessOptions ParseHarness(string[] args)
{
    var quick = false;
    int? events = null, rateEvents = null, warmup = null;
    var rate = 10_000.0;
    var reps = 3;
    var clients = ClientKinds.Default;
    var stall = 10.0;
    string? output = null;
    for (var i = 0; i < args.Length; i++)
    {
        string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
        switch (args[i])
        {
            case "--quick":
                quick = true;
                break;
            case "--events":
                events = PositiveInt(Value(), "--events");
                break;
            case "--rate-events":
                rateEvents = PositiveInt(Value(), "--rate-events");
                break;
            case "--rate":
                rate = double.Parse(Value(), CultureInfo.InvariantCulture);
                if (rate < 0)
                {
                    throw new ArgumentException("--rate must be 0 or more");
                }

                break;
            case "--warmup":
                warmup = PositiveInt(Value(), "--warmup");
                break;
            case "--reps":
                reps = PositiveInt(Value(), "--reps");
                break;
            case "--clients":
                clients = Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                if (clients.Length == 0 || clients.Any(c => !ClientKinds.All.Contains(c)) || clients.Distinct().Count() != clients.Length)
                {
                    throw new ArgumentException($"--clients: a comma-separated list of {string.Join(", ", ClientKinds.All)}");
                }

                break;
            case "--stall-seconds":
                stall = PositiveInt(Value(), "--stall-seconds");
                break;
            case "--out":
                output = Value();
                break;
            default:
                throw new ArgumentException($"unknown argument {args[i]}");
        }
    }

    var n = events ?? (quick ? 50_000 : 200_000);
    return new HarnessOptions
    {
        Quick = quick,
        Events = n,
        FixedRateEvents = rateEvents ?? (quick ? 20_000 : 50_000),
        FixedRate = rate > 0 ? rate : null,
        Warmup = warmup,
        Repetitions = reps,
        Clients = clients,
        StallTimeout = TimeSpan.FromSeconds(stall),
        OutputPath = output,
    };
}

static ChildOptions ParseChild(string[] args)
{
    string? kind = null, url = null, key = null, project = null;
    int warmup = 0, events = 0;
    double stall = 10, max = 600;
    for (var i = 0; i < args.Length; i++)
    {
        string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
        switch (args[i])
        {
            case "--client": kind = Value(); break;
            case "--url": url = Value(); break;
            case "--key": key = Value(); break;
            case "--project": project = Value(); break;
            case "--warmup": warmup = PositiveInt(Value(), "--warmup"); break;
            case "--events": events = PositiveInt(Value(), "--events"); break;
            case "--stall-seconds": stall = double.Parse(Value(), CultureInfo.InvariantCulture); break;
            case "--max-seconds": max = double.Parse(Value(), CultureInfo.InvariantCulture); break;
            default: throw new ArgumentException($"unknown argument {args[i]}");
        }
    }

    if (kind is null || url is null || key is null || project is null || warmup == 0 || events == 0)
    {
        throw new ArgumentException("--client, --url, --key, --project, --warmup and --events are required");
    }

    return new ChildOptions(kind, new Uri(url), key, project, warmup, events, TimeSpan.FromSeconds(stall), TimeSpan.FromSeconds(max));
}

static int PositiveInt(string text, string flag) =>
    int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
        ? value
        : throw new ArgumentException($"{flag} must be a positive integer");
