using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Skaftin.Realtime.Tests.Shared;
using Xunit;

namespace Skaftin.Realtime.PackageTests;

/// <summary>What the nupkg holds: the runtime for each target, the generator in exactly one analyzer folder, metadata.</summary>
[Collection("package")]
public sealed class PackageContentsTests(PackageFixture fixture)
{
    [Fact]
    public void HoldsTheRuntimeAndTheGeneratorInTheirPlaces()
    {
        using var package = ZipFile.OpenRead(fixture.PackagePath);
        var entries = package.Entries.Select(static e => e.FullName).Where(static n => !n.EndsWith('/')).ToList();

        Assert.Contains("lib/netstandard2.0/Skaftin.Realtime.dll", entries);
        Assert.Contains("lib/net8.0/Skaftin.Realtime.dll", entries);
        Assert.Contains("lib/net8.0/Skaftin.Realtime.xml", entries);
        Assert.Contains("README.md", entries);
        Assert.Equal(
            new[] { "analyzers/dotnet/roslyn4.8/cs/Skaftin.Realtime.CodeFixes.dll", "analyzers/dotnet/roslyn4.8/cs/Skaftin.Realtime.Generator.dll" },
            entries.Where(static e => e.StartsWith("analyzers/")).Order(StringComparer.Ordinal).ToArray());
        Assert.Equal(
            new[] { "build/Skaftin.Realtime.targets", "buildTransitive/Skaftin.Realtime.targets" },
            entries.Where(static e => e.StartsWith("build")).Order(StringComparer.Ordinal).ToArray());
        Assert.DoesNotContain(entries, static e => e.StartsWith("lib/") && (e.Contains("Generator") || e.Contains("CodeFixes")));
        Assert.DoesNotContain(entries, static e => e.Contains("DevServer"));
    }

    [Fact]
    public void CarriesItsMetadataAndOnlyRuntimeDependencies()
    {
        using var package = ZipFile.OpenRead(fixture.PackagePath);
        using var stream = package.GetEntry("Skaftin.Realtime.nuspec")!.Open();
        var nuspec = XDocument.Load(stream);
        string Value(string name) => nuspec.Descendants().First(e => e.Name.LocalName == name).Value;
        var metadata = nuspec.Descendants().First(static e => e.Name.LocalName == "metadata");

        Assert.Equal("Skaftin.Realtime", Value("id"));
        Assert.Equal(fixture.Version, Value("version"));
        var prefix = XDocument.Load(Repository.PathOf("Directory.Build.props")).Descendants("VersionPrefix").Single().Value;
        Assert.Matches($@"^{Regex.Escape(prefix)}-local\.[0-9]+$", fixture.Version);
        Assert.Equal("MIT", Value("license"));
        Assert.Equal("README.md", Value("readme"));
        Assert.Contains("[SkaftinTable]", Value("description"));
        Assert.Contains("github.com", metadata.Descendants().First(static e => e.Name.LocalName == "repository").Attribute("url")!.Value);

        var dependencies = nuspec.Descendants().Where(static e => e.Name.LocalName == "dependency").Select(static e => e.Attribute("id")!.Value).Distinct().ToList();
        Assert.Contains("SocketIOClient", dependencies);
        Assert.DoesNotContain(dependencies, static d => d.StartsWith("Microsoft.CodeAnalysis") || d.Contains("Generator") || d == "PolySharp");

        // No hosting dependencies in the core package: they come with Skaftin.Realtime.Hosting.
        Assert.DoesNotContain(dependencies, static d => d.StartsWith("Microsoft.Extensions.") && d != "Microsoft.Extensions.Logging.Abstractions");
        Assert.True(System.IO.File.Exists(fixture.PackagePath.Replace(".nupkg", ".snupkg")), "a symbols package is produced");
    }

