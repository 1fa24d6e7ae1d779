using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Skaftin.Realtime.DevServer;
using Skaftin.Realtime.Tests.Shared;
using Xunit;

namespace Skaftin.Realtime.PackageTests;

/// <summary>
/// Packs Skaftin.Realtime, Skaftin.Realtime.Hosting, Skaftin.Realtime.Testing and the templates once into a folder feed with the README's own
/// commands (which give each pack a unique version), and starts a dev server for the consumer apps to talk to.
/// </summary>
public sealed class PackageFixture : IAsyncLifetime
{
    public string Root { get; } = Repository.Root;

    public string WorkDirectory { get; } = Path.Combine(Path.GetTempPath(), "skaftin-package-tests-" + Guid.NewGuid().ToString("N")[..8]);

    public string Feed => Path.Combine(WorkDirectory, "feed");

    /// <summary>The version the README's pack command gave the package (a unique <c>-local.</c> suffix per pack).</summary>
    public string Version { get; private set; } = "";

    public string PackagePath => PathOf("Skaftin.Realtime");

    public string HostingPackagePath => PathOf("Skaftin.Realtime.Hosting");

    public string TemplatesPackagePath => PathOf("Skaftin.Realtime.Templates");

    /// <summary>The packed test helpers (<c>Skaftin.Realtime.Testing</c>), same version.</summary>
    public string TestingPackagePath => PathOf("Skaftin.Realtime.Testing");

    public SkaftinDevServer Server { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Feed);
        (await ReadmeCommands.PackAsync(Feed)).EnsureSuccess("the README's pack commands");
        var packages = Directory.GetFiles(Feed, "Skaftin.Realtime.*.nupkg").Where(static p => char.IsAsciiDigit(Path.GetFileName(p)["Skaftin.Realtime.".Length])).ToArray();
        if (packages.Length != 1)
        {
            throw new InvalidOperationException($"The README's pack commands should leave one Skaftin.Realtime package in the feed, not {packages.Length}.");
        }

        Version = Path.GetFileNameWithoutExtension(packages[0])["Skaftin.Realtime.".Length..];
        foreach (var path in new[] { HostingPackagePath, TemplatesPackagePath, TestingPackagePath })
        {
            if (!File.Exists(path))
            {
                throw new InvalidOperationException($"The README's pack commands should leave {Path.GetFileName(path)} in the feed, with the same version.");
            }
        }

        Server = await SkaftinDevServer.StartAsync();
    }

    /// <summary>
    /// Creates a consumer project, <c>Consumer.csproj</c> with <paramref name="properties"/> and a reference to the
    /// packed version of <paramref name="package"/>, in a folder of its own whose nuget.config adds the feed; returns
    /// the folder.
    /// </summary>
    public string CreateConsumerProject(string name, string properties, string package = "Skaftin.Realtime")
    {
        var directory = Path.Combine(WorkDirectory, name);
        Directory.CreateDirectory(directory);
        WriteNuGetConfig(directory);
        File.WriteAllText(Path.Combine(directory, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <AssemblyName>Consumer</AssemblyName>
                {properties}
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="{package}" Version="{Version}" />
              </ItemGroup>
            </Project>
            """);
        return directory;
    }

    /// <summary>Writes a nuget.config into <paramref name="directory"/> that adds the feed to the usual sources.</summary>
    public void WriteNuGetConfig(string directory) =>
        File.WriteAllText(Path.Combine(directory, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="skaftin-local" value="{Feed}" />
              </packageSources>
            </configuration>
            """);

    private string PathOf(string package) => Path.Combine(Feed, $"{package}.{Version}.nupkg");

    public async Task DisposeAsync()
    {
        if (Server is not null)
        {
            // Null when packing failed before the server started.
            await Server.DisposeAsync();
        }
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
