using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Skaftin.Realtime.Tests.Shared;
using Xunit;

namespace Skaftin.Realtime.PackageTests;

/// <summary>
/// The templates package, installed into a hive of the test's own (<c>--debug:custom-hive</c>) from the folder feed:
/// <c>dotnet new skaftin-worker</c> with docs/install.md's own commands and <c>dotnet new skaftin-console</c> each give a
/// project that builds against the feed, connects to the dev server and prints the inserted row as a typed Vehicle.
/// </summary>
[Collection("package")]
public sealed class TemplateTests(PackageFixture fixture)
{
    private const string Page = "docs/install.md";
    private const string Section = "Start from a template";

    [Fact]
    public async Task TheReadmesWorkerTemplateCommandsGiveAWorkerThatPrintsTypedEvents()
    {
        var (folder, hive) = Folders("template-worker");
        (await RunReadmeBlockAsync(folder, hive)).EnsureSuccess($"{Page}'s '{Section}' commands");
        var app = Path.Combine(folder, "MyWorker");
        Assert.Contains($"Include=\"Skaftin.Realtime.Hosting\" Version=\"{fixture.Version}\"", File.ReadAllText(Path.Combine(app, "MyWorker.csproj")));

        // The worker takes the backend from configuration (Skaftin__* in the environment here) and joins the project
        // by itself, so the row is inserted once the server sees it in the room.
        await ConsumerRun.RunAsync(
            fixture,
            "dotnet",
            Path.Combine("bin", "Debug", "net10.0", "MyWorker.dll"),
            app,
            isReady: null,
            IsTypedInsert,
            interruptWhenDone: true);
    }

    [Fact]
    public async Task TheConsoleTemplateGivesAnAppThatPrintsTypedEvents()
    {
        var (folder, hive) = Folders("template-console");
        (await Dotnet($"new install \"{fixture.TemplatesPackagePath}\" --debug:custom-hive \"{hive}\"", folder)).EnsureSuccess("dotnet new install");
        (await Dotnet($"new skaftin-console -o MyApp --debug:custom-hive \"{hive}\"", folder)).EnsureSuccess("dotnet new skaftin-console");
        var app = Path.Combine(folder, "MyApp");
        fixture.WriteNuGetConfig(app);
        Assert.Contains($"Include=\"Skaftin.Realtime\" Version=\"{fixture.Version}\"", File.ReadAllText(Path.Combine(app, "MyApp.csproj")));
        (await Dotnet("build -c Release -p:TreatWarningsAsErrors=true", app)).EnsureSuccess("build of the console template");

        await ConsumerRun.RunAsync(
            fixture,
            "dotnet",
            Path.Combine("bin", "Release", "net10.0", "MyApp.dll"),
            app,
            static line => line.StartsWith("Listening to project ", StringComparison.Ordinal),
            IsTypedInsert,
            interruptWhenDone: true);
    }

    // NativeAOT over both packages at once: the worker is a hosted app (Skaftin.Realtime.Hosting: DI, the generated
    // configuration binder and options validator, the hosted service) on the core package's generated readers.
    [Fact]
    public async Task TheWorkerTemplatePublishedWithNativeAotPrintsTypedEvents()
    {
        var (folder, hive) = Folders("template-worker-aot");
        (await Dotnet($"new install \"{fixture.TemplatesPackagePath}\" --debug:custom-hive \"{hive}\"", folder)).EnsureSuccess("dotnet new install");
        (await Dotnet($"new skaftin-worker -o AotWorker --debug:custom-hive \"{hive}\"", folder)).EnsureSuccess("dotnet new skaftin-worker");
        var app = Path.Combine(folder, "AotWorker");
        fixture.WriteNuGetConfig(app);
        var publish = (await ProcessRunner.RunAsync(
            "dotnet", "publish -c Release -r linux-x64 -p:PublishAot=true -p:InvariantGlobalization=true -o out", app, TimeSpan.FromMinutes(10)))
            .EnsureSuccess("NativeAOT publish of the worker template");
        var warnings = publish.Output.Split('\n').Where(static l => l.Contains("warning IL", StringComparison.Ordinal) || l.Contains("warning SYSLIB", StringComparison.Ordinal)).Distinct().ToList();
        Assert.DoesNotContain(warnings, static w => w.Contains("Skaftin", StringComparison.Ordinal) && !w.Contains("SocketIOClient", StringComparison.Ordinal));

        // A native binary, not an app host beside the IL: the publish really compiled ahead of time.
        Assert.False(File.Exists(Path.Combine(app, "out", "AotWorker.dll")), "the publish left IL beside the binary: it was not NativeAOT");
        Assert.True(new FileInfo(Path.Combine(app, "out", "AotWorker")).Length > 4 * 1024 * 1024, "a NativeAOT binary holds the runtime");

        await ConsumerRun.RunAsync(fixture, Path.Combine(app, "out", "AotWorker"), "", app, isReady: null, IsTypedInsert, interruptWhenDone: true);
    }

    private static bool IsTypedInsert(string line) =>
        line.Contains("Inserted Vehicle {", StringComparison.Ordinal)
        && line.Contains("RegistrationNumber = PKG 1, Status = InService, Capacity = 9", StringComparison.Ordinal);

    private (string Folder, string Hive) Folders(string name)
    {
        var folder = Path.Combine(fixture.WorkDirectory, name);
        var hive = Path.Combine(fixture.WorkDirectory, name + "-hive");
        Directory.CreateDirectory(folder);
        return (folder, hive);
    }

    // docs/install.md's one bash block under the section, with the test's feed for ~/skaftin-feed and every `dotnet new`
    // pointed at the test's hive, so nothing is installed into the user's own templates.
    private Task<ProcessRunner.Result> RunReadmeBlockAsync(string folder, string hive)
    {
        var block = Assert.Single(
            MarkdownCodeBlocks.Parse(File.ReadAllText(Repository.PathOf(Page))),
            static b => b.Section == Section && b.Language == "bash");
        Assert.Contains(ReadmeCommands.ReadmeFeed, block.Code);
        var script = string.Join('\n', block.Code.Replace(ReadmeCommands.ReadmeFeed, fixture.Feed, StringComparison.Ordinal)
            .Split('\n')
            .Select(line => line.StartsWith("dotnet new ", StringComparison.Ordinal) ? $"{line} --debug:custom-hive \"{hive}\"" : line));
        var file = Path.Combine(folder, "readme-template.sh");
        File.WriteAllText(file, script);
        return ProcessRunner.RunAsync("bash", $"-euo pipefail \"{file}\"", folder, TimeSpan.FromMinutes(5));
    }

    private static Task<ProcessRunner.Result> Dotnet(string arguments, string directory) =>
        ProcessRunner.RunAsync("dotnet", arguments, directory, TimeSpan.FromMinutes(5));
}