    [Fact]
    public void TheHostingPackageHoldsOnlyTheIntegrationAndDependsOnThisVersionOfTheCore()
    {
        using var package = ZipFile.OpenRead(fixture.HostingPackagePath);
        var entries = package.Entries.Select(static e => e.FullName).Where(static n => !n.EndsWith('/')).ToList();
        Assert.Contains("lib/netstandard2.0/Skaftin.Realtime.Hosting.dll", entries);
        Assert.Contains("lib/net8.0/Skaftin.Realtime.Hosting.dll", entries);
        Assert.Contains("README.md", entries);
        Assert.DoesNotContain(entries, static e => e.StartsWith("analyzers/") || e.EndsWith("/Skaftin.Realtime.dll"));

        using var stream = package.GetEntry("Skaftin.Realtime.Hosting.nuspec")!.Open();
        var dependencies = XDocument.Load(stream).Descendants().Where(static e => e.Name.LocalName == "dependency").ToList();
        Assert.All(
            dependencies.Where(static d => d.Attribute("id")!.Value == "Skaftin.Realtime"),
            d => Assert.Equal(fixture.Version, d.Attribute("version")!.Value));
        Assert.Contains(dependencies, static d => d.Attribute("id")!.Value == "Skaftin.Realtime");
        Assert.Contains(dependencies, static d => d.Attribute("id")!.Value == "Microsoft.Extensions.Hosting.Abstractions");
    }

    [Fact]
    public void TheTemplatesPackageHoldsBothTemplatesReferencingThisVersion()
    {
        using var package = ZipFile.OpenRead(fixture.TemplatesPackagePath);
        var entries = package.Entries.Select(static e => e.FullName).Where(static n => !n.EndsWith('/')).ToList();
        Assert.Contains("content/skaftin-worker/.template.config/template.json", entries);
        Assert.Contains("content/skaftin-console/.template.config/template.json", entries);
        // Both templates take content/shared: the Vehicle model and its schema snapshot (dev server --schema).
        Assert.Contains("content/shared/skaftin.schema.json", entries);
        Assert.DoesNotContain(entries, static e => e.StartsWith("lib/") || e.Contains("/bin/") || e.Contains("/obj/"));

        string Read(string entry)
        {
            using var reader = new StreamReader(package.GetEntry(entry)!.Open());
            return reader.ReadToEnd();
        }

        Assert.Contains($"Include=\"Skaftin.Realtime.Hosting\" Version=\"{fixture.Version}\"", Read("content/skaftin-worker/SkaftinApp.csproj"));
        Assert.Contains($"Include=\"Skaftin.Realtime\" Version=\"{fixture.Version}\"", Read("content/skaftin-console/SkaftinApp.csproj"));
        Assert.Equal(File.ReadAllText(Repository.PathOf("src/Skaftin.Realtime.Templates/content/shared/skaftin.schema.json")), Read("content/shared/skaftin.schema.json"));
    }

    [Fact]
    public void TheReadmeOnThePackagePageIsTheUsersReadmeWithOnlyAbsoluteLinks()
    {
        using var package = ZipFile.OpenRead(fixture.PackagePath);
        using var reader = new StreamReader(package.GetEntry("README.md")!.Open());
        var packed = reader.ReadToEnd();

        Assert.Equal(File.ReadAllText(Repository.PathOf("src/Skaftin.Realtime.Runtime/README.md")), packed);
        Assert.NotEqual(File.ReadAllText(Repository.PathOf("README.md")), packed);
        Assert.StartsWith("# Skaftin.Realtime\n", packed.Replace("\r\n", "\n"));
        Assert.DoesNotContain("eng/test.sh", packed);
        var links = Regex.Matches(packed, @"\]\(([^)]*)\)|<a\s[^>]*href=""([^""]*)""|^\[[^\]]+\]:\s*(\S+)", RegexOptions.Multiline)
            .Select(static m => m.Groups.Cast<Group>().Skip(1).First(static g => g.Success).Value)
            .ToList();
        Assert.NotEmpty(links);
        Assert.All(links, static link => Assert.StartsWith("https://", link));
    }
}
