using System;
using System.IO;
using System.Threading.Tasks;
using Skaftin.Realtime.Tests.Shared;
using Xunit;

namespace Skaftin.Realtime.PackageTests;

/// <summary>
/// The schema snapshot checks from the packed package (its build/Skaftin.Realtime.targets and the generator) in a real
/// <c>dotnet build</c> of an app that takes Skaftin.Realtime from the feed: the SkaftinSchemaSnapshot property reaches
/// the generator with the file, a model that disagrees gets its SKR diagnostic on the declaration, and without the
/// property nothing is reported.
/// </summary>
[Collection("package")]
public sealed class SnapshotBuildFilesTests(PackageFixture fixture) : IDisposable
{
    private const string Snapshot = """
        {
          "formatVersion": 1,
          "projectId": "demo",
          "takenAt": "2026-12-07T13:00:00.000Z",
          "source": "http://localhost:4006",
          "tables": [
            {
              "name": "vehicles",
              "primaryKey": "id",
              "columns": [
                { "name": "id", "type": "integer", "nullable": false, "primaryKey": true },
                { "name": "registration_number", "type": "text", "nullable": false },
                { "name": "capacity", "type": "integer", "nullable": true }
              ],
              "constraints": []
            }
          ]
        }

        """;

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "skaftin-snapshot-build-" + Guid.NewGuid().ToString("N")[..8]);

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Theory]
    [InlineData("skaftin.schema.json", "Vehicle.cs(4,69): warning SKR033: Column 'capacity' of table 'vehicles' is nullable, but member 'Capacity' of 'App.Vehicle' has the non-nullable type 'int'")]
    [InlineData("missing.json", "warning SKR036: The schema snapshot 'missing.json' cannot be used: no additional file of the compilation is that file")]
    [InlineData("", null)]
    public async Task TheBuildReportsWhatTheSnapshotSays(string property, string? expected)
    {
        Directory.CreateDirectory(_directory);
        File.WriteAllText(Path.Combine(_directory, "App.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <SkaftinSchemaSnapshot>{property}</SkaftinSchemaSnapshot>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Skaftin.Realtime" Version="{fixture.Version}" />
              </ItemGroup>
            </Project>
            """);
        fixture.WriteNuGetConfig(_directory);
        File.WriteAllText(Path.Combine(_directory, "Vehicle.cs"), """
            using Skaftin.Realtime;
            namespace App;
            [SkaftinTable("vehicles")]
            public sealed record Vehicle(int Id, string RegistrationNumber, int Capacity);
            """);
        File.WriteAllText(Path.Combine(_directory, "skaftin.schema.json"), Snapshot);

        var build = (await Dotnet("build -c Release", _directory)).EnsureSuccess("building the app");
        if (expected is null)
        {
            Assert.DoesNotContain("SKR0", build.Output, StringComparison.Ordinal);
        }
        else
        {
            Assert.Contains(expected, build.Output, StringComparison.Ordinal);
        }
    }

    private static Task<ProcessRunner.Result> Dotnet(string arguments, string directory) =>
        ProcessRunner.RunAsync("dotnet", arguments, directory, TimeSpan.FromMinutes(5));
}
