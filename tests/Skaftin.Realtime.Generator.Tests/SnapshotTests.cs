using System.Threading.Tasks;
using Xunit;

namespace Skaftin.Realtime.Generator.Tests;

/// <summary>Generated output for the shapes users write, compared with the checked-in baselines and compiled.</summary>
public sealed class SnapshotTests
{
    [Fact]
    public Task PositionalRecord() => GeneratorHarness.VerifyAsync(SnapshotSources.PositionalRecord);

    [Fact]
    public Task ClassWithInitProperties() => GeneratorHarness.VerifyAsync(SnapshotSources.ClassWithInitProperties);

    [Fact]
    public Task EverySupportedType() => GeneratorHarness.VerifyAsync(SnapshotSources.EverySupportedType);

    [Fact]
    public Task NullablesAndDefaults() => GeneratorHarness.VerifyAsync(SnapshotSources.NullablesAndDefaults);

    [Fact]
    public Task ColumnRenames() => GeneratorHarness.VerifyAsync(SnapshotSources.ColumnRenames);

    [Fact]
    public Task TwoTablesInOneAssembly() => GeneratorHarness.VerifyAsync(SnapshotSources.TwoTablesInOneAssembly);

    [Fact]
    public Task NullableKeys() => GeneratorHarness.VerifyAsync(SnapshotSources.NullableKeys);

    [Fact]
    public Task GlobalNamespaceAndNestedModel() => GeneratorHarness.VerifyAsync(SnapshotSources.GlobalNamespaceAndNestedModel);

    [Fact]
    public Task ObsoleteAndExperimentalDeclarations() => GeneratorHarness.VerifyAsync(SnapshotSources.ObsoleteAndExperimentalDeclarations);

    [Fact]
    public Task CaseOnlyNamesInAKeywordNamespace() => GeneratorHarness.VerifyAsync(SnapshotSources.CaseOnlyNamesInAKeywordNamespace);

    [Fact]
    public Task NamesEscapedForTheirContext() => GeneratorHarness.VerifyAsync(SnapshotSources.NamesEscapedForTheirContext);
}
