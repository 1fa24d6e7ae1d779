using System;
using System.Buffers;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit;

namespace Skaftin.Realtime.Runtime.Tests;

/// <summary>
/// The generated column matcher tries the expected next column first, then the columns of the same byte length, and
/// unescapes names only when it must. Whatever order, escaping or buffer layout the columns come in, the row is the same.
/// </summary>
public sealed class ColumnMatchingTests
{
    private static readonly byte[] Canonical = Fixtures.Utf8("rows/all-types-canonical.json");
    private static readonly string Expected = Describe(AllTypesRowReader.Instance.Read(Canonical));

    [Fact]
    public void ColumnsInReverseOrderGiveTheSameRow()
    {
        var properties = Properties().ToList();
        properties.Reverse();

        Assert.Equal(Expected, Describe(AllTypesRowReader.Instance.Read(Object(properties))));
    }

    [Fact]
    public void ColumnsInAnyOrderWithUnknownColumnsBetweenThemGiveTheSameRow()
    {
        // Unknown names of the same length as real ones, prefixes and extensions of real ones: none may match.
        var decoys = Properties().SelectMany(static p => new[]
        {
            new KeyValuePair<string, string>(new string('x', p.Key.Length), "1"),
            new KeyValuePair<string, string>(p.Key.Substring(0, p.Key.Length - 1), "\"decoy\""),
            new KeyValuePair<string, string>(p.Key + "_", "{\"id\":1}"),
            new KeyValuePair<string, string>(char.ToUpperInvariant(p.Key[0]) + p.Key.Substring(1), "null"),
        }).ToList();

        for (var seed = 0; seed < 200; seed++)
        {
            var random = new Random(seed);
            var properties = Properties().Concat(decoys.Where(_ => random.Next(3) == 0)).OrderBy(_ => random.Next()).ToList();

            Assert.Equal(Expected, Describe(AllTypesRowReader.Instance.Read(Object(properties))));
        }
    }

    [Fact]
    public void EscapedColumnNamesGiveTheSameRow()
    {
        var escaped = Properties().Select(static p => new KeyValuePair<string, string>(
            string.Concat(p.Key.Select(static c => $"\\u{(int)c:x4}")), p.Value));

        var json = Object(escaped.Select(static p => p).ToList(), escapeKeys: false);

        Assert.Contains("\\u0069\\u0064", Encoding.UTF8.GetString(json)); // "id", written escaped
        Assert.Equal(Expected, Describe(AllTypesRowReader.Instance.Read(json)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(17)]
    public void ColumnNamesSplitAcrossBufferSegmentsGiveTheSameRow(int segmentSize)
    {
        var sequence = Segments(Canonical, segmentSize);
        var reader = new Utf8JsonReader(sequence, SkaftinRowReader<AllTypes, Guid>.ReaderOptions);

        Assert.Equal(Expected, Describe(AllTypesRowReader.Instance.Read(ref reader)));
    }

    [Fact]
    public void ARowWithOnlyUnknownColumnsNamesTheMissingColumn()
    {
        var error = Assert.Throws<SkaftinDecodeException>(() => AllTypesRowReader.Instance.Read("{\"ID\":1,\"idx\":2,\"i\":3}"));

        Assert.Equal(DecodeErrorKind.MissingColumn, error.Kind);
        Assert.Equal("id", error.ColumnName);
    }

    private static IEnumerable<KeyValuePair<string, string>> Properties()
    {
        using var document = JsonDocument.Parse(Canonical);
        return document.RootElement.EnumerateObject()
            .Select(static p => new KeyValuePair<string, string>(p.Name, p.Value.GetRawText()))
            .ToList();
    }

    private static byte[] Object(IReadOnlyList<KeyValuePair<string, string>> properties, bool escapeKeys = true)
    {
        var text = "{" + string.Join(",", properties.Select(p =>
            (escapeKeys ? JsonSerializer.Serialize(p.Key) : "\"" + p.Key + "\"") + ":" + p.Value)) + "}";
        return Encoding.UTF8.GetBytes(text);
    }

    // Every member, written out by reflection (test-only), so two rows compare member by member, arrays included.
    private static string Describe(AllTypes row) => JsonSerializer.Serialize(row);

    private static ReadOnlySequence<byte> Segments(byte[] bytes, int size)
    {
        Segment? first = null;
        Segment? last = null;
        for (var offset = 0; offset < bytes.Length; offset += size)
        {
            var memory = bytes.AsMemory(offset, Math.Min(size, bytes.Length - offset));
            var segment = new Segment(memory, offset);
            if (last is null)
            {
                first = segment;
            }
            else
            {
                last.Next = segment;
            }

            last = segment;
        }

        return new ReadOnlySequence<byte>(first!, 0, last!, last!.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public new Segment? Next
        {
            set => base.Next = value;
        }
    }
}
