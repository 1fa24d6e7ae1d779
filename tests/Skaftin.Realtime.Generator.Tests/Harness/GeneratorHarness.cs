using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;
using Skaftin.Realtime.Generator;

namespace Skaftin.Realtime.Generator.Tests;

/// <summary>
/// Runs the generator on test sources and compares its files with the baselines under
/// <c>Baselines/{Test}/</c>. The comparison and the compilation of the output are done by
/// Microsoft.CodeAnalysis.CSharp.SourceGenerators.Testing; every verification also runs the generator twice and
/// checks the pipeline caches (<see cref="IncrementalAssert"/>). Baselines hold a placeholder for the generator's
/// version (<see cref="GeneratorVersionScrubber"/>). Set <c>SKAFTIN_UPDATE_BASELINES=1</c> to rewrite the baselines
/// on purpose; the diff is then reviewed like code.
/// </summary>
internal static class GeneratorHarness
{
    public const string UpdateVariable = "SKAFTIN_UPDATE_BASELINES";

    public static readonly ImmutableArray<MetadataReference> References =
        Basic.Reference.Assemblies.Net80.References.All.Cast<MetadataReference>()
            .Append(MetadataReference.CreateFromFile(typeof(SkaftinTableAttribute).Assembly.Location))
            .ToImmutableArray();

    public static bool Updating => Environment.GetEnvironmentVariable(UpdateVariable) == "1";

    /// <summary>Verifies the generator's output for <paramref name="source"/> against the test's baselines.</summary>
    /// <param name="source">The test source; diagnostics are marked in it with <c>{|SKR001:...|}</c>.</param>
    /// <param name="expected">Further expected diagnostics.</param>
    /// <param name="languageVersion">The C# version to compile with.</param>
    /// <param name="editorConfig">An <c>.editorconfig</c> at the root of the test project, or null.</param>
    /// <param name="test">The calling test's name (the baseline folder).</param>
    /// <param name="file">The calling test's file (to find the baseline folder).</param>
    public static async Task VerifyAsync(
        string source,
        DiagnosticResult[]? expected = null,
        LanguageVersion languageVersion = LanguageVersion.CSharp12,
        string? editorConfig = null,
        [CallerMemberName] string test = "",
        [CallerFilePath] string file = "")
    {
        var folder = Path.Combine(Path.GetDirectoryName(file)!, "Baselines", test);
        var markupFree = StripMarkup(source);

        // Every snapshot and diagnostic test is also a caching test.
        var result = IncrementalAssert.RunTwiceAndAssertCached(CreateCompilation(new[] { markupFree }, languageVersion), languageVersion);
        var generated = result.Results.SelectMany(static r => r.GeneratedSources).ToList();
        if (Updating)
        {
            WriteBaselines(generated, folder);
        }

        var version = generated.Select(static g => GeneratorVersionScrubber.VersionIn(g.SourceText.ToString())).FirstOrDefault(static v => v is not null);
        var verifier = new Verifier(languageVersion, keepWarnings: editorConfig is null)
        {
            TestState = { Sources = { source } },
        };
        if (editorConfig is not null)
        {
            verifier.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", editorConfig));
        }

        if (Directory.Exists(folder))
        {
            foreach (var path in Directory.GetFiles(folder, "*.cs").OrderBy(static p => p, StringComparer.Ordinal))
            {
                var baseline = File.ReadAllText(path);
                var expectedText = version is null ? baseline : GeneratorVersionScrubber.Restore(baseline, version);
                verifier.TestState.GeneratedSources.Add((typeof(SkaftinRealtimeGenerator), Path.GetFileName(path), SourceText.From(expectedText, Encoding.UTF8)));
            }
        }

        verifier.ExpectedDiagnostics.AddRange(expected ?? Array.Empty<DiagnosticResult>());
        await verifier.RunAsync(CancellationToken.None);
    }

    public static CSharpCompilation CreateCompilation(IEnumerable<string> sources, LanguageVersion languageVersion = LanguageVersion.CSharp12)
    {
        var parseOptions = new CSharpParseOptions(languageVersion);
        return CSharpCompilation.Create(
            "Tests",
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, parseOptions, path: $"/0/Test{i}.cs")),
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
    }

    /// <param name="compilation">The compilation to run on.</param>
    /// <param name="languageVersion">The C# version.</param>
    /// <param name="trackSteps">Whether to track the pipeline's steps.</param>
    /// <param name="project">Additional files and MSBuild properties (a schema snapshot), or null for none.</param>
    public static GeneratorDriver Run(CSharpCompilation compilation, LanguageVersion languageVersion, bool trackSteps = false, TestProject? project = null)
    {
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new[] { new SkaftinRealtimeGenerator().AsSourceGenerator() },
            additionalTexts: project?.AdditionalTexts,
            parseOptions: new CSharpParseOptions(languageVersion),
            optionsProvider: project?.Options,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));
        return driver.RunGenerators(compilation);
    }

    private static void WriteBaselines(IReadOnlyList<GeneratedSourceResult> generated, string folder)
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        foreach (var source in generated)
        {
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, source.HintName), GeneratorVersionScrubber.Scrub(source.SourceText.ToString()));
        }
    }

    // Removes {|ID:text|} markers so the generator sees the source the test framework compiles.
    public static string StripMarkup(string source) =>
        System.Text.RegularExpressions.Regex.Replace(source, @"\{\|[^:|]+:(.*?)\|\}", "$1", System.Text.RegularExpressions.RegexOptions.Singleline);

    private sealed class Verifier : CSharpSourceGeneratorTest<SkaftinRealtimeGenerator, DefaultVerifier>
    {
        private readonly LanguageVersion _languageVersion;
        private readonly bool _keepWarnings;

        // keepWarnings: SKR005, SKR015 and SKR022 stay warnings despite warnings-as-errors. A compilation-wide option outranks the
        // .editorconfig, so a test of the .editorconfig leaves it out.
        public Verifier(LanguageVersion languageVersion, bool keepWarnings)
        {
            _languageVersion = languageVersion;
            _keepWarnings = keepWarnings;
            ReferenceAssemblies = new ReferenceAssemblies("net8.0-offline");
            TestState.AdditionalReferences.AddRange(References);
        }

        protected override ParseOptions CreateParseOptions() => new CSharpParseOptions(_languageVersion, DocumentationMode.Diagnose);

        protected override CompilationOptions CreateCompilationOptions()
        {
            // Test sources carry no XML docs; malformed docs in generated code still fail the test.
            var specific = new Dictionary<string, ReportDiagnostic> { ["CS1591"] = ReportDiagnostic.Suppress };
            if (_keepWarnings)
            {
                specific["SKR005"] = ReportDiagnostic.Warn;
                specific["SKR015"] = ReportDiagnostic.Warn;
                specific["SKR022"] = ReportDiagnostic.Warn;
            }

            return ((CSharpCompilationOptions)base.CreateCompilationOptions())
                .WithNullableContextOptions(NullableContextOptions.Enable)
                .WithGeneralDiagnosticOption(ReportDiagnostic.Error)
                .WithSpecificDiagnosticOptions(specific);
        }
    }
}
