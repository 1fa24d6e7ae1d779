using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Skaftin.Realtime.Tests.Shared;
using Xunit;

namespace Skaftin.Realtime.PackageTests;

/// <summary>
/// The 1.0 API is frozen by package validation, not only by the public API analyzer: a copy of the runtime with one
/// shipped public member made internal (and, to get past the analyzer, struck from <c>PublicAPI.Shipped.txt</c> too)
/// fails <c>dotnet pack</c> with CP0002 against the 1.0.0 package kept in <c>eng/baselines/</c>. The README's own pack
/// commands (the package fixture) are the other half: the unchanged sources pack against the same baseline.
/// </summary>
public sealed class PackageValidationTests : IDisposable
{
    private const string Member = "public IDisposable OnUndeclaredChange(Action<DatabaseChange> handler) => Router.OnUndeclaredChange(handler);";
    private const string ShippedLine = "Skaftin.Realtime.SkaftinRealtimeClient.OnUndeclaredChange(System.Action<Skaftin.Realtime.DatabaseChange!>! handler) -> System.IDisposable!";

    private readonly string _copy = Path.Combine(Path.GetTempPath(), "skaftin-package-validation-" + Guid.NewGuid().ToString("N")[..8]);

    public void Dispose()
    {
        try
        {
            Directory.Delete(_copy, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [Fact]
    public async Task RemovingAShippedPublicMemberFailsThePackWithCP0002()
    {
        foreach (var file in new[] { "Directory.Build.props", "Directory.Packages.props", "global.json" })
        {
            File.Copy(Repository.PathOf(file), Path.Combine(_copy, file).WithDirectory());
        }

        CopyTree("eng/baselines");
        CopyTree("src/Skaftin.Realtime.Runtime");
        CopyTree("src/Skaftin.Realtime.Generator");
        CopyTree("src/Skaftin.Realtime.CodeFixes");

        var source = Path.Combine(_copy, "src/Skaftin.Realtime.Runtime/Client/SkaftinRealtimeClient.Subscriptions.cs");
        var code = File.ReadAllText(source);
        Assert.Contains(Member, code, StringComparison.Ordinal);
        File.WriteAllText(source, code.Replace(Member, "internal" + Member["public".Length..], StringComparison.Ordinal));

        var shipped = Path.Combine(_copy, "src/Skaftin.Realtime.Runtime/PublicAPI/PublicAPI.Shipped.txt");
        var lines = File.ReadAllLines(shipped);
        Assert.Contains(ShippedLine, lines);
        File.WriteAllLines(shipped, lines.Where(static l => l != ShippedLine));

        var pack = await ProcessRunner.RunAsync(
            "dotnet", $"pack src/Skaftin.Realtime.Runtime -c Release -o \"{Path.Combine(_copy, "out")}\"", _copy, TimeSpan.FromMinutes(10));

        Assert.NotEqual(0, pack.ExitCode);
        Assert.Matches(@"error CP0002: Member '[^']*OnUndeclaredChange[^']*' exists on \[Baseline\]", pack.Output);
    }

    private void CopyTree(string relative)
    {
        var from = Repository.PathOf(relative);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var rest = Path.GetRelativePath(from, file).Replace('\\', '/');
            if (rest.StartsWith("bin/", StringComparison.Ordinal) || rest.StartsWith("obj/", StringComparison.Ordinal))
            {
                continue;
            }

            File.Copy(file, Path.Combine(_copy, relative, rest).WithDirectory());
        }
    }
}

internal static class PathExtensions
{
    /// <summary>Creates the file's directory, and returns the path.</summary>
    public static string WithDirectory(this string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path;
    }
}
