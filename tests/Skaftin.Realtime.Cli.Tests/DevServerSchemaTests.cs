using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Skaftin.Realtime.Cli;
using Skaftin.Realtime.DevServer;
using Skaftin.Realtime.Tests.Shared;
using Xunit;

namespace Skaftin.Realtime.Cli.Tests;

/// <summary>
/// <see cref="SkaftinDevServerOptions.SchemaPath"/> (the dev server's <c>--schema</c>) with the snapshots the repository
/// ships, and the README's first run as a new user types it.
/// </summary>
public sealed class DevServerSchemaTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("skaftin-devschema-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    public static TheoryData<string> ShippedSnapshots() =>
    [
        "samples/QuickStart/skaftin.schema.json",
        "src/Skaftin.Realtime.Templates/content/shared/skaftin.schema.json",
    ];

    [Theory(Timeout = 600_000)]
    [MemberData(nameof(ShippedSnapshots))]
    public async Task AShippedSnapshotIsWhatAPullOfTheServerStartedWithItGives(string relativePath)
    {
        var snapshot = Repository.PathOf(relativePath);
        Assert.Empty(SnapshotSchemaTests.Errors(File.ReadAllText(snapshot)));
        var projectId = SnapshotReader.ReadSnapshot(File.ReadAllText(snapshot)).ProjectId;
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(9));
        await using var server = await SkaftinDevServer.StartAsync(new SkaftinDevServerOptions { SchemaPath = snapshot }, cts.Token);

        var check = await ToolRun.InProcessAsync("schema", "pull", "--check", "--url", server.Url.ToString(), "--project", projectId, "--key", server.DefaultApiKey, "--out", snapshot);

        Assert.True(check.ExitCode == ExitCodes.Success, check.ToString());
    }

    [Fact(Timeout = 600_000)]
    public async Task ATableThatExistsWithOtherColumnsFailsTheStartWithTheServersMessage()
    {
        var database = Path.Combine(_folder, "dev.db");
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(9));
        await using (var first = await SkaftinDevServer.StartAsync(new SkaftinDevServerOptions { DatabasePath = database }, cts.Token))
        {
            await first.Api.CreateTableAsync("demo", "vehicles", [new DevColumn("registration_number", "integer")], cts.Token);
        }

        var e = await Assert.ThrowsAsync<SkaftinDevServerException>(() => SkaftinDevServer.StartAsync(
            new SkaftinDevServerOptions { DatabasePath = database, SchemaPath = Repository.PathOf("samples/QuickStart/skaftin.schema.json") },
            cts.Token));

        Assert.Contains("table vehicles already exists in project demo with other columns", e.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 900_000)]
    public async Task TheReadmesFirstRunShowsRowsWithoutCreatingATable()
    {
        // The README's first command, exactly as written, run from the repository root as a new user would.
        var block = MarkdownCodeBlocks.Parse(File.ReadAllText(Repository.PathOf("README.md")))
            .First(static b => b.Section == "The two commands" && b.Language == "bash");
        var command = block.Code.Split('\n')[0].Split('#')[0].Trim();
        Assert.Equal("dotnet run --project samples/QuickStart", command);
        Assert.DoesNotContain("CreateTable", File.ReadAllText(Repository.PathOf("samples/QuickStart/Program.cs")), StringComparison.Ordinal);

        var start = new ProcessStartInfo("bash") { WorkingDirectory = Repository.Root, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        // --no-build: the sample is built with this test project (a build here could race the other test projects'
        // builds and packs of the same src/ projects); everything else is the README's command.
        start.ArgumentList.Add(command + " -c Release --no-build");
        start.Environment.Remove("SKAFTIN_API_URL");
        start.Environment.Remove("SKAFTIN_API_KEY");
        start.Environment.Remove("SKAFTIN_PROJECT");
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(14));
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        var output = await stdout;
        Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}\n{output}\n{await stderr}");
        Assert.Contains("Inserted Vehicle { Id = 1, RegistrationNumber = CA 123-456, Status = Available, Capacity = 14", output, StringComparison.Ordinal);
        Assert.Contains("Updated  Available -> InService", output, StringComparison.Ordinal);
        Assert.Contains("Deleted  id 1", output, StringComparison.Ordinal);
        Assert.Contains("All 5 typed events received.", output, StringComparison.Ordinal);
    }
}
