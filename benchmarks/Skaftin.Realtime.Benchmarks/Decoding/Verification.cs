using System;
using System.Text.Json;

namespace Skaftin.Realtime.Benchmarks.Decoding;

/// <summary>
/// Makes sure every decoder in a comparison really produced the same row (a decoder that silently skipped a column
/// would look fast). Each result is written back to JSON with default options and the texts are compared.
/// </summary>
public static class Verification
{
    private static readonly JsonSerializerOptions Canonical = new();

    public static void CheckAllAgree(string payload, params (string Name, Func<object?> Decode)[] decoders)
    {
        string? expected = null;
        string? expectedBy = null;
        foreach (var (name, decode) in decoders)
        {
            string actual;
            try
            {
                actual = JsonSerializer.Serialize(decode(), Canonical);
            }
            catch (Exception ex)
            {
                throw new InvalidOperationException($"{payload}: {name} failed: {ex.GetType().Name}: {ex.Message}", ex);
            }

            if (expected is null)
            {
                expected = actual;
                expectedBy = name;
            }
            else if (actual != expected)
            {
                throw new InvalidOperationException(
                    $"{payload}: {name} disagrees with {expectedBy}.{Environment.NewLine}{expectedBy}: {Cut(expected)}{Environment.NewLine}{name}: {Cut(actual)}");
            }
        }
    }

    /// <summary>Runs every payload's check and shows SocketIOClient's cached-options failure; for <c>--verify</c>.</summary>
    public static void RunAll()
    {
        new DecodeVehicleRow().Setup();
        new DecodeWideRow().Setup();
        new DecodeJsonColumnRow().Setup();
        new DecodeVehicleArray().Setup();
        Console.WriteLine("All decoders agree on all four payloads. As decoded (written back with default options):");
        Console.WriteLine("  " + JsonSerializer.Serialize(new DecodeVehicleRow().Generated(), Canonical));
        Console.WriteLine("  " + JsonSerializer.Serialize(new DecodeWideRow().Generated(), Canonical));
        Console.WriteLine($"Payload sizes: vehicle row {Payloads.VehicleRow.Length} B, trip row {Payloads.TripRow.Length} B, " +
                          $"document row {Payloads.DocumentRow.Length} B, 1,000-vehicle array {Payloads.VehicleArray.Length} B.");

        var cached = SocketIOClientSetup.ResponseWithCachedOptions(Payloads.VehicleRow);
        try
        {
            cached.GetValue<Vehicle>(0);
            cached.GetValue<Vehicle>(0);
            Console.WriteLine("SocketIOClient with one cached JsonSerializerOptions: two calls succeeded.");
        }
        catch (Exception ex)
        {
            Console.WriteLine($"SocketIOClient with one cached JsonSerializerOptions: the second call throws {ex.GetType().Name}: {ex.Message}");
        }
    }

    private static string Cut(string text) => text.Length <= 600 ? text : text.Substring(0, 600) + "…";
}
