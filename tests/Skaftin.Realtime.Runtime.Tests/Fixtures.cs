using System;
using System.IO;
using System.Text;

namespace Skaftin.Realtime.Runtime.Tests;

/// <summary>Payload fixtures kept under the repository's schemas/fixtures folder (copied beside the tests).</summary>
internal static class Fixtures
{
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "schemas");

    public static string Text(string relativePath) => File.ReadAllText(Path.Combine(Directory, "fixtures", relativePath)).Trim();

    public static byte[] Utf8(string relativePath) => Encoding.UTF8.GetBytes(Text(relativePath));
}
