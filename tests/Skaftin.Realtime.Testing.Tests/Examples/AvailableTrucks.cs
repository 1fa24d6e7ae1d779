using System;
using System.Collections.Generic;
using Skaftin.Realtime.Testing.Tests.Fleet;

namespace Skaftin.Realtime.Testing.Tests.Examples;

/// <summary>
/// App code, as an app writes it against the real client: counts the available trucks from typed changes, and knows
/// when its count may be stale (a resync signal) until the app reloads it.
/// </summary>
public sealed class AvailableTrucks : IDisposable
{
    private readonly HashSet<int> _available = new();
    private readonly IDisposable _changes;
    private readonly IDisposable _resyncs;

    public AvailableTrucks(SkaftinRealtimeClient client)
    {
        var trucks = client.Trucks();
        _changes = trucks.OnChanged(Apply);
        _resyncs = trucks.OnResync(_ => IsStale = true);
    }

    public int Count
    {
        get
        {
            lock (_available)
            {
                return _available.Count;
            }
        }
    }

    /// <summary>Events were missed: the count must be reloaded.</summary>
    public bool IsStale { get; private set; }

    public void Dispose()
    {
        _changes.Dispose();
        _resyncs.Dispose();
    }

    private void Apply(RowChange<Truck, int> change)
    {
        var row = change switch
        {
            RowInserted<Truck, int> inserted => inserted.Row,
            RowUpdated<Truck, int> updated => updated.Row,
            _ => null,
        };
        lock (_available)
        {
            if (row is { Status: TruckStatus.Available })
            {
                _available.Add(row.Id);
            }
            else if (row is not null)
            {
                _available.Remove(row.Id);
            }
            else if (change is RowDeleted<Truck, int> deleted)
            {
                _available.Remove(deleted.Key);
            }
        }
    }
}
