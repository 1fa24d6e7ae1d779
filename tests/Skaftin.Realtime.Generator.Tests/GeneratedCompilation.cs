using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Skaftin.Realtime.Generator.Tests;

/// <summary>
/// Compiles a consumer's source together with what the generator made of it, under the consumer's nullable
/// setting and with warnings as errors, so a generated file that does not compile fails the test.
/// </summary>
internal static class GeneratedCompilation
{
    /// <summary>Every nullable setting a consumer may compile with.</summary>
    public static readonly TheoryData<NullableContextOptions> NullableContexts = new()
    {
        NullableContextOptions.Enable,
        NullableContextOptions.Disable,
        NullableContextOptions.Annotations,
        NullableContextOptions.Warnings,
    };

    /// <summary>The generator's diagnostics and the compiler's diagnostics of the consumer with the generated files.</summary>
    public static (ImmutableArray<Diagnostic> Generator, ImmutableArray<Diagnostic> Compiler, ImmutableArray<SyntaxTree> Generated) Run(
        string source, NullableContextOptions nullable)
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.CSharp12);
        var compilation = CSharpCompilation.Create(
            "Consumer",
            new[] { CSharpSyntaxTree.ParseText(source, parseOptions, path: "/0/Consumer.cs") },
            GeneratorHarness.References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: nullable, generalDiagnosticOption: ReportDiagnostic.Error)
                .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic> { ["SKR005"] = ReportDiagnostic.Suppress }));
        var driver = CSharpGeneratorDriver.Create(new[] { new SkaftinRealtimeGenerator().AsSourceGenerator() }, parseOptions: parseOptions);
        driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        var generated = output.SyntaxTrees.Where(static t => t.FilePath.EndsWith(".g.cs", System.StringComparison.Ordinal)).ToImmutableArray();
        var compiler = output.GetDiagnostics().Where(static d => d.Severity >= DiagnosticSeverity.Warning || d.IsWarningAsError).ToImmutableArray();
        return (generatorDiagnostics, compiler, generated);
    }

    /// <summary>Asserts the generator reported nothing and the consumer compiles warning-free with the generated code.</summary>
    public static ImmutableArray<SyntaxTree> AssertCompiles(string source, NullableContextOptions nullable)
    {
        var (generator, compiler, generated) = Run(source, nullable);
        Assert.True(generator.IsEmpty, "generator: " + string.Join("\n", generator));
        Assert.True(compiler.IsEmpty, "compiler: " + string.Join("\n", compiler));
        Assert.NotEmpty(generated);
        return generated;
    }
}
