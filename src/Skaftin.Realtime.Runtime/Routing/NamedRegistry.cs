using System;
using System.Collections.Generic;
using System.Threading;

namespace Skaftin.Realtime;

/// <summary>
/// The router's lookups by wire name (typed tables, typed project events): read without a lock on every event,
/// written rarely (once per name) by copying under a lock.
/// </summary>
/// <typeparam name="T">What is registered.</typeparam>
internal sealed class NamedRegistry<T>
    where T : class
{
    private readonly object _gate = new();
    private Dictionary<string, T> _items = new(StringComparer.Ordinal);

    /// <summary>A snapshot of what is registered.</summary>
    public Dictionary<string, T> Current => Volatile.Read(ref _items);

    /// <summary>What is registered under <paramref name="name"/>, created by <paramref name="create"/> on first use.</summary>
    public T GetOrAdd<TState>(string name, TState state, Func<TState, T> create)
    {
        if (Volatile.Read(ref _items).TryGetValue(name, out var existing))
        {
            return existing;
        }

        lock (_gate)
        {
            if (_items.TryGetValue(name, out existing))
            {
                return existing;
            }

            var item = create(state);
            Volatile.Write(ref _items, new Dictionary<string, T>(_items, StringComparer.Ordinal) { [name] = item });
            return item;
        }
    }
}
