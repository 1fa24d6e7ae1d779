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

    /// <summary>A <c>database-change</c> insert into <c>vehicles</c> of project <c>p1</c>, with the given registration.</summary>
    public static string VehicleInsert(string registration) =>
        $$"""{"type":"insert","projectId":"p1","tableName":"vehicles","data":{"id":1,"registration_number":"{{registration}}","status":"available","created_at":"2026-11-26T08:30:00Z"},"timestamp":"2026-11-26T08:30:00Z"}""";
}
