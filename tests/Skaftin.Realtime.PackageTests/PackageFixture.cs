using System;
using System.IO;
using System.Threading.Tasks;
using Skaftin.Realtime.DevServer;
using Skaftin.Realtime.Tests.Shared;
using Xunit;

namespace Skaftin.Realtime.PackageTests;

/// <summary>
/// Packs Skaftin.Realtime once, with a version unique to this run, into a folder feed, and starts a dev server
/// for the consumer apps to talk to.
/// </summary>
public sealed class PackageFixture : IAsyncLifetime
{
    public string Root { get; } = Repository.Root;

    public string WorkDirectory { get; } = Path.Combine(Path.GetTempPath(), "skaftin-package-tests-" + Guid.NewGuid().ToString("N")[..8]);

    public string Feed => Path.Combine(WorkDirectory, "feed");

    public string Version { get; } = "0.1.0-test." + DateTime.UtcNow.ToString("yyyyMMddHHmmss") + "." + Environment.ProcessId;

    public string PackagePath => Path.Combine(Feed, $"Skaftin.Realtime.{Version}.nupkg");

    public SkaftinDevServer Server { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Feed);
        var pack = await ProcessRunner.RunAsync(
            "dotnet",
            $"pack src/Skaftin.Realtime.Runtime -c Release -o \"{Feed}\" -p:Version={Version}",
            Root,
            TimeSpan.FromMinutes(5));
        pack.EnsureSuccess("dotnet pack");
        Server = await SkaftinDevServer.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        try
        {
            Directory.Delete(WorkDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A consumer process may still hold a file for a moment; the folder is in the temp area anyway.
        }
    }
}

[CollectionDefinition("package")]
public sealed class PackageCollection : ICollectionFixture<PackageFixture>
{
}
