using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Text;
using Xunit;

namespace Skaftin.Realtime.Runtime.Tests;

/// <summary>
/// A client given an <see cref="IMeterFactory"/> records its metrics on the meter that factory creates (the app's
/// pipeline), and a client without one on the process-wide meter; neither records on the other's.
/// </summary>
public sealed class MeterFactoryTests
{
    private static readonly byte[] Undecodable = Encoding.UTF8.GetBytes("""{"type":"insert","tableName":"vehicles","projectId":"p1","data":[1,2""");

    [Fact]
    public void TheFactorysMeterCarriesTheClientsMetrics()
    {
        using var factory = new OptionsSnapshotTests.TestMeterFactory();
        var withFactory = new SkaftinRealtimeClient(new SkaftinRealtimeOptions { MeterFactory = factory });
        var without = new SkaftinRealtimeClient(new SkaftinRealtimeOptions());
        var created = Assert.Single(factory.Meters);
        Assert.Equal(SkaftinTelemetry.Name, created.Name);

        var seen = new List<(Meter Meter, string Instrument, long Value)>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == SkaftinTelemetry.Name)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
        {
            lock (seen)
            {
                seen.Add((instrument.Meter, instrument.Name, value));
            }
        });
        listener.Start();

        withFactory.Router.DispatchDatabaseChange(Undecodable);
        lock (seen)
        {
            Assert.Contains(seen, m => ReferenceEquals(m.Meter, created) && m.Instrument == "skaftin.realtime.decode_failures" && m.Value == 1);
            Assert.DoesNotContain(seen, m => !ReferenceEquals(m.Meter, created));
            seen.Clear();
        }

        without.Router.DispatchDatabaseChange(Undecodable);
        lock (seen)
        {
            Assert.Contains(seen, m => ReferenceEquals(m.Meter, SkaftinMetrics.Default.Meter) && m.Instrument == "skaftin.realtime.decode_failures");
            Assert.DoesNotContain(seen, m => ReferenceEquals(m.Meter, created));
        }

        withFactory.Dispose();
        without.Dispose();
    }
}
