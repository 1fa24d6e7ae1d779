using System;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Xunit;

namespace Skaftin.Realtime.Runtime.Tests;

/// <summary>The envelope's repeated strings are reused, and the cache never returns a wrong string.</summary>
public sealed class EnvelopeStringsTests
{
    private static string Event(string table) =>
        $$"""{"type":"insert","projectId":"p1","tableName":"{{table}}","data":{"id":1},"timestamp":"2026-11-26T08:30:00Z"}""";

    [Fact]
    public void TwoEventsOfOneTableShareTheirEnvelopeStrings()
    {
        var first = DatabaseChange.Parse(Encoding.UTF8.GetBytes(Event("vehicles")));
        var second = DatabaseChange.Parse(Encoding.UTF8.GetBytes(Event("vehicles")));

        Assert.Same(first.TableName, second.TableName);
        Assert.Same(first.ProjectId, second.ProjectId);
        Assert.Same(first.TypeName, second.TypeName);
        Assert.Equal(("insert", "p1", "vehicles"), (second.TypeName, second.ProjectId, second.TableName));
    }

    [Fact]
    public void EscapedAndNonAsciiNamesReadCorrectly()
    {
        var escaped = DatabaseChange.Parse(Encoding.UTF8.GetBytes(Event("v\\u00e9hicules")));
        var plain = DatabaseChange.Parse(Encoding.UTF8.GetBytes(Event("véhicules")));

        Assert.Equal("véhicules", escaped.TableName);
        Assert.Equal("véhicules", plain.TableName);
    }

    [Fact]
    public void ManyDifferentStringsFromManyThreadsAlwaysComeBackAsThemselves()
    {
        // Far more distinct names than slots, so slots are replaced while other threads read them.
        var names = Enumerable.Range(0, 5_000).Select(static i => "table_" + i + new string('x', i % 150)).ToArray();

        Parallel.For(0, 8, worker =>
        {
            var random = new Random(worker);
            for (var i = 0; i < 50_000; i++)
            {
                var name = names[random.Next(names.Length)];
                Assert.Equal(name, EnvelopeStrings.Get(Encoding.UTF8.GetBytes(name)));
            }
        });
    }
}
