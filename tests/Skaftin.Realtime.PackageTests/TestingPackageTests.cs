using System;
using System.Collections.Generic;
using System.IO;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Skaftin.Realtime.Tests.Shared;
using Xunit;

namespace Skaftin.Realtime.PackageTests;

/// <summary>
/// An app's test project takes Skaftin.Realtime.Testing from the folder feed and snapshot-tests the code the packed
/// generator (analyzers/dotnet/roslyn4.8/cs of Skaftin.Realtime) wrote for the app's model, as
/// docs/testing-generated-code.md tells: a first run fails for want of a baseline, SKAFTIN_UPDATE_BASELINES=1 writes
/// it, a run then passes, and a model change fails naming the file and line.
/// </summary>
[Collection("package")]
public sealed class TestingPackageTests(PackageFixture fixture)
{
    private const string Model = """
        using System;
        using Skaftin.Realtime;

        namespace Consumer;

        [SkaftinTable("vehicles")]
        public sealed record Vehicle([property: SkaftinKey] long Id, string RegistrationNumber, int? Capacity);
        """;

    private const string Test = """
        using Consumer;
        using Skaftin.Realtime.Testing;
        using Xunit;

        public sealed class GeneratedCodeTests
        {
            [Fact]
            public void The_generated_code_matches_its_baselines() => GeneratedCodeBaselines.Verify(typeof(Vehicle).Assembly);
        }
        """;

    [Fact]
    public async Task AnAppsTestProjectSnapshotTestsTheCodeThePackedGeneratorWrote()
    {
        var app = fixture.CreateConsumerProject("snapshot-app", "<TargetFramework>net10.0</TargetFramework><Nullable>enable</Nullable><TreatWarningsAsErrors>true</TreatWarningsAsErrors>");
        File.WriteAllText(Path.Combine(app, "Vehicle.cs"), Model);

        var tests = Path.Combine(fixture.WorkDirectory, "snapshot-tests");
        Directory.CreateDirectory(tests);
        fixture.WriteNuGetConfig(tests);
        File.WriteAllText(Path.Combine(tests, "Consumer.Tests.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <IsPackable>false</IsPackable>
                <Nullable>enable</Nullable>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Skaftin.Realtime.Testing" Version="{fixture.Version}" />
                <PackageReference Include="Microsoft.NET.Test.Sdk" Version="{RepositoryVersionOf("Microsoft.NET.Test.Sdk")}" />
                <PackageReference Include="xunit" Version="{RepositoryVersionOf("xunit")}" />
                <PackageReference Include="xunit.runner.visualstudio" Version="{RepositoryVersionOf("xunit.runner.visualstudio")}" />
                <ProjectReference Include="../snapshot-app/Consumer.csproj" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(tests, "GeneratedCodeTests.cs"), Test);
        var baseline = Path.Combine(tests, "Baselines", "Consumer", "Consumer.Vehicle.Realtime.g.cs.txt");

        var first = await DotnetTest("", tests, update: false);
        Assert.NotEqual(0, first.ExitCode);
        Assert.Contains($"Consumer.Vehicle.Realtime.g.cs has no baseline: {baseline} does not exist.", first.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(baseline));

        (await DotnetTest("--no-build", tests, update: true)).EnsureSuccess("the test with SKAFTIN_UPDATE_BASELINES=1");
        var written = File.ReadAllText(baseline);
        Assert.Contains("public sealed class VehicleRowReader", written, StringComparison.Ordinal);
        Assert.Contains("GeneratedCode(\"Skaftin.Realtime.Generator\", \"{GENERATOR_VERSION}\")", written, StringComparison.Ordinal);
        Assert.DoesNotContain(fixture.Version, written, StringComparison.Ordinal);

        (await DotnetTest("--no-build", tests, update: false)).EnsureSuccess("the test against the baseline it wrote");

        File.WriteAllText(Path.Combine(app, "Vehicle.cs"), Model.Replace("int? Capacity", "int? Capacity, string? Colour", StringComparison.Ordinal));
        var drift = await DotnetTest("", tests, update: false);
        Assert.NotEqual(0, drift.ExitCode);
        Assert.Matches(new Regex($"Consumer.Vehicle.Realtime.g.cs differs from its baseline {Regex.Escape(baseline)} first at line [0-9]+:"), drift.Output);
        Assert.Equal(written, File.ReadAllText(baseline));
    }

    private static Task<ProcessRunner.Result> DotnetTest(string arguments, string directory, bool update) =>
        ProcessRunner.RunAsync(
            "dotnet",
            $"test -c Release {arguments}",
            directory,
            TimeSpan.FromMinutes(5),
            new Dictionary<string, string> { ["SKAFTIN_UPDATE_BASELINES"] = update ? "1" : "" });

    // The test packages at the versions the repository's own tests use (served by the same feed).
    private static string RepositoryVersionOf(string package)
    {
        var match = Regex.Match(
            File.ReadAllText(Repository.PathOf("Directory.Packages.props")),
            $"<PackageVersion Include=\"{Regex.Escape(package)}\" Version=\"([^\"]+)\"");
        Assert.True(match.Success, $"Directory.Packages.props has no version of {package}");
        return match.Groups[1].Value;
    }
}
