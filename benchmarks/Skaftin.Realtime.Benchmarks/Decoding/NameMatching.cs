using System;
using System.Text;
using System.Linq;
using System.Text.Json;
using BenchmarkDotNet.Attributes;

namespace Skaftin.Realtime.Benchmarks.Decoding;

/// <summary>
/// How much of the generated reader's time is finding which column a property name is. The generated code tests
/// the names in declaration order (<c>if (reader.ValueTextEquals("id"u8)) … else if …</c>), so the k-th column costs
/// k comparisons and a row of n columns about n²/2. Each benchmark is the floor walk plus one way of matching:
/// the generated chain, and a chain that first tries the column after the last one matched (columns usually
/// arrive in declaration order), which costs about one comparison per column.
/// </summary>
[MemoryDiagnoser]
public class DecodeNameMatching
{
    private static readonly JsonReaderOptions Options = new() { MaxDepth = 64 };
    private byte[] _utf8 = null!;
    private byte[][] _names = null!;

    [Params("vehicles (8 columns)", "trips (30 columns)")]
    public string Payload { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        var vehicles = Payload.StartsWith("vehicles", StringComparison.Ordinal);
        _utf8 = Encoding.UTF8.GetBytes(vehicles ? Payloads.VehicleRow : Payloads.TripRow);
        using var document = JsonDocument.Parse(_utf8);
        _names = document.RootElement.EnumerateObject().Select(p => Encoding.UTF8.GetBytes(p.Name)).ToArray();
        if (WalkWithChain() != WalkWithOrderedGuess() || WalkWithChain() != _names.Length * (_names.Length - 1) / 2)
        {
            throw new InvalidOperationException("The two matchers disagree.");
        }
    }

    [Benchmark(Baseline = true)]
    public int Floor() => Decoding.Floor.Walk(_utf8);

    /// <summary>The floor plus the generated code's matching: names tested in declaration order until one is equal.</summary>
    [Benchmark]
    public int WalkWithChain()
    {
        var reader = new Utf8JsonReader(_utf8, Options);
        var names = _names;
        var sum = 0;
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName)
            {
                for (var i = 0; i < names.Length; i++)
                {
                    if (reader.ValueTextEquals(names[i]))
                    {
                        sum += i;
                        break;
                    }
                }
            }
        }

        return sum;
    }

    /// <summary>The floor plus matching that tries the column after the previous match first, then the chain.</summary>
    [Benchmark]
    public int WalkWithOrderedGuess()
    {
        var reader = new Utf8JsonReader(_utf8, Options);
        var names = _names;
        var sum = 0;
        var next = 0;
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName)
            {
                var found = next < names.Length && reader.ValueTextEquals(names[next]) ? next : -1;
                for (var i = 0; found < 0 && i < names.Length; i++)
                {
                    if (reader.ValueTextEquals(names[i]))
                    {
                        found = i;
                    }
                }

                if (found >= 0)
                {
                    sum += found;
                    next = found + 1;
                }
            }
        }

        return sum;
    }
}
