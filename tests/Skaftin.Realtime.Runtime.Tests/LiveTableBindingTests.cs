using System;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.ComponentModel;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Skaftin.Realtime.Runtime.Tests;

/// <summary>The live table as a UI list: indices, order, property notifications, context, debouncing.</summary>
public sealed class LiveTableBindingTests
{
    private readonly SkaftinEventRouter _router = new();
    private readonly List<NotifyCollectionChangedEventArgs> _changes = new();
    private readonly List<string?> _properties = new();

    private static Vehicle V(int id, string registration = "R") => VehicleChanges.Row(id, registration);

    private void Send(string type, int id, string registration = "R", int second = 1) => VehicleChanges.Send(_router, type, id, registration, second);

    private async Task<LiveTable<Vehicle, int>> StartAsync(LiveTableOptions? options, params Vehicle[] rows)
    {
        var live = await LiveTable<Vehicle, int>.StartAsync(_router.Vehicles(), _ => Task.FromResult<IReadOnlyList<Vehicle>>(rows), options);
        live.CollectionChanged += (_, e) => _changes.Add(e);
        live.PropertyChanged += (_, e) => _properties.Add(e.PropertyName);
        return live;
    }

    private string Describe() => string.Join(" ", _changes.Select(static e => e.Action switch
    {
        NotifyCollectionChangedAction.Add => $"Add({((Vehicle)e.NewItems![0]!).Id}@{e.NewStartingIndex})",
        NotifyCollectionChangedAction.Remove => $"Remove({((Vehicle)e.OldItems![0]!).Id}@{e.OldStartingIndex})",
        NotifyCollectionChangedAction.Replace => $"Replace({((Vehicle)e.NewItems![0]!).Id}@{e.NewStartingIndex})",
        NotifyCollectionChangedAction.Move => $"Move({((Vehicle)e.NewItems![0]!).Id}:{e.OldStartingIndex}->{e.NewStartingIndex})",
        _ => e.Action.ToString(),
    }));

    [Fact]
    public async Task RowsAreOrderedByKeyAndEveryNotificationCarriesItsIndex()
    {
        await using var live = await StartAsync(null, V(5), V(2));
        Assert.Equal(new[] { 2, 5 }, live.Select(static v => v.Id));

        Send("insert", 3, second: 1);
        Send("update", 5, "X", second: 2);
        Send("delete", 2, second: 3);
        Send("insert", 9, second: 4);

        Assert.Equal("Add(3@1) Replace(5@2) Remove(2@0) Add(9@2)", Describe());
        Assert.Equal(new[] { 3, 5, 9 }, Enumerable.Range(0, live.Count).Select(i => live[i].Id));
        Assert.Equal("X", live[1].RegistrationNumber);
    }

    [Fact]
    public async Task AnUpdateThatChangesTheRowsPlaceRaisesReplaceThenMove()
    {
        var options = new LiveTableOptions<Vehicle> { Order = Comparer<Vehicle>.Create(static (x, y) => string.CompareOrdinal(x.RegistrationNumber, y.RegistrationNumber)) };
        await using var live = await StartAsync(options, V(1, "a"), V(2, "b"), V(3, "c"));

        Send("update", 1, "d", second: 1); // a -> d: from first to last
        Send("update", 3, "c2", second: 2); // stays between b and d

        Assert.Equal("Replace(1@0) Move(1:0->2) Replace(3@1)", Describe());
        Assert.Equal(new[] { "b", "c2", "d" }, live.Select(static v => v.RegistrationNumber));
    }

