using System;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace Skaftin.Realtime.Runtime.Tests;

/// <summary>
/// Issue 24, item 4, end to end: a live table of 3,000 rows (24 leaves of its row tree at the default size) ordered
/// by the app's comparer, kept current by server changes (inserts, updates that move rows, deletes): a list bound to
/// its notifications, the table itself and a sorted model agree after every change.
/// </summary>
public sealed class LiveTableLargeTests
{
    private static readonly IComparer<Vehicle> ByRegistration =
        Comparer<Vehicle>.Create(static (x, y) => string.CompareOrdinal(x.RegistrationNumber, y.RegistrationNumber));

    [Fact]
    public async Task ServerChangesToATableOfThousandsOfRowsKeepTheBoundListInOrder()
    {
        var random = new Random(24);
        var router = new SkaftinEventRouter();
        var rows = Enumerable.Range(0, 3_000).Select(id => VehicleChanges.Row(id, Registration(random))).ToList();
        await using var live = await LiveTable<Vehicle, int>.StartAsync(
            router.Vehicles(),
            _ => Task.FromResult<IReadOnlyList<Vehicle>>(rows),
            new LiveTableOptions<Vehicle> { Order = ByRegistration });
        var bound = live.ToList();
        var moves = 0;
        live.CollectionChanged += (_, e) =>
        {
            switch (e.Action)
            {
                case NotifyCollectionChangedAction.Add:
                    bound.Insert(e.NewStartingIndex, (Vehicle)e.NewItems![0]!);
                    break;
                case NotifyCollectionChangedAction.Remove:
                    bound.RemoveAt(e.OldStartingIndex);
                    break;
                case NotifyCollectionChangedAction.Replace:
                    bound[e.NewStartingIndex] = (Vehicle)e.NewItems![0]!;
                    break;
                case NotifyCollectionChangedAction.Move:
                    moves++;
                    bound.RemoveAt(e.OldStartingIndex);
                    bound.Insert(e.NewStartingIndex, (Vehicle)e.NewItems![0]!);
                    break;
                default:
                    throw new InvalidOperationException($"Unexpected {e.Action}");
            }
        };

        var model = rows.ToDictionary(static row => row.Id, static row => row.RegistrationNumber);
        var nextId = 3_000;
        for (var step = 0; step < 600; step++)
        {
            var ids = model.Keys.ToList();
            var kind = random.Next(3);
            if (kind == 0 || ids.Count == 0)
            {
                var registration = Registration(random);
                model[nextId] = registration;
                VehicleChanges.Send(router, "insert", nextId++, registration, 1);
            }
            else if (kind == 1)
            {
                var id = ids[random.Next(ids.Count)];
                var registration = Registration(random);
                model[id] = registration;
                VehicleChanges.Send(router, "update", id, registration, 1);
            }
            else
            {
                var id = ids[random.Next(ids.Count)];
                model.Remove(id);
                VehicleChanges.Send(router, "delete", id, "", 1);
            }

            var expected = model.OrderBy(static p => p.Value, StringComparer.Ordinal).ThenBy(static p => p.Key).Select(static p => $"{p.Key}:{p.Value}").ToList();
            Assert.Equal(expected, bound.Select(static v => $"{v.Id}:{v.RegistrationNumber}"));
            Assert.Equal(expected, live.Select(static v => $"{v.Id}:{v.RegistrationNumber}"));
            var probe = random.Next(expected.Count);
            Assert.Equal(expected[probe], $"{live[probe].Id}:{live[probe].RegistrationNumber}");
        }

        // Not vacuous: updates did move rows across the table.
        Assert.True(moves > 100, $"only {moves} moves");
    }

    private static string Registration(Random random) => "R" + random.Next(100_000).ToString("D5", System.Globalization.CultureInfo.InvariantCulture);
}
