using System.Linq;
using System.Xml.Linq;
using Microsoft.CodeAnalysis.CSharp;
using Skaftin.Realtime.Tests.Shared;
using Xunit;

namespace Skaftin.Realtime.Generator.Tests;

/// <summary>The generated code names the version of the package that generated it, taken from the one version source.</summary>
public sealed class VersionTests
{
    [Fact]
    public void GeneratedCodeCarriesTheVersionPrefixOfDirectoryBuildProps()
    {
        var props = XDocument.Load(Repository.PathOf("Directory.Build.props"));
        var prefix = props.Descendants("VersionPrefix").Single().Value;

        var model = """
            using Skaftin.Realtime;

            [SkaftinTable("vehicles")]
            public sealed record Vehicle([property: SkaftinKey] long Id);
            """;
        var generated = GeneratorHarness.Run(GeneratorHarness.CreateCompilation(new[] { model }), LanguageVersion.CSharp12)
            .GetRunResult().GeneratedTrees.Single().ToString();

        Assert.Contains($"[global::System.CodeDom.Compiler.GeneratedCode(\"Skaftin.Realtime.Generator\", \"{prefix}\")]", generated);
    }
}