    [Fact]
    public async Task CountIsLoadingAndLastChangedAtNotify()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 4, 0, 0, TimeSpan.Zero));
        var load = new TaskCompletionSource<IReadOnlyList<Vehicle>>();
        var loads = 0;
        await using var live = await LiveTable<Vehicle, int>.StartAsync(
            _router.Vehicles(),
            _ => ++loads == 1 ? Task.FromResult<IReadOnlyList<Vehicle>>(new[] { V(1) }) : load.Task,
            new LiveTableOptions { TimeProvider = time });
        Assert.Equal(time.GetUtcNow(), live.LastChangedAt);
        var loadingSeen = new List<bool>();
        live.PropertyChanged += (_, e) =>
        {
            _properties.Add(e.PropertyName);
            if (e.PropertyName == nameof(live.IsLoading))
            {
                loadingSeen.Add(live.IsLoading);
            }
        };

        time.Advance(TimeSpan.FromMinutes(1));
        Send("insert", 2);
        Assert.Equal(new[] { "Count", "Item[]", "LastChangedAt" }, _properties);
        Assert.Equal(time.GetUtcNow(), live.LastChangedAt);

        _properties.Clear();
        Send("update", 2, "X", second: 2);
        Assert.Equal(new[] { "Item[]", "LastChangedAt" }, _properties); // Count did not change

        _properties.Clear();
        var reload = live.ReloadAsync();
        Assert.Equal(new[] { true }, loadingSeen);
        load.SetResult(new[] { V(7) });
        await reload;
        Assert.Equal(new[] { true, false }, loadingSeen);
        // The status goes from Live to Reloading and back with the load (issue 20, case 3).
        Assert.Equal(new[] { "IsLoading", "Status", "Count", "Item[]", "LastChangedAt", "IsLoading", "Status" }, _properties);
        Assert.Equal(new[] { 7 }, live.Select(static v => v.Id));
    }

    [Fact]
    public async Task NotificationsAndViewChangesHappenOnTheNotificationContext()
    {
        var context = new RecordingContext();
        await using var live = await StartAsync(new LiveTableOptions { NotificationContext = context });
        var outside = new List<string>();
        live.CollectionChanged += (_, e) => { if (!context.IsInside) outside.Add(e.Action.ToString()); };
        live.PropertyChanged += (_, e) => { if (!context.IsInside) outside.Add(e.PropertyName!); };

        await Task.Run(() => Send("insert", 1));
        await Task.Run(() => Send("delete", 1, second: 2));
        await Eventually.Until(() => context.Idle && Describe().Split(' ').Length == 2, "both changes are shown on the context");

        Assert.Equal(new[] { "Add(1@0)", "Remove(1@0)" }, Describe().Split(' '));
        Assert.Empty(outside);
    }

    [Fact]
    public async Task TheDispatchThreadNeverWaitsForABusyNotificationContext()
    {
        using var ui = new SingleThreadContext();
        await using var live = await StartAsync(new LiveTableOptions { NotificationContext = ui });
        var release = new ManualResetEventSlim(); // not disposed: the UI thread may still be in its Wait
        ui.Post(_ => release.Wait(), null); // the UI thread is busy
        try
        {
            // Handed over without waiting for the UI thread (a Send would time out here), and not shown elsewhere.
            await Task.Run(() => Send("insert", 1)).WaitAsync(TimeSpan.FromSeconds(10));
            Assert.Empty(live);
        }
        finally
        {
            release.Set();
        }

        await Eventually.Until(() => ui.Run(() => live.Count) == 1, "the change shows on the UI thread");
    }

    [Fact]
    public async Task AContextThatRefusesWorkHasTheChangeShownAndReportedNotHeldBack()
    {
        var context = new RefusingContext();
        var errors = new List<RealtimeError>();
        await using var live = await StartAsync(new LiveTableOptions { NotificationContext = context });
        using var e = _router.OnError(errors.Add);

        Send("insert", 1);

        Assert.Single(live);
        Assert.Contains(errors, static r => r.Exception is InvalidOperationException);
    }

    /// <summary>A UI context whose loop has ended.</summary>
    private sealed class RefusingContext : SynchronizationContext
    {
        public override void Post(SendOrPostCallback d, object? state) => throw new InvalidOperationException("The UI loop has ended.");
    }

    [Fact]
    public async Task ABurstWithinTheBatchWindowIsShownAsOneResetAndALoneChangeAsItself()
    {
        var time = new FakeTimeProvider();
        await using var live = await StartAsync(new LiveTableOptions { TimeProvider = time, BatchWindow = TimeSpan.FromMilliseconds(200) }, V(1));

        Send("insert", 2, second: 1);
        Send("insert", 3, second: 2);
        Send("delete", 1, second: 3);
        Assert.Empty(_changes);
        Assert.Equal(new[] { 1 }, live.Select(static v => v.Id)); // not shown before the window ends

        time.Advance(TimeSpan.FromMilliseconds(200));
        Assert.Equal("Reset", Describe());
        Assert.Equal(new[] { 2, 3 }, live.Select(static v => v.Id));
        Assert.Contains("Count", _properties);

        _changes.Clear();
        Send("update", 2, "X", second: 4);
        time.Advance(TimeSpan.FromMilliseconds(200));
        Assert.Equal("Replace(2@0)", Describe());
    }

    [Fact]
    public async Task OptionsForAnotherRowTypeAndANegativeWindowAreRefused()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => StartAsync(new LiveTableOptions<Driver>()));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => StartAsync(new LiveTableOptions { BatchWindow = TimeSpan.FromSeconds(-1) }));
    }

    /// <summary>A UI-like context: runs what is sent to it on the caller, marked as inside.</summary>
    private sealed class RecordingContext : SynchronizationContext
    {
        private readonly AsyncLocal<bool> _inside = new();

        private int _posted;

        public bool IsInside => _inside.Value;

        /// <summary>Whether every posted callback has run.</summary>
        public bool Idle => Volatile.Read(ref _posted) == 0;

        public override void Post(SendOrPostCallback d, object? state)
        {
            Interlocked.Increment(ref _posted);
            ThreadPool.QueueUserWorkItem(_ =>
            {
                Send(d, state);
                Interlocked.Decrement(ref _posted);
            });
        }

        public override void Send(SendOrPostCallback d, object? state)
        {
            lock (this)
            {
                var was = _inside.Value;
                _inside.Value = true;
                try
                {
                    d(state);
                }
                finally
                {
                    _inside.Value = was;
                }
            }
        }
    }
}
