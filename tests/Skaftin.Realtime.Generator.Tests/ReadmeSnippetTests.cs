using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Skaftin.Realtime.Tests.Shared;
using Xunit;

namespace Skaftin.Realtime.Generator.Tests;

/// <summary>
/// Every C# block of the READMEs (the repository's and each package's) and of every guide page under docs/, read when
/// the test runs, is compiled with the runtime and the generator, nullable on and warnings as errors, so the docs can
/// never drift from the API. A docs/ page is compiled with the repository README's type declarations (the first
/// app's <c>Vehicle</c>), which its examples use. A block is one of:
/// <list type="bullet">
/// <item>unmarked: a complete file; all complete files of one README form one program, with the generator run on it;</item>
/// <item><c>&lt;!-- snippet: fragment --&gt;</c>: statements, compiled inside <see cref="FragmentPrelude"/>'s method
/// next to the README's complete files;</item>
/// <item><c>&lt;!-- snippet: generated --&gt;</c>: an abridged excerpt of what the generator writes for the README's
/// complete files; each declaration line must be in the generated code, in order;</item>
/// <item><c>&lt;!-- snippet: file PATH --&gt;</c> (docs/ pages only): a copy of a repository file the build compiles, checked
/// equal to it by the Testing package's tests.</item>
/// </list>
/// The diagnostic pages (docs/diagnostics), whose examples must fail to compile, are not compiled here.
/// Any other marker fails the test, so no block is exempt.
/// </summary>
public sealed partial class ReadmeSnippetTests
{
    /// <summary>
    /// What a fragment may use besides the README's own types: a host builder, a client, the README's vehicles table,
    /// an <c>HttpClient</c>, a <c>Render(object)</c> callback, an <c>ILogger logger</c> and a cancellation token <c>ct</c>.
    /// </summary>
    public const string FragmentPrelude = """
        using System;
        using System.Collections.Generic;
        using System.Net.Http;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Extensions.Hosting;
        using Microsoft.Extensions.Logging;
        using Skaftin.Realtime;
        using Skaftin.Realtime.Testing;

        internal static class ReadmeFragment{0}
        {{
            public static async Task RunAsync(
                IHostApplicationBuilder builder,
                SkaftinRealtimeClient client,
                VehiclesRealtime vehicles,
                HttpClient http,
                Action<object> Render,
                ILogger logger,
                CancellationToken ct)
            {{
                await Task.CompletedTask;
        #line {1} "{2}"
        {3}
        #line default
            }}
        }}
        """;

    private const string MainReadme = "README.md";

    /// <summary>The READMEs, and every page under docs/ with a C# block (the diagnostic pages aside), found when the tests are discovered.</summary>
    public static TheoryData<string> Readmes
    {
        get
        {
            var pages = new TheoryData<string> { MainReadme, "src/Skaftin.Realtime.Runtime/README.md", "src/Skaftin.Realtime.Testing/README.md" };
            foreach (var page in DocsPagesWithCSharp())
            {
                pages.Add(page);
            }

            return pages;
        }
    }

    /// <summary>The docs/ pages (relative, with '/') that hold a C# block, except the diagnostic pages.</summary>
    internal static IEnumerable<string> DocsPagesWithCSharp() =>
        Directory.GetFiles(Repository.PathOf("docs"), "*.md", SearchOption.AllDirectories)
            .Select(static path => Path.GetRelativePath(Repository.Root, path).Replace('\\', '/'))
            .Where(static page => !page.StartsWith("docs/diagnostics/", StringComparison.Ordinal))
            .Where(static page => CSharpBlocks(page).Count > 0)
            .Order(StringComparer.Ordinal);

    [Fact]
    public void TheGuidePagesWithCSharpAreCompiled()
    {
        // The guide's examples live in docs/ now: a discovery that found none would leave them unchecked.
        var pages = DocsPagesWithCSharp().ToList();
        Assert.Contains("docs/subscribing.md", pages);
        Assert.Contains("docs/live-tables.md", pages);
        Assert.Contains("docs/models.md", pages);
    }

