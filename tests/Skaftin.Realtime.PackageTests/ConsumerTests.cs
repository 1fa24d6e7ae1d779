using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Skaftin.Realtime.Tests.Shared;
using Xunit;
using Xunit.Abstractions;

namespace Skaftin.Realtime.PackageTests;

/// <summary>
/// A brand-new app takes the package from a folder feed, annotates a model, builds, and receives typed events
/// from the dev server: as a plain console app, under the strictest warning settings, as a netstandard2.0
/// library, and published with NativeAOT.
/// </summary>
[Collection("package")]
public sealed class ConsumerTests(PackageFixture fixture, ITestOutputHelper output)
{
    private const string Model = """
        using System;
        using Skaftin.Realtime;

        namespace Consumer;

        public enum VehicleStatus { Available, InService }

        [SkaftinTable("vehicles")]
        public sealed record Vehicle([property: SkaftinKey] long Id, string RegistrationNumber, VehicleStatus Status, int? Capacity, DateTimeOffset CreatedAt);
        """;

    private const string Program = """
        using System;
        using System.Threading.Tasks;
        using Consumer;
        using Skaftin.Realtime;

        Console.WriteLine("STARTED");
        await using var client = new SkaftinRealtimeClient(new SkaftinRealtimeOptions
        {
            ApiUrl = new Uri(Environment.GetEnvironmentVariable("SKAFTIN_URL")!),
            AccessTokenProvider = _ => ValueTask.FromResult(Environment.GetEnvironmentVariable("SKAFTIN_KEY")!),
        });
        var received = new TaskCompletionSource<Vehicle>();
        using var subscription = client.Vehicles().OnInserted(v => received.TrySetResult(v));
        await client.StartAsync();
        await using var membership = await client.JoinProjectAsync(Environment.GetEnvironmentVariable("SKAFTIN_PROJECT")!);
        Console.WriteLine("READY");
        if (await Task.WhenAny(received.Task, Task.Delay(TimeSpan.FromSeconds(30))) != received.Task)
        {
            Console.WriteLine("TIMEOUT");
            return 2;
        }

        var vehicle = await received.Task;
        Console.WriteLine($"INSERTED {vehicle.RegistrationNumber} {vehicle.Status} {vehicle.Capacity}");
        return 0;
        """;

    [Fact]
    public async Task APlainConsoleAppReceivesTypedEvents()
    {
        var project = CreateProject("plain", "<OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework>");
        (await Dotnet("build -c Release", project)).EnsureSuccess("build");
        await RunAgainstDevServer("dotnet", Path.Combine(project, "bin", "Release", "net10.0", "Consumer.dll"), project);
    }

    [Fact]
    public async Task TheStrictestConsumerBuildsWithoutAWarning()
    {
        var project = CreateProject("strict", """
            <OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework>
            <Nullable>enable</Nullable><TreatWarningsAsErrors>true</TreatWarningsAsErrors>
            <AnalysisLevel>latest-all</AnalysisLevel><EnforceCodeStyleInBuild>true</EnforceCodeStyleInBuild>
            <GenerateDocumentationFile>true</GenerateDocumentationFile><NoWarn>CS1591;CA1303;CA2007;CA1515;CA1062;CA1031;CA1812</NoWarn>
            """);
        var build = (await Dotnet("build -c Release", project)).EnsureSuccess("strict build");
        Assert.Contains("0 Warning(s)", build.Output);
        await RunAgainstDevServer("dotnet", Path.Combine(project, "bin", "Release", "net10.0", "Consumer.dll"), project);
    }

    [Fact]
    public async Task ANetStandardLibraryCompilesTheGeneratedCode()
    {
        var project = CreateProject("netstandard", """
            <TargetFramework>netstandard2.0</TargetFramework><LangVersion>12</LangVersion>
            <Nullable>enable</Nullable><TreatWarningsAsErrors>true</TreatWarningsAsErrors>
            """, includeProgram: false);

        // Records on netstandard2.0 need this marker type, as in any library targeting it (or PolySharp).
        File.WriteAllText(Path.Combine(project, "IsExternalInit.cs"), "namespace System.Runtime.CompilerServices { internal static class IsExternalInit { } }");
        var build = (await Dotnet("build -c Release", project)).EnsureSuccess("netstandard2.0 build");
        Assert.Contains("0 Warning(s)", build.Output);
    }

