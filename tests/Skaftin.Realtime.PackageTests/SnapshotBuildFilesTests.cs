using System;
using System.IO;
using System.Threading.Tasks;
using Skaftin.Realtime.Tests.Shared;
using Xunit;

namespace Skaftin.Realtime.PackageTests;

/// <summary>
/// The schema snapshot's build file (src/Skaftin.Realtime.Generator/build/Skaftin.Realtime.targets) in a real
/// <c>dotnet build</c>: the SkaftinSchemaSnapshot property reaches the generator with the file, a model that
/// disagrees gets its SKR diagnostic on the declaration, and without the property nothing is reported. The app
/// imports the targets file and the generator from the repository as the package will place them.
/// </summary>
public sealed class SnapshotBuildFilesTests : IDisposable
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
        (await Dotnet("build src/Skaftin.Realtime.Runtime -c Release -v q", Repository.Root)).EnsureSuccess("building the runtime and the generator");
        Directory.CreateDirectory(_directory);
        var runtime = Repository.PathOf("src/Skaftin.Realtime.Runtime/bin/Release/net8.0/Skaftin.Realtime.dll");
        var generator = Repository.PathOf("src/Skaftin.Realtime.Generator/bin/Release/netstandard2.0/Skaftin.Realtime.Generator.dll");
        var targets = Repository.PathOf("src/Skaftin.Realtime.Generator/build/Skaftin.Realtime.targets");
        File.WriteAllText(Path.Combine(_directory, "App.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <SkaftinSchemaSnapshot>{property}</SkaftinSchemaSnapshot>
              </PropertyGroup>
              <ItemGroup>
                <Analyzer Include="{generator}" />
                <Reference Include="{runtime}" />
              </ItemGroup>
              <Import Project="{targets}" />
            </Project>
            """);
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
