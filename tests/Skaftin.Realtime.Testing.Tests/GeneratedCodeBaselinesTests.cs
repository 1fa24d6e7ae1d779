using System;
using System.IO;
using System.Linq;
using System.Reflection;
using Skaftin.Realtime.Testing.Tests.Fleet;
using Xunit;

namespace Skaftin.Realtime.Testing.Tests;

/// <summary>
/// <see cref="GeneratedCodeBaselines"/> on this assembly's own models (Truck, LogLine, ...), with baselines in a
/// folder of each test's own. The only tests that set <see cref="GeneratedCodeBaselines.UpdateVariable"/>, and the
/// tests of one class run one after another, so no other test sees it set.
/// </summary>
public sealed class GeneratedCodeBaselinesTests : IDisposable
{
    private const string TruckFile = "Skaftin.Realtime.Testing.Tests.Fleet.Truck.Realtime.g.cs";
    private static readonly Assembly Models = typeof(Truck).Assembly;
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "skaftin-baselines-" + Guid.NewGuid().ToString("N")[..8]);

    private string TruckBaseline => Path.Combine(_directory, TruckFile + GeneratedCodeBaselines.BaselineExtension);

    public void Dispose()
    {
        Environment.SetEnvironmentVariable(GeneratedCodeBaselines.UpdateVariable, null);
        try
        {
            if (Directory.Exists(_directory))
            {
                Directory.Delete(_directory, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Windows keeps an assembly loaded from the folder locked; the folder is in the temp area anyway.
        }
    }

    [Fact]
    public void The_generated_files_are_read_from_the_pdb_with_their_hint_names_and_text()
    {
        var generated = GeneratedSourceReader.Read(Models, "/Skaftin.Realtime.Generator/Skaftin.Realtime.Generator.SkaftinRealtimeGenerator/");

        var truck = Assert.Single(generated, static g => g.HintName == TruckFile);
        Assert.Contains("public sealed class TruckRowReader", truck.Text, StringComparison.Ordinal);
        Assert.Contains("public const string Table = \"trucks\";", truck.Text, StringComparison.Ordinal);
        Assert.Contains(generated, static g => g.HintName.EndsWith("LogLine.Realtime.g.cs", StringComparison.Ordinal));
        Assert.DoesNotContain('\uFEFF', truck.Text);
    }

    [Fact]
    public void It_passes_when_every_generated_file_matches_its_baseline()
    {
        GeneratedCodeBaselines.VerifyIn(Models, _directory, update: true);

        var baseline = File.ReadAllText(TruckBaseline);
        Assert.Contains("public const string Table = \"trucks\";", baseline, StringComparison.Ordinal);
        GeneratedCodeBaselines.VerifyIn(Models, _directory, update: false);

        // A checkout with Windows line endings still matches.
        File.WriteAllText(TruckBaseline, baseline.Replace("\n", "\r\n", StringComparison.Ordinal));
        GeneratedCodeBaselines.VerifyIn(Models, _directory, update: false);
    }

    [Fact]
    public void The_generator_version_is_scrubbed_so_a_package_update_alone_changes_no_baseline()
    {
        var generated = GeneratedSourceReader.Read(Models, "/Skaftin.Realtime.Generator/Skaftin.Realtime.Generator.SkaftinRealtimeGenerator/")
            .Single(static g => g.HintName == TruckFile).Text;
        // The generator carries the package's version without the source revision the runtime's adds after a '+'.
        var version = typeof(SkaftinTableAttribute).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion.Split('+')[0];
        Assert.Contains($"[global::System.CodeDom.Compiler.GeneratedCode(\"Skaftin.Realtime.Generator\", \"{version}\")]", generated, StringComparison.Ordinal);

        GeneratedCodeBaselines.VerifyIn(Models, _directory, update: true);
        var baseline = File.ReadAllText(TruckBaseline);
        Assert.Contains("GeneratedCode(\"Skaftin.Realtime.Generator\", \"{GENERATOR_VERSION}\")", baseline, StringComparison.Ordinal);
        Assert.DoesNotContain($"\"{version}\"", baseline, StringComparison.Ordinal);

        // The same code from another version of the generator scrubs to the same baseline.
        var otherVersion = generated.Replace($"\"{version}\"", "\"9.8.7-local.1765000000\"", StringComparison.Ordinal);
        Assert.NotEqual(generated, otherVersion);
        Assert.Equal(GeneratedCodeBaselines.Scrub(generated), GeneratedCodeBaselines.Scrub(otherVersion));
    }

    [Fact]
    public void A_drift_fails_naming_the_file_and_its_first_differing_line_and_leaves_the_baseline_alone()
    {
        GeneratedCodeBaselines.VerifyIn(Models, _directory, update: true);
        var lines = File.ReadAllLines(TruckBaseline);
        var index = Array.FindIndex(lines, static l => l.Contains("public const string Table = \"trucks\";", StringComparison.Ordinal));
        Assert.True(index > 0);
        lines[index] = lines[index].Replace("trucks", "lorries", StringComparison.Ordinal);
        File.WriteAllLines(TruckBaseline, lines);
        var drifted = File.ReadAllText(TruckBaseline);

        var failure = Assert.Throws<GeneratedCodeBaselineException>(() => GeneratedCodeBaselines.VerifyIn(Models, _directory, update: false));

        Assert.Contains($"{TruckFile} differs from its baseline {TruckBaseline} first at line {index + 1}:", failure.Message, StringComparison.Ordinal);
        Assert.Contains("baseline:      public const string Table = \"lorries\";", failure.Message, StringComparison.Ordinal);
        Assert.Contains("generated:     public const string Table = \"trucks\";", failure.Message, StringComparison.Ordinal);
        Assert.Contains("SKAFTIN_UPDATE_BASELINES=1", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("LogLine", failure.Message, StringComparison.Ordinal);
        Assert.Equal(drifted, File.ReadAllText(TruckBaseline));
    }

    [Fact]
    public void A_missing_baseline_fails_with_instructions_and_writes_nothing()
    {
        var failure = Assert.Throws<GeneratedCodeBaselineException>(() => GeneratedCodeBaselines.VerifyIn(Models, _directory, update: false));

        Assert.Contains($"{TruckFile} has no baseline: {TruckBaseline} does not exist.", failure.Message, StringComparison.Ordinal);
        Assert.Contains("run the test once with SKAFTIN_UPDATE_BASELINES=1, which rewrites the baselines; then review the diff and commit it.", failure.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_directory));
    }

    [Fact]
    public void A_baseline_of_a_file_no_longer_generated_fails()
    {
        GeneratedCodeBaselines.VerifyIn(Models, _directory, update: true);
        var stale = Path.Combine(_directory, "Skaftin.Realtime.Testing.Tests.Fleet.Removed.Realtime.g.cs.txt");
        File.WriteAllText(stale, "// a table that was removed\n");

        var failure = Assert.Throws<GeneratedCodeBaselineException>(() => GeneratedCodeBaselines.VerifyIn(Models, _directory, update: false));

        Assert.Contains($"{stale} is the baseline of a file the generator no longer writes", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_environment_variable_rewrites_drifted_missing_and_stale_baselines()
    {
        GeneratedCodeBaselines.VerifyIn(Models, _directory, update: true);
        var expected = File.ReadAllText(TruckBaseline);
        File.WriteAllText(TruckBaseline, expected.Replace("trucks", "lorries", StringComparison.Ordinal));
        var logLine = Directory.GetFiles(_directory, "*LogLine.Realtime.g.cs.txt").Single();
        File.Delete(logLine);
        var stale = Path.Combine(_directory, "Skaftin.Realtime.Testing.Tests.Fleet.Removed.Realtime.g.cs.txt");
        File.WriteAllText(stale, "// a table that was removed\n");
        Assert.Throws<GeneratedCodeBaselineException>(() => GeneratedCodeBaselines.Verify(Models, _directory));

        Environment.SetEnvironmentVariable(GeneratedCodeBaselines.UpdateVariable, "1");
        GeneratedCodeBaselines.Verify(Models, _directory);
        Environment.SetEnvironmentVariable(GeneratedCodeBaselines.UpdateVariable, null);

        Assert.Equal(expected, File.ReadAllText(TruckBaseline));
        Assert.True(File.Exists(logLine));
        Assert.False(File.Exists(stale));
        GeneratedCodeBaselines.Verify(Models, _directory);
    }

    [Fact]
    public void Only_the_value_1_rewrites()
    {
        Environment.SetEnvironmentVariable(GeneratedCodeBaselines.UpdateVariable, "true");

        Assert.Throws<GeneratedCodeBaselineException>(() => GeneratedCodeBaselines.Verify(Models, _directory));
        Assert.False(Directory.Exists(_directory));
    }

    [Fact]
    public void The_default_folder_is_Baselines_and_the_assembly_name_beside_the_calling_file()
    {
        var caller = Path.Combine(_directory, "VehicleTests.cs");
        Directory.CreateDirectory(_directory);
        Environment.SetEnvironmentVariable(GeneratedCodeBaselines.UpdateVariable, "1");

        GeneratedCodeBaselines.Verify(Models, callerFilePath: caller);

        Assert.True(File.Exists(Path.Combine(_directory, "Baselines", "Skaftin.Realtime.Testing.Tests", TruckFile + ".txt")));
    }

    [Fact]
    public void A_calling_file_that_does_not_exist_here_asks_for_the_folder()
    {
        var failure = Assert.Throws<GeneratedCodeBaselineException>(() => GeneratedCodeBaselines.Verify(Models, callerFilePath: "/_/tests/App.Tests/VehicleTests.cs"));

        Assert.Contains("Pass baselineDirectory explicitly", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void An_assembly_without_its_own_pdb_fails_saying_what_to_build_with(bool stalePdb)
    {
        // A copy of this assembly in a folder of its own: without a PDB, or with the PDB of another build beside it.
        Directory.CreateDirectory(_directory);
        var copy = Path.Combine(_directory, Path.GetFileName(Models.Location));
        File.Copy(Models.Location, copy);
        if (stalePdb)
        {
            File.Copy(Path.ChangeExtension(typeof(GeneratedCodeBaselines).Assembly.Location, ".pdb"), Path.ChangeExtension(copy, ".pdb"));
        }

        var loaded = Assembly.LoadFile(copy);
        var failure = Assert.Throws<GeneratedCodeBaselineException>(() => GeneratedCodeBaselines.VerifyIn(loaded, Path.Combine(_directory, "Baselines"), update: true));

        Assert.Contains("has no portable PDB of its own beside it", failure.Message, StringComparison.Ordinal);
        Assert.Contains("<DebugType>portable</DebugType>", failure.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_directory, "Baselines")));
    }

    [Fact]
    public void An_assembly_without_generated_files_fails()
    {
        var failure = Assert.Throws<GeneratedCodeBaselineException>(() => GeneratedCodeBaselines.VerifyIn(typeof(SkaftinTableAttribute).Assembly, _directory, update: false));

        Assert.Contains("Skaftin.Realtime holds no file written by the Skaftin generator", failure.Message, StringComparison.Ordinal);
    }
}
