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

    // Issue 21: [JsonIgnore] with Never, WhenWritingNull or WhenWritingDefault is still a column.
    [Fact]
    public Task JsonIgnoreConditions() => GeneratorHarness.VerifyAsync(SnapshotSources.JsonIgnoreConditions);

    // Issue 21: exact wire names first (swapped aliases, members differing only in case), then the lenient spellings.
    [Fact]
    public Task EnumWireNames() => GeneratorHarness.VerifyAsync(SnapshotSources.EnumWireNames);

    // Issue 21: [SkaftinColumn] names the column whatever the order of the attributes.
    [Fact]
    public Task SkaftinColumnAndJsonPropertyName() => GeneratorHarness.VerifyAsync(SnapshotSources.SkaftinColumnAndJsonPropertyName);

    [Fact]
    public Task GlobalNamespaceAndNestedModel() => GeneratorHarness.VerifyAsync(SnapshotSources.GlobalNamespaceAndNestedModel);

    [Fact]
    public Task ObsoleteAndExperimentalDeclarations() => GeneratorHarness.VerifyAsync(SnapshotSources.ObsoleteAndExperimentalDeclarations);

    [Fact]
    public Task CaseOnlyNamesInAKeywordNamespace() => GeneratorHarness.VerifyAsync(SnapshotSources.CaseOnlyNamesInAKeywordNamespace);

    [Fact]
    public Task NamesEscapedForTheirContext() => GeneratorHarness.VerifyAsync(SnapshotSources.NamesEscapedForTheirContext);
}
