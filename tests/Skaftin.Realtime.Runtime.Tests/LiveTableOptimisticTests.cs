using System;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Skaftin.Realtime.Runtime.Tests;

/// <summary>The seed's example 5: apply locally now, confirm on the server's event, roll back on failure or timeout.</summary>
public sealed class LiveTableOptimisticTests
{
    private readonly SkaftinEventRouter _router = new();
    private readonly FakeTimeProvider _time = new();
    private readonly List<string> _changes = new();

    private static Vehicle V(int id, string registration) => VehicleChanges.Row(id, registration);

    private void Send(string type, int id, string registration = "R", int second = 1) => VehicleChanges.Send(_router, type, id, registration, second);

    private async Task<LiveTable<Vehicle, int>> StartAsync(params Vehicle[] rows)
    {
        var live = await LiveTable<Vehicle, int>.StartAsync(
            _router.Vehicles(),
            _ => Task.FromResult<IReadOnlyList<Vehicle>>(rows),
            new LiveTableOptions { TimeProvider = _time, OptimisticTimeout = TimeSpan.FromSeconds(10) });
        live.CollectionChanged += (_, e) => _changes.Add(e.Action switch
        {
            NotifyCollectionChangedAction.Add => $"Add({((Vehicle)e.NewItems![0]!).RegistrationNumber}@{e.NewStartingIndex})",
            NotifyCollectionChangedAction.Remove => $"Remove({((Vehicle)e.OldItems![0]!).RegistrationNumber}@{e.OldStartingIndex})",
            NotifyCollectionChangedAction.Replace => $"Replace({((Vehicle)e.NewItems![0]!).RegistrationNumber}@{e.NewStartingIndex})",
            _ => e.Action.ToString(),
        });
        return live;
    }

    private static string[] Shown(LiveTable<Vehicle, int> live) => live.Select(static v => v.RegistrationNumber).ToArray();

    [Fact]
    public async Task TheServersChangeConfirmsAndItsRowIsShown()
    {
        await using var live = await StartAsync(V(1, "a"), V(2, "b"));
        var change = live.ApplyOptimistic(V(2, "b-mine"));
        Assert.True(live.IsOptimistic(2));
        Assert.Equal(new[] { "a", "b-mine" }, Shown(live));

        Send("update", 2, "b-server");

        Assert.Equal(OptimisticOutcome.Confirmed, await change.Outcome.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.False(live.IsOptimistic(2));
        Assert.Equal(new[] { "a", "b-server" }, Shown(live));
        Assert.Equal(new[] { "Replace(b-mine@1)", "Replace(b-server@1)" }, _changes);

        _time.Advance(TimeSpan.FromSeconds(30)); // a confirmed change never times out
        Assert.Equal(new[] { "a", "b-server" }, Shown(live));
    }

    [Fact]
    public async Task ARollbackShowsTheRowAsTheServerLastSaid()
    {
        await using var live = await StartAsync(V(1, "a"));
        var insert = live.ApplyOptimistic(V(2, "new"));
        var update = live.ApplyOptimistic(V(1, "a-mine"));

        insert.Rollback();
        update.Rollback();
        update.Rollback(); // twice: nothing more

        Assert.Equal(OptimisticOutcome.RolledBack, await insert.Outcome.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Equal(OptimisticOutcome.RolledBack, await update.Outcome.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Equal(new[] { "a" }, Shown(live));
        Assert.Equal(new[] { "Add(new@1)", "Replace(a-mine@0)", "Remove(new@1)", "Replace(a@0)" }, _changes);
    }

    [Fact]
    public async Task WithoutTheServersChangeItTimesOutAndRollsBack()
    {
        await using var live = await StartAsync(V(1, "a"));
        var delete = live.ApplyOptimisticDelete(1);
        Assert.Empty(live);

        _time.Advance(TimeSpan.FromSeconds(9));
        Assert.False(delete.Outcome.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(OptimisticOutcome.TimedOut, await delete.Outcome.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Equal(new[] { "a" }, Shown(live));
        Assert.Equal(new[] { "Remove(a@0)", "Add(a@0)" }, _changes);
    }

    [Fact]
    public async Task AConfirmedDeleteRaisesNothingMore()
    {
        await using var live = await StartAsync(V(1, "a"));
        Send("update", 1, "a2", second: 5);
        _changes.Clear();
        var delete = live.ApplyOptimisticDelete(1);

        Send("delete", 1, second: 6);

        Assert.Equal(OptimisticOutcome.Confirmed, await delete.Outcome.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Empty(live);
        Assert.Equal(new[] { "Remove(a2@0)" }, _changes);
    }

    [Fact]
    public async Task ALaterChangeSupersedesAndAReloadKeepsWhatIsPending()
    {
        await using var live = await StartAsync(V(1, "a"));
        var first = live.ApplyOptimistic(V(1, "x"));
        var second = live.ApplyOptimistic(V(1, "y"));
        Assert.Equal(OptimisticOutcome.Superseded, await first.Outcome.WaitAsync(TimeSpan.FromSeconds(5)));

        await live.ReloadAsync();
        Assert.Equal(new[] { "y" }, Shown(live));

        second.Rollback();
        Assert.Equal(new[] { "a" }, Shown(live));
    }

    [Fact]
    public async Task DisposingAbandonsWhatIsPending()
    {
        var live = await StartAsync(V(1, "a"));
        var change = live.ApplyOptimistic(V(1, "x"));
        await live.DisposeAsync();
        Assert.Equal(OptimisticOutcome.Abandoned, await change.Outcome.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Throws<ObjectDisposedException>(() => live.ApplyOptimistic(V(1, "z")));
    }
}
