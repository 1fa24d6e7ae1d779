using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;

namespace Skaftin.Realtime.Testing;

/// <summary>
/// Snapshot tests of what the Skaftin generator wrote for an app's own models: the generated files of an assembly
/// are compared with baseline files committed beside the test, so a model change or a Skaftin.Realtime update that
/// changes the generated readers shows up as a failing test and a reviewed diff, never silently.
/// </summary>
/// <remarks>
/// <para>
/// The generated files are read from the assembly's portable PDB, where the compiler embeds every generated source
/// (beside the dll, as <c>dotnet build</c> copies it to the test's output, or embedded with
/// <c>&lt;DebugType&gt;embedded&lt;/DebugType&gt;</c>). They are therefore exactly what the app's build compiled, with
/// the app's own language version, nullable context and references, and nothing has to run the generator again.
/// </para>
/// <para>
/// Each generated file <c>{HintName}</c> (for example <c>Fleet.Vehicle.Realtime.g.cs</c>) has a baseline
/// <c>{HintName}.txt</c> (not <c>.cs</c>, so the test project does not compile it) in
/// <c>Baselines/{AssemblyName}/</c> beside the calling test's source file. The generator's version in
/// <c>[GeneratedCode]</c> is written as <see cref="VersionPlaceholder"/>, so a package update rewrites no baseline
/// unless the code changed; line endings are compared as <c>\n</c>.
/// </para>
/// <para>
/// With the environment variable <see cref="UpdateVariable"/> set to <c>1</c>, <see cref="Verify"/> rewrites the
/// baselines instead of comparing (and deletes those of files no longer generated); review the diff and commit it.
/// </para>
/// </remarks>
public static class GeneratedCodeBaselines
{
    /// <summary>The environment variable that, set to <c>1</c>, rewrites the baselines instead of comparing.</summary>
    public const string UpdateVariable = "SKAFTIN_UPDATE_BASELINES";

    /// <summary>What the baselines hold in place of the generator's version.</summary>
    public const string VersionPlaceholder = "{GENERATOR_VERSION}";

    /// <summary>The extension added to a generated file's hint name to name its baseline.</summary>
    public const string BaselineExtension = ".txt";

    // The compiler names a generated document {base}/{generator assembly}/{generator type}/{hint name}.
    private const string GeneratorFolder = "/Skaftin.Realtime.Generator/Skaftin.Realtime.Generator.SkaftinRealtimeGenerator/";

