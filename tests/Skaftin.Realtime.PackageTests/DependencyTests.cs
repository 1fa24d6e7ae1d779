using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Skaftin.Realtime.Tests.Shared;
using Xunit;
using Xunit.Abstractions;

namespace Skaftin.Realtime.PackageTests;

/// <summary>
/// What each package brings into a new console app: exactly the packages docs/install.md lists, none of them with a known
/// vulnerability.
/// </summary>
[Collection("package")]
public sealed partial class DependencyTests(PackageFixture fixture, ITestOutputHelper output)
{
    private const string Page = "docs/install.md";
    private const string Section = "What the packages bring into an app";

    [Theory]
    [InlineData("Skaftin.Realtime")]
    [InlineData("Skaftin.Realtime.Hosting")]
    public async Task TheInstallPageListsExactlyThePackagesANewConsoleAppGets(string package)
    {
        var app = await RestoredConsoleApp("dependencies-listed-" + package, package);
        var listing = (await Dotnet("list package --include-transitive", app)).EnsureSuccess("dotnet list package").Output;
        var closure = PackageLine().Matches(listing).Select(static m => m.Groups[1].Value).Order(StringComparer.Ordinal).ToList();
        Assert.Contains(package, closure);

        // The core package's table, and for the hosting package also the table of what it adds.
        var listed = ListedUnder("Skaftin.Realtime")
            .Concat(package == "Skaftin.Realtime" ? new List<string>() : ListedUnder("Skaftin.Realtime.Hosting adds"))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.Equal(closure, listed);
    }

    [Theory]
    [InlineData("Skaftin.Realtime")]
    [InlineData("Skaftin.Realtime.Hosting")]
    public async Task NoPackageTheAppGetsHasAKnownVulnerability(string package)
    {
        var app = await RestoredConsoleApp("dependencies-vulnerable-" + package, package);
        var result = await Dotnet("list package --vulnerable --include-transitive", app);
        output.WriteLine(result.Output);

        // Without the vulnerability data (no network to nuget.org) the command cannot say anything: that is a
        // failure to check, reported as such, never a pass.
        Assert.True(
            result.ExitCode == 0 && !result.Output.Contains("error", StringComparison.OrdinalIgnoreCase),
            "The vulnerability check could not run (is nuget.org reachable from here?):\n" + result.Output);
        Assert.Contains("nuget.org", result.Output);
        Assert.DoesNotContain("has the following vulnerable packages", result.Output);
        Assert.Contains("has no vulnerable packages given the current sources", result.Output);
    }

    // The packages of the install page's table under "### {heading}" in the section.
    private static List<string> ListedUnder(string heading)
    {
        var readme = File.ReadAllText(Repository.PathOf(Page)).Replace("\r\n", "\n");
        var section = readme.IndexOf("## " + Section + "\n", StringComparison.Ordinal);
        Assert.True(section >= 0, $"{Page} has no '## {Section}' section");
        var start = readme.IndexOf("### " + heading + "\n", section, StringComparison.Ordinal);
        Assert.True(start >= 0, $"{Page}'s '{Section}' section has no '### {heading}' table");
        var end = readme.IndexOf("\n#", start + heading.Length + 5, StringComparison.Ordinal);
        return TableRow().Matches(readme[start..(end < 0 ? readme.Length : end)]).Select(static m => m.Groups[1].Value).ToList();
    }

    // A new console app with the package, restored from the feed and nuget.org.
    private async Task<string> RestoredConsoleApp(string name, string package)
    {
        var app = fixture.CreateConsumerProject(name, "<OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework>", package);
        File.WriteAllText(Path.Combine(app, "Program.cs"), "System.Console.WriteLine(typeof(Skaftin.Realtime.SkaftinRealtimeClient));\n");
        (await Dotnet("restore", app)).EnsureSuccess("restore");
        return app;
    }

    private static Task<ProcessRunner.Result> Dotnet(string arguments, string directory) =>
        ProcessRunner.RunAsync("dotnet", arguments, directory, TimeSpan.FromMinutes(5));

    // "   > System.Reactive     5.0.0" (top-level rows also carry the requested version).
    [GeneratedRegex(@"^\s*>\s+(\S+)\s+\S+", RegexOptions.Multiline)]
    private static partial Regex PackageLine();

    [GeneratedRegex(@"^\| `([^`]+)` \|", RegexOptions.Multiline)]
    private static partial Regex TableRow();
}
