using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Skaftin.Realtime.Generator.Tests;

/// <summary>
/// What MSBuild hands the compiler besides sources: additional files, and build properties as global analyzer
/// options (<c>build_property.X</c>), as the package's build files make them compiler-visible.
/// </summary>
internal sealed class TestProject
{
    public TestProject(IEnumerable<AdditionalText> additionalTexts, IReadOnlyDictionary<string, string> properties)
    {
        AdditionalTexts = additionalTexts.ToImmutableArray();
        Options = new OptionsProvider(properties.ToDictionary(static p => "build_property." + p.Key, static p => p.Value));
    }

    public ImmutableArray<AdditionalText> AdditionalTexts { get; }

    public AnalyzerConfigOptionsProvider Options { get; }

    /// <summary>A project with a snapshot file at <c>/app/skaftin.schema.json</c> and the property naming it.</summary>
    public static TestProject WithSnapshot(string json, string property = "skaftin.schema.json") => new(
        new[] { new InMemoryText("/app/skaftin.schema.json", json) },
        new Dictionary<string, string> { ["SkaftinSchemaSnapshot"] = property, ["ProjectDir"] = "/app/" });

    /// <summary>An additional file held in memory that counts how often its text is read.</summary>
    public sealed class InMemoryText : AdditionalText
    {
        private readonly SourceText _text;
        private int _reads;

        public InMemoryText(string path, string text)
        {
            Path = path;
            _text = SourceText.From(text, Encoding.UTF8);
        }

        public override string Path { get; }

        public int Reads => _reads;

        public override SourceText GetText(CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _reads);
            return _text;
        }
    }

    private sealed class OptionsProvider : AnalyzerConfigOptionsProvider
    {
        private static readonly DictionaryOptions Empty = new(new Dictionary<string, string>());

        public OptionsProvider(Dictionary<string, string> global) => GlobalOptions = new DictionaryOptions(global);

        public override AnalyzerConfigOptions GlobalOptions { get; }

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Empty;
    }

    private sealed class DictionaryOptions : AnalyzerConfigOptions
    {
        private readonly Dictionary<string, string> _values;

        public DictionaryOptions(Dictionary<string, string> values) => _values = values;

        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => _values.TryGetValue(key, out value);
    }
}
