using QuickStart;
using Skaftin.Realtime.Testing;
using Xunit;

namespace QuickStart.Tests;

public sealed class GeneratedCodeTests
{
    // Compares what the generator wrote for the app's models (VehicleRowReader, VehiclesRealtime, ...) with
    // Baselines/QuickStart/*.g.cs.txt beside this file. SKAFTIN_UPDATE_BASELINES=1 rewrites them on purpose.
    [Fact]
    public void The_generated_code_matches_its_baselines() => GeneratedCodeBaselines.Verify(typeof(Vehicle).Assembly);
}
