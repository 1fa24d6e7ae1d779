using System.Threading.Tasks;
using Xunit;

namespace Skaftin.Realtime.Generator.Tests;

/// <summary>Generated output for <c>[SkaftinProjectEvent]</c> types, compared with the checked-in baselines and compiled.</summary>
public sealed class ProjectEventSnapshotTests
{
    [Fact]
    public Task ProjectEventRecord() => GeneratorHarness.VerifyAsync(ProjectEventSnapshotSources.ProjectEventRecord);

    [Fact]
    public Task ProjectEventNextToATableOfTheSameName() => GeneratorHarness.VerifyAsync(ProjectEventSnapshotSources.ProjectEventNextToATableOfTheSameName);
}
