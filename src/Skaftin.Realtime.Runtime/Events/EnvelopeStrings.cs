using System;
using System.Threading;

namespace Skaftin.Realtime;

/// <summary>
/// The strings of an event envelope (type, project id, table name) repeat from event to event: a small fixed-size
/// table hands back the string made last time for the same UTF-8 bytes instead of a new one per event. Bounded
/// whatever a server sends (a miss replaces the slot), lock-free (a slot holds one immutable entry).
/// </summary>
internal static class EnvelopeStrings
{
    private const int Slots = 256; // a power of two
    private const int MaxLength = 128;
    private static readonly Entry?[] Table = new Entry?[Slots];

    /// <summary>The string for <paramref name="utf8"/> (unescaped UTF-8).</summary>
    public static string Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > MaxLength)
        {
            return Utf8Text.Decode(utf8);
        }

        // FNV-1a over the bytes picks the slot.
        var hash = 2166136261u;
        foreach (var b in utf8)
        {
            hash = (hash ^ b) * 16777619u;
        }

        ref var slot = ref Table[hash & (Slots - 1)];
        var entry = Volatile.Read(ref slot);
        if (entry is not null && utf8.SequenceEqual(entry.Utf8))
        {
            return entry.Text;
        }

        var text = Utf8Text.Decode(utf8);
        Volatile.Write(ref slot, new Entry(utf8.ToArray(), text));
        return text;
    }

    private sealed class Entry(byte[] utf8, string text)
    {
        public byte[] Utf8 { get; } = utf8;

        public string Text { get; } = text;
    }
}
