// Writes Scale/Tables.cs: 1,000 small [SkaftinTable] row types and an accessor for each, for the routing benchmarks.
// Run from the repository root:  dotnet run benchmarks/Skaftin.Realtime.Benchmarks/tools/GenerateTables.cs
// (a .NET 10 file-based app; the benchmark project excludes tools/ from its own compilation).
using System;
using System.IO;
using System.Text;

const int Count = 1000;
var target = Path.Combine(AppContext.GetData("EntryPointFileDirectoryPath") as string ?? Directory.GetCurrentDirectory(), "..", "Scale", "Tables.cs");

var text = new StringBuilder();
text.AppendLine("// Written by tools/GenerateTables.cs; do not edit by hand.");
text.AppendLine("// 1,000 [SkaftinTable] row types (tables t0000 … t0999) for the routing benchmarks, and their generated accessors.");
text.AppendLine("using System;");
text.AppendLine("using Skaftin.Realtime;");
text.AppendLine();
text.AppendLine("namespace Skaftin.Realtime.Benchmarks.Scale;");
text.AppendLine();
for (var i = 0; i < Count; i++)
{
    text.AppendLine($"[SkaftinTable(\"t{i:D4}\")] public sealed record Row{i:D4}(int Id, string Name, int Value);");
}

text.AppendLine();
text.AppendLine("public static class ScaleTables");
text.AppendLine("{");
text.AppendLine($"    public const int Count = {Count};");
text.AppendLine();
text.AppendLine("    /// <summary>Each table's generated accessor (<c>router.T0042()</c>), in table order.</summary>");
text.AppendLine("    public static readonly Func<ISkaftinRealtimeSource, RealtimeTableBase>[] Accessors =");
text.AppendLine("    {");
for (var i = 0; i < Count; i++)
{
    text.AppendLine($"        static s => s.T{i:D4}(),");
}

text.AppendLine("    };");
text.AppendLine("}");

File.WriteAllText(Path.GetFullPath(target), text.ToString().Replace("\r\n", "\n"));
Console.WriteLine($"Wrote {Path.GetFullPath(target)} ({text.Length:N0} characters).");