    private static readonly System.Text.RegularExpressions.Regex VersionAttribute = new(
        "(GeneratedCode\\(\"Skaftin\\.Realtime\\.Generator\", \")([^\"]*)(\"\\))",
        System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    /// <summary>
    /// Compares every file the Skaftin generator wrote into <paramref name="assembly"/> with its baseline, or rewrites
    /// the baselines when <see cref="UpdateVariable"/> is <c>1</c>.
    /// </summary>
    /// <param name="assembly">The app's assembly that declares the models, for example <c>typeof(Vehicle).Assembly</c>.</param>
    /// <param name="baselineDirectory">
    /// The folder of the baselines; null for <c>Baselines/{AssemblyName}</c> beside the calling source file.
    /// </param>
    /// <param name="callerFilePath">Filled in by the compiler: the calling test's source file.</param>
    /// <exception cref="GeneratedCodeBaselineException">
    /// A generated file differs from its baseline (the message names the file and its first differing line), has no
    /// baseline, or a baseline has no generated file any more; or the assembly holds no Skaftin generated file.
    /// </exception>
    public static void Verify(Assembly assembly, string? baselineDirectory = null, [CallerFilePath] string callerFilePath = "")
    {
        ArgumentNullException.ThrowIfNull(assembly);
        VerifyIn(assembly, ResolveDirectory(assembly, baselineDirectory, callerFilePath), Environment.GetEnvironmentVariable(UpdateVariable) == "1");
    }

    /// <summary>The comparison (or rewrite, when <paramref name="update"/>) against the baselines in <paramref name="directory"/>.</summary>
    internal static void VerifyIn(Assembly assembly, string directory, bool update)
    {
        var generated = GeneratedSourceReader.Read(assembly, GeneratorFolder);
        var name = assembly.GetName().Name;
        if (generated.Count == 0)
        {
            throw new GeneratedCodeBaselineException(
                $"{name} holds no file written by the Skaftin generator. Does it reference Skaftin.Realtime (the generator comes with it) and declare a [SkaftinTable] or [SkaftinProjectEvent] type?");
        }

        var expected = generated.ToDictionary(
            static g => g.HintName + BaselineExtension,
            static g => Normalize(Scrub(g.Text)),
            StringComparer.Ordinal);

        if (update)
        {
            Rewrite(directory, expected);
            return;
        }

        var problems = new List<string>();
        foreach (var (file, text) in expected.OrderBy(static e => e.Key, StringComparer.Ordinal))
        {
            var path = Path.Combine(directory, file);
            if (!File.Exists(path))
            {
                problems.Add($"{Path.GetFileNameWithoutExtension(file)} has no baseline: {path} does not exist.");
                continue;
            }

            var baseline = Normalize(File.ReadAllText(path));
            if (!string.Equals(baseline, text, StringComparison.Ordinal))
            {
                problems.Add(Describe(Path.GetFileNameWithoutExtension(file), path, baseline, text));
            }
        }

        if (Directory.Exists(directory))
        {
            foreach (var path in Directory.GetFiles(directory, "*" + BaselineExtension).OrderBy(static p => p, StringComparer.Ordinal))
            {
                if (!expected.ContainsKey(Path.GetFileName(path)))
                {
                    problems.Add($"{path} is the baseline of a file the generator no longer writes (a model removed or renamed?).");
                }
            }
        }

        if (problems.Count > 0)
        {
            var message = new StringBuilder()
                .Append("The Skaftin generator's output for ").Append(name).Append(" does not match its baselines in ").Append(directory).AppendLine(":");
            foreach (var problem in problems)
            {
                message.Append("- ").AppendLine(problem);
            }

            message.Append("To accept the generated code as it is now (a first run, a model changed, or Skaftin.Realtime was updated), run the test once with ")
                .Append(UpdateVariable).Append("=1, which rewrites the baselines; then review the diff and commit it.");
            throw new GeneratedCodeBaselineException(message.ToString());
        }
    }

    /// <summary>The text with the generator's version replaced by <see cref="VersionPlaceholder"/>.</summary>
    internal static string Scrub(string generated) => VersionAttribute.Replace(generated, "${1}" + VersionPlaceholder + "${3}");

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');

    private static string ResolveDirectory(Assembly assembly, string? baselineDirectory, string callerFilePath)
    {
        if (baselineDirectory is not null)
        {
            return Path.GetFullPath(baselineDirectory);
        }

        var callerDirectory = string.IsNullOrEmpty(callerFilePath) ? null : Path.GetDirectoryName(callerFilePath);
        if (callerDirectory is null || !Directory.Exists(callerDirectory))
        {
            // A build with path mapping (ContinuousIntegrationBuild, -pathmap) records a path that does not exist here.
            throw new GeneratedCodeBaselineException(
                $"The calling test's folder ('{callerFilePath}') does not exist on this machine (a build with path mapping, such as ContinuousIntegrationBuild, rewrites it), so the baselines cannot be found beside it. Pass baselineDirectory explicitly.");
        }

        return Path.Combine(callerDirectory, "Baselines", assembly.GetName().Name ?? "Assembly");
    }

    private static void Rewrite(string directory, Dictionary<string, string> expected)
    {
        Directory.CreateDirectory(directory);
        foreach (var path in Directory.GetFiles(directory, "*" + BaselineExtension))
        {
            if (!expected.ContainsKey(Path.GetFileName(path)))
            {
                File.Delete(path);
            }
        }

        foreach (var (file, text) in expected)
        {
            File.WriteAllText(Path.Combine(directory, file), text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        }
    }

    private static string Describe(string hintName, string path, string baseline, string generated)
    {
        var baselineLines = baseline.Split('\n');
        var generatedLines = generated.Split('\n');
        var line = 0;
        while (line < baselineLines.Length && line < generatedLines.Length && string.Equals(baselineLines[line], generatedLines[line], StringComparison.Ordinal))
        {
            line++;
        }

        return $"{hintName} differs from its baseline {path} first at line {line + 1}:{Environment.NewLine}" +
            $"    baseline:  {Show(baselineLines, line)}{Environment.NewLine}" +
            $"    generated: {Show(generatedLines, line)}";
    }

    private static string Show(string[] lines, int index) => index >= lines.Length ? "(end of file)" : lines[index].Length == 0 ? "(empty line)" : lines[index];
}
