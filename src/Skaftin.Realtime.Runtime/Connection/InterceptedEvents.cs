using System;
using System.Collections.Generic;

namespace Skaftin.Realtime;

/// <summary>
/// The server event names a connection delivers, given to the transport by the client (the one list of them):
/// the transport knows no event of its own, and reports any other event as a dropped frame.
/// </summary>
internal sealed class InterceptedEvents
{
    private readonly Dictionary<string, string> _names;
    private readonly (byte[] Utf8, string Name)[] _utf8Names;

    public InterceptedEvents(params string[] names)
    {
        _names = new Dictionary<string, string>(names.Length, StringComparer.Ordinal);
        _utf8Names = new (byte[], string)[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            _names[names[i]] = names[i];
            _utf8Names[i] = (System.Text.Encoding.UTF8.GetBytes(names[i]), names[i]);
        }
    }

    /// <summary>The names.</summary>
    public IReadOnlyCollection<string> Names => _names.Keys;

    /// <summary>The listed name equal to <paramref name="name"/> (the list's own string), or null when it is not listed.</summary>
    public string? Find(string name) => _names.TryGetValue(name, out var known) ? known : null;

    /// <summary>The listed name whose UTF-8 text is <paramref name="utf8Name"/>, or null: no string is made to look it up.</summary>
    public string? Find(ReadOnlySpan<byte> utf8Name)
    {
        foreach (var (utf8, name) in _utf8Names)
        {
            if (utf8Name.SequenceEqual(utf8))
            {
                return name;
            }
        }

        return null;
    }
}