    [Fact]
    public async Task ANativeAotAppReceivesTypedEvents()
    {
        var project = CreateProject("aot", """
            <OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework>
            <PublishAot>true</PublishAot><InvariantGlobalization>true</InvariantGlobalization>
            """);
        var publish = (await Dotnet("publish -c Release -r linux-x64 -o out", project, TimeSpan.FromMinutes(10))).EnsureSuccess("AOT publish");
        var trimWarnings = publish.Output.Split('\n').Where(static l => l.Contains("warning IL")).Distinct().ToList();
        foreach (var warning in trimWarnings)
        {
            output.WriteLine(warning);
        }

        Assert.DoesNotContain(trimWarnings, static w => w.Contains("Skaftin", StringComparison.Ordinal) && !w.Contains("SocketIOClient", StringComparison.Ordinal));
        var binary = Path.Combine(project, "out", "Consumer");
        var size = new FileInfo(binary).Length;
        var startup = await RunAgainstDevServer(binary, "", project);
        output.WriteLine($"NativeAOT binary: {size / 1024.0 / 1024.0:0.0} MB; start to first line: {startup.TotalMilliseconds:0} ms");
    }

    [Fact]
    public async Task TheReadmeCommandsAndThePackageReadmesProgramReceiveTypedEvents()
    {
        // A newcomer's path: dotnet new, the README's commands to take the package from the feed, the package
        // README's two files as written, build, run.
        var app = Path.Combine(fixture.WorkDirectory, "readme-app");
        Directory.CreateDirectory(app);
        (await Dotnet("new console --framework net10.0 --name ReadmeApp --output .", app)).EnsureSuccess("dotnet new console");
        (await ReadmeCommands.AddToAppAsync(fixture.Feed, app)).EnsureSuccess("the README's commands in the app");
        Assert.Contains($"Include=\"Skaftin.Realtime\" Version=\"{fixture.Version}\"", File.ReadAllText(Path.Combine(app, "ReadmeApp.csproj")));

        var files = MarkdownCodeBlocks.Parse(File.ReadAllText(Repository.PathOf("src/Skaftin.Realtime.Runtime/README.md")))
            .Where(static b => b.Language == "csharp" && b.Marker is null)
            .ToList();
        Assert.Equal(2, files.Count);
        File.WriteAllText(Path.Combine(app, "Vehicle.cs"), files[0].Code);
        File.WriteAllText(Path.Combine(app, "Program.cs"), files[1].Code);

        (await Dotnet("build -c Release -p:EmitCompilerGeneratedFiles=true -p:TreatWarningsAsErrors=true", app)).EnsureSuccess("build of the package README's program");
        var generated = Directory.GetFiles(Path.Combine(app, "obj"), "Vehicle.Realtime.g.cs", SearchOption.AllDirectories);
        Assert.NotEmpty(generated);
        Assert.Contains($"GeneratedCode(\"Skaftin.Realtime.Generator\", \"{fixture.Version}\")", File.ReadAllText(generated[0]));

        await RunAgainstDevServer(
            "dotnet",
            Path.Combine(app, "bin", "Release", "net10.0", "ReadmeApp.dll"),
            app,
            static line => line.StartsWith("Listening to project ", StringComparison.Ordinal),
            static line => line.StartsWith("Inserted Vehicle {", StringComparison.Ordinal) && line.Contains("RegistrationNumber = PKG 1, Status = InService, Capacity = 9", StringComparison.Ordinal),
            interruptWhenDone: true);
    }

    private string CreateProject(string name, string properties, bool includeProgram = true)
    {
        var directory = fixture.CreateConsumerProject(name, properties);
        File.WriteAllText(Path.Combine(directory, "Vehicle.cs"), Model);
        if (includeProgram)
        {
            File.WriteAllText(Path.Combine(directory, "Program.cs"), Program);
        }

        return directory;
    }

    private static Task<ProcessRunner.Result> Dotnet(string arguments, string directory, TimeSpan? timeout = null) =>
        ProcessRunner.RunAsync("dotnet", arguments, directory, timeout ?? TimeSpan.FromMinutes(5));

    // Starts the consumer, inserts a row once it has joined, and checks it printed the typed row. Returns the
    // time from process start to its first line.
    private Task<TimeSpan> RunAgainstDevServer(string fileName, string arguments, string directory) =>
        ConsumerRun.RunAsync(fixture, fileName, arguments, directory, static line => line == "READY", static line => line == "INSERTED PKG 1 InService 9", interruptWhenDone: false);

    private Task<TimeSpan> RunAgainstDevServer(string fileName, string arguments, string directory, Func<string, bool> isReady, Func<string, bool> isDone, bool interruptWhenDone) =>
        ConsumerRun.RunAsync(fixture, fileName, arguments, directory, isReady, isDone, interruptWhenDone);
}
