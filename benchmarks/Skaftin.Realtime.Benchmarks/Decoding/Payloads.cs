using System;
using System.Globalization;
using System.Text;

namespace Skaftin.Realtime.Benchmarks.Decoding;

/// <summary>
/// The JSON every decoder is given, built deterministically. Shapes follow what a Node/PostgreSQL backend sends:
/// snake_case columns, enums as snake_case strings, booleans as 0/1, <c>numeric</c> and <c>bigint</c> as strings,
/// ISO 8601 timestamps in UTC with milliseconds.
/// </summary>
public static class Payloads
{
    private static readonly string[] Statuses = { "available", "in_service", "out_of_service" };

    /// <summary>One vehicle row (8 columns, 198 bytes).</summary>
    public static string VehicleRow { get; } = Vehicle(new Random(1), 1042);

    /// <summary>One trip row (30 columns, 833 bytes).</summary>
    public static string TripRow { get; } = Trip(new Random(2));

    /// <summary>One document row whose <c>body</c> column is a JSON value of about 10 KB.</summary>
    public static string DocumentRow { get; } = Document(new Random(3), targetBodyBytes: 10 * 1024);

    /// <summary>A JSON array of 1,000 vehicle rows.</summary>
    public static string VehicleArray { get; } = VehicleArrayOf(1000);

    public static string VehicleArrayOf(int count)
    {
        var random = new Random(4);
        var builder = new StringBuilder(count * 240);
        builder.Append('[');
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
            {
                builder.Append(',');
            }

            builder.Append(Vehicle(random, 1 + i));
        }

        return builder.Append(']').ToString();
    }

    private static string Vehicle(Random random, int id)
    {
        var capacity = random.Next(5) == 0 ? "null" : random.Next(4, 60).ToString(CultureInfo.InvariantCulture);
        return "{" +
               $"\"id\":{id}," +
               $"\"registration_number\":\"{Registration(random)}\"," +
               $"\"status\":\"{Statuses[random.Next(Statuses.Length)]}\"," +
               $"\"capacity\":{capacity}," +
               $"\"active\":{random.Next(2)}," +
               $"\"fare\":\"{Money(random, 5, 90)}\"," +
               $"\"created_at\":\"{Timestamp(random)}\"," +
               $"\"depot_id\":\"{Uuid(random)}\"" +
               "}";
    }

    private static string Trip(Random random) =>
        "{" +
        "\"id\":\"9007199254740993\"," +           // bigint beyond 2^53: node-postgres sends it as a string
        $"\"vehicle_id\":\"{Uuid(random)}\"," +
        $"\"driver_id\":\"{Uuid(random)}\"," +
        "\"route_number\":117," +
        "\"origin\":\"Cape Town Station, Adderley Street\"," +
        "\"destination\":\"Bellville Taxi Rank, Bay 4\"," +
        "\"status\":\"en_route\"," +
        $"\"scheduled_at\":\"{Timestamp(random)}\"," +
        $"\"started_at\":\"{Timestamp(random)}\"," +
        "\"ended_at\":null," +
        "\"fare\":\"24.50\"," +
        "\"tip\":null," +
        "\"distance_km\":18.75," +
        "\"duration_minutes\":null," +
        "\"passenger_count\":14," +
        "\"seats_free\":\"2\"," +
        "\"paid\":1," +
        "\"cancelled\":false," +
        "\"cancel_reason\":null," +
        "\"payment_method\":\"card\"," +
        "\"currency\":\"ZAR\"," +
        "\"odometer_start\":\"184220\"," +
        "\"odometer_end\":null," +
        "\"rating\":4.5," +
        "\"notes\":\"Driver asked to use the N1; traffic on the M5 after the stadium.\"," +
        "\"service_date\":\"2024-05-01\"," +
        "\"created_by\":\"dispatcher-7\"," +
        $"\"created_at\":\"{Timestamp(random)}\"," +
        $"\"updated_at\":\"{Timestamp(random)}\"," +
        "\"version\":3" +
        "}";

    private static string Document(Random random, int targetBodyBytes)
    {
        var body = new StringBuilder(targetBodyBytes + 256);
        body.Append("{\"schema\":2,\"sections\":[");
        var section = 0;
        while (body.Length < targetBodyBytes - 64)
        {
            if (section > 0)
            {
                body.Append(',');
            }

            body.Append("{\"id\":").Append(section)
                .Append(",\"heading\":\"Section ").Append(section).Append(" of the route manual\"")
                .Append(",\"stops\":[");
            for (var s = 0; s < 4; s++)
            {
                if (s > 0)
                {
                    body.Append(',');
                }

                body.Append("{\"code\":\"S").Append(random.Next(1000, 9999))
                    .Append("\",\"lat\":").Append((-33.9 + random.Next(1000) / 1000.0).ToString("0.###", CultureInfo.InvariantCulture))
                    .Append(",\"lng\":").Append((18.4 + random.Next(1000) / 1000.0).ToString("0.###", CultureInfo.InvariantCulture))
                    .Append(",\"accessible\":").Append(random.Next(2) == 0 ? "true" : "false")
                    .Append('}');
            }

            body.Append("],\"note\":null}");
            section++;
        }

        body.Append("]}");
        return "{" +
               "\"id\":77," +
               "\"title\":\"Route manual: Cape Town to Bellville\"," +
               $"\"body\":{body}," +
               $"\"updated_at\":\"{Timestamp(random)}\"" +
               "}";
    }

    private static string Registration(Random random) =>
        $"CA {random.Next(100, 999)}-{random.Next(100, 999)}";

    private static string Money(Random random, int min, int max) =>
        (random.Next(min * 100, max * 100) / 100m).ToString("0.00", CultureInfo.InvariantCulture);

    private static string Timestamp(Random random) =>
        new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero)
            .AddSeconds(random.Next(0, 365 * 24 * 3600))
            .AddMilliseconds(random.Next(1000))
            .ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static string Uuid(Random random)
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes).ToString("D");
    }
}
