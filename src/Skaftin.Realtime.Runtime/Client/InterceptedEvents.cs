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

    public InterceptedEvents(params string[] names)
    {
        _names = new Dictionary<string, string>(names.Length, StringComparer.Ordinal);
        foreach (var name in names)
        {
            _names[name] = name;
        }
    }

    /// <summary>The names.</summary>
    public IReadOnlyCollection<string> Names => _names.Keys;

    /// <summary>The listed name equal to <paramref name="name"/> (the list's own string), or null when it is not listed.</summary>
    public string? Find(string name) => _names.TryGetValue(name, out var known) ? known : null;
}