    [Theory]
    [MemberData(nameof(Readmes))]
    public void EveryCSharpBlockCompiles(string readme)
    {
        var isGuidePage = readme.StartsWith("docs/", StringComparison.Ordinal);
        var blocks = CSharpBlocks(readme);
        Assert.NotEmpty(blocks);
        Assert.All(blocks, b => Assert.True(
            b.Marker is null or "fragment" or "generated" || (isGuidePage && b.Marker.StartsWith("file ", StringComparison.Ordinal)),
            $"{b}: unknown snippet marker '{b.Marker}' (use none, 'fragment', 'generated' or, in docs/, 'file PATH')"));

        var parseOptions = new CSharpParseOptions(LanguageVersion.CSharp12);
        var shared = isGuidePage ? TypeDeclarationFiles(MainReadme, parseOptions) : new List<SyntaxTree>();
        var trees = blocks.Where(static b => b.Marker is null)
            .Select(b => CSharpSyntaxTree.ParseText($"#line {b.Line} \"{readme}\"\n{b.Code}", parseOptions, path: readme))
            .Concat(shared)
            .Concat(blocks.Where(static b => b.Marker == "fragment")
                .Select(b => CSharpSyntaxTree.ParseText(
                    string.Format(System.Globalization.CultureInfo.InvariantCulture, FragmentPrelude, b.Line, b.Line, readme, b.Code),
                    parseOptions,
                    path: readme)))
            .ToList();
        var hasProgram = trees.Any(static t => t.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.GlobalStatementSyntax>().Any());
        var compilation = CSharpCompilation.Create(
            "Readme",
            trees,
            References,
            new CSharpCompilationOptions(
                hasProgram ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                generalDiagnosticOption: ReportDiagnostic.Error,
                specificDiagnosticOptions: new Dictionary<string, ReportDiagnostic>
                {
                    // As in the SDK: a newer minor version of a referenced assembly is not a problem.
                    ["CS1701"] = ReportDiagnostic.Suppress,
                    ["CS1702"] = ReportDiagnostic.Suppress,
                }));

        GeneratorHarness.Run(compilation, LanguageVersion.CSharp12)
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        var errors = generatorDiagnostics.Concat(output.GetDiagnostics())
            .Where(static d => d.Severity == DiagnosticSeverity.Error)
            .Select(static d => d.ToString())
            .ToList();
        Assert.True(errors.Count == 0, $"{readme} does not compile:\n{string.Join('\n', errors)}");

        var generated = string.Join('\n', output.SyntaxTrees.Except(trees).Select(static t => t.ToString()));
        foreach (var excerpt in blocks.Where(static b => b.Marker == "generated"))
        {
            AssertIsExcerptOf(excerpt, generated);
        }
    }

    [Fact]
    public void AnExcerptThatDiffersFromTheGeneratedCodeIsRejected()
    {
        const string Generated = "public sealed class VehicleRowReader : global::Skaftin.Realtime.SkaftinRowReader<global::Vehicle, long>\n{\n}\n";
        var right = new MarkdownCodeBlocks.Block("csharp", "public sealed class VehicleRowReader : SkaftinRowReader<Vehicle, long>   // why\n{\n    ...\n}\n", 1, "", "generated");
        var wrong = right with { Code = "public sealed class VehicleRowReader : SkaftinRowReader<Vehicle, int>\n" };

        AssertIsExcerptOf(right, Generated);
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => AssertIsExcerptOf(wrong, Generated));
    }

    // The running .NET's own assemblies rather than the net8.0 reference assemblies of the generator tests: the hosting
    // package's dependencies in this folder (the 9.0 Options line, built for net9.0 here) need a newer System.Runtime.
    private static readonly ImmutableArray<MetadataReference> References =
        Directory.GetFiles(System.Runtime.InteropServices.RuntimeEnvironment.GetRuntimeDirectory(), "*.dll")
            .Where(static path => Path.GetFileName(path) is var name && (name.StartsWith("System.", StringComparison.Ordinal) || name is "netstandard.dll" or "mscorlib.dll"))
            .Concat(Directory.GetFiles(AppContext.BaseDirectory, "Microsoft.Extensions.*.dll"))
            .Append(typeof(SkaftinTableAttribute).Assembly.Location)
            .Append(Path.Combine(AppContext.BaseDirectory, "Skaftin.Realtime.Hosting.dll"))
            .Append(Path.Combine(AppContext.BaseDirectory, "Skaftin.Realtime.Testing.dll"))
            .Select(static path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();

    // The complete files of a page that declare types only (no top-level statements): the README's model, which the
    // guide pages' examples use.
    private static List<SyntaxTree> TypeDeclarationFiles(string page, CSharpParseOptions parseOptions) =>
        CSharpBlocks(page)
            .Where(static b => b.Marker is null)
            .Select(b => CSharpSyntaxTree.ParseText($"#line {b.Line} \"{page}\"\n{b.Code}", parseOptions, path: page))
            .Where(static t => !t.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.GlobalStatementSyntax>().Any())
            .ToList();

    internal static List<MarkdownCodeBlocks.Block> CSharpBlocks(string readme) =>
        MarkdownCodeBlocks.Parse(File.ReadAllText(Repository.PathOf(readme)))
            .Where(static b => b.Language is "csharp" or "cs" or "c#")
            .ToList();

    // Each excerpt line, without its trailing comment, "{ ... }" body or ";", must begin a generated line, in order;
    // global::-qualified names are compared by their last part, as the excerpt writes them.
    private static void AssertIsExcerptOf(MarkdownCodeBlocks.Block excerpt, string generated)
    {
        var generatedLines = generated.Split('\n').Select(static l => Unqualified(l).Trim()).ToList();
        var position = 0;
        foreach (var raw in excerpt.Code.Split('\n'))
        {
            var line = Unqualified(TrailingComment().Replace(raw, "")).Trim();
            line = line.EndsWith("{ ... }", StringComparison.Ordinal) ? line[..^"{ ... }".Length].TrimEnd() : line.TrimEnd(';');
            if (line is "" or "{" or "}" or "...")
            {
                continue;
            }

            var found = generatedLines.FindIndex(position, l => l.StartsWith(line, StringComparison.Ordinal));
            Assert.True(found >= 0, $"{excerpt}: '{line}' is not in the generated code (after line {position}).");
            position = found + 1;
        }
    }

    private static string Unqualified(string line) => GlobalQualifier().Replace(line, "");

    [GeneratedRegex(@"global::(?:[A-Za-z_]\w*\.)*")]
    private static partial Regex GlobalQualifier();

    [GeneratedRegex(@"\s//.*$")]
    private static partial Regex TrailingComment();
}
