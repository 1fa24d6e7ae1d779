using System;
using System.Collections.Generic;

namespace Skaftin.Realtime.DevServer.Internal;

/// <summary>The last few lines of a process's output, for error messages. Thread-safe.</summary>
internal sealed class LineTail
{
    private readonly Queue<string> _lines = new();
    private readonly int _capacity;

    public LineTail(int capacity)
    {
        _capacity = capacity;
    }

    public void Add(string line)
    {
        lock (_lines)
        {
            _lines.Enqueue(line);
            while (_lines.Count > _capacity)
            {
                _lines.Dequeue();
            }
        }
    }

    public bool Contains(string text)
    {
        lock (_lines)
        {
            foreach (var line in _lines)
            {
                if (line.Contains(text, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }
    }

    public override string ToString()
    {
        lock (_lines)
        {
            return _lines.Count == 0 ? "(no output)" : string.Join(Environment.NewLine, _lines);
        }
    }
}
