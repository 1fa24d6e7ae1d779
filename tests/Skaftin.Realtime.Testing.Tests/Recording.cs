using System.Collections.Generic;

namespace Skaftin.Realtime.Testing.Tests;

/// <summary>What handlers saw, in the order they saw it (handlers run on the client's dispatch thread).</summary>
internal sealed class Recording
{
    private readonly List<string> _lines = new();

    public void Add(string line)
    {
        lock (_lines)
        {
            _lines.Add(line);
        }
    }

    public string[] Lines
    {
        get
        {
            lock (_lines)
            {
                return [.. _lines];
            }
        }
    }
}
