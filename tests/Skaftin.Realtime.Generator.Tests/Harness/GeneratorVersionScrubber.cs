using System.Text.RegularExpressions;

namespace Skaftin.Realtime.Generator.Tests;

/// <summary>
/// Baselines hold a placeholder instead of the generator's version in <c>[GeneratedCode]</c>, so a version bump
/// does not rewrite every baseline. The placeholder is swapped for the version the generator really wrote
/// before the exact comparison, so the comparison still sees every other character.
/// </summary>
internal static class GeneratorVersionScrubber
{
    public const string Placeholder = "{GENERATOR_VERSION}";

    private static readonly Regex Attribute = new(
        "(GeneratedCode\\(\"Skaftin\\.Realtime\\.Generator\", \")([^\"]*)(\"\\))",
        RegexOptions.CultureInvariant);

    /// <summary>The text with every generator version replaced by <see cref="Placeholder"/>.</summary>
    public static string Scrub(string generated) => Attribute.Replace(generated, "${1}" + Placeholder + "${3}");

    /// <summary>The version the generator wrote into <paramref name="generated"/>, or null when it wrote none.</summary>
    public static string? VersionIn(string generated)
    {
        var match = Attribute.Match(generated);
        return match.Success ? match.Groups[2].Value : null;
    }

    /// <summary>A scrubbed baseline with <paramref name="version"/> put back in place of the placeholder.</summary>
    public static string Restore(string baseline, string version) => baseline.Replace(Placeholder, version);
}
