using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Skaftin.Realtime.Runtime.Tests;

/// <summary>
/// Issue 20, case 3: a reload that fails (the backend lost its data: 404) leaves the rows as last loaded, but says so:
/// <see cref="LiveTable{TRow, TKey}.Status"/> is Stale with the error, a bindable property, and the reload is retried
/// on the options' clock, <see cref="LiveTableOptions.RetryDelay"/> doubling up to <see cref="LiveTableOptions.MaxRetryDelay"/>.
/// </summary>
public sealed class LiveTableStatusTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    private readonly SkaftinEventRouter _router = new();
    private readonly DelayRecordingTime _time = new();
    private readonly HttpRequestException _notFound = new("Response status code does not indicate success: 404 (Not Found).", null, HttpStatusCode.NotFound);
    private int _attempts;
    private volatile bool _failing;

    private static Vehicle V(int id) => VehicleChanges.Row(id, "R" + id);

    private Task<IReadOnlyList<Vehicle>> Load(CancellationToken token)
    {
        var attempt = Interlocked.Increment(ref _attempts);
        return _failing
            ? Task.FromException<IReadOnlyList<Vehicle>>(_notFound)
            : Task.FromResult<IReadOnlyList<Vehicle>>(attempt == 1 ? new[] { V(1), V(2) } : new[] { V(3) });
    }

    private Task<LiveTable<Vehicle, int>> StartAsync() => LiveTable<Vehicle, int>.StartAsync(
        _router.Vehicles(),
        Load,
        new LiveTableOptions { TimeProvider = _time, RetryDelay = TimeSpan.FromSeconds(1), MaxRetryDelay = TimeSpan.FromSeconds(3) });

    private static int[] Ids(LiveTable<Vehicle, int> live) => live.Select(static v => v.Id).ToArray();

    [Fact]
    public async Task AFailedReloadMakesTheTableStaleWithTheErrorAndRetriesOnTheOptionsClock()
    {
        await using var live = await StartAsync();
        Assert.Equal((LiveTableStatus.Live, null), (live.Status, live.LastError));
        var seen = new ConcurrentQueue<string>();
        live.PropertyChanged += (_, e) =>
        {
            if (e.PropertyName is nameof(live.Status) or nameof(live.LastError))
            {
                seen.Enqueue(e.PropertyName == nameof(live.Status) ? $"Status={live.Status}" : $"LastError={live.LastError?.Message}");
            }
        };

        // The backend came back with an empty database: the reload the resync asks for gets 404.
        _failing = true;
        _router.RequestResync(new ResyncRequired(ResyncReason.ConnectionRestored, null, null, DateTimeOffset.UtcNow));

        await Until(() => live.Status == LiveTableStatus.Stale);
        Assert.Same(_notFound, live.LastError);
        Assert.Equal(new[] { "Status=Reloading", "Status=Stale", "LastError=" + _notFound.Message }, seen);
        Assert.Equal(new[] { 1, 2 }, Ids(live)); // kept, and marked stale
        Assert.Equal(2, Volatile.Read(ref _attempts));

        // Retried on the options' clock: 1 s, 2 s, then 3 s (MaxRetryDelay), 3 s; Stale all along.
        foreach (var (delay, attempts) in new[] { (1, 3), (2, 4), (3, 5), (3, 6) })
        {
            var due = await _time.NextDelayAsync();
            Assert.Equal(TimeSpan.FromSeconds(delay), due);
            _time.Advance(due - TimeSpan.FromMilliseconds(1));
            Assert.Equal(attempts - 1, Volatile.Read(ref _attempts));
            _time.Advance(TimeSpan.FromMilliseconds(1));
            await Until(() => Volatile.Read(ref _attempts) == attempts);
            Assert.Equal(LiveTableStatus.Stale, live.Status);
        }

        // The backend has the table again: the next retry loads it and the table is live.
        _failing = false;
        _time.Advance(await _time.NextDelayAsync());
        await Until(() => live.Status == LiveTableStatus.Live);
        Assert.Null(live.LastError);
        Assert.Equal(new[] { 3 }, Ids(live));
        Assert.Equal(new[] { "Status=Live", "LastError=" }, seen.Skip(3));
    }

    [Fact]
    public async Task AReloadTheAppAsksForFailsWithTheErrorLeavesTheTableStaleAndIsRetried()
    {
        await using var live = await StartAsync();

        _failing = true;
        var thrown = await Assert.ThrowsAsync<HttpRequestException>(() => live.ReloadAsync());
        Assert.Same(_notFound, thrown);
        Assert.Equal((LiveTableStatus.Stale, (Exception?)_notFound), (live.Status, live.LastError));

        // Changes that arrive meanwhile wait for the reload (the rows shown are not mixed with them).
        VehicleChanges.Send(_router, "insert", 4, "R4", 1);
        Assert.Equal(new[] { 1, 2 }, Ids(live));

        _failing = false;
        _time.Advance(await _time.NextDelayAsync());
        await Until(() => live.Status == LiveTableStatus.Live);
        Assert.Null(live.LastError);
        Assert.Equal(new[] { 3, 4 }, Ids(live));
    }

    // Before, a failed ReloadAsync left the table buffering events for ever: nothing retried it.
    [Fact]
    public async Task AFailedReloadAsyncIsRetriedSoChangesMeanwhileAreNotHeldForEver()
    {
        await using var live = await LiveTable<Vehicle, int>.StartAsync(
            _router.Vehicles(),
            Load,
            new LiveTableOptions { RetryDelay = TimeSpan.FromMilliseconds(20) });

        _failing = true;
        await Assert.ThrowsAsync<HttpRequestException>(() => live.ReloadAsync());
        VehicleChanges.Send(_router, "insert", 4, "R4", 1);
        _failing = false;

        await Until(() => live.Any(static v => v.Id == 4));
        Assert.Equal(new[] { 3, 4 }, Ids(live));
    }

    [Fact]
    public async Task AMaximumRetryDelayShorterThanTheFirstIsRefused()
    {
        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => LiveTable<Vehicle, int>.StartAsync(
            _router.Vehicles(),
            Load,
            new LiveTableOptions { RetryDelay = TimeSpan.FromSeconds(5), MaxRetryDelay = TimeSpan.FromSeconds(1) }));
        Assert.Contains("MaxRetryDelay", error.Message);
    }

    private static async Task Until(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Bound;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out");
            await Task.Delay(10);
        }
    }

    /// <summary>A fake clock that tells the test each one-shot timer it starts (a delay), so it advances only once the delay waits.</summary>
    private sealed class DelayRecordingTime : FakeTimeProvider
    {
        private readonly BlockingCollection<TimeSpan> _delays = new();

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            if (period == Timeout.InfiniteTimeSpan && dueTime != Timeout.InfiniteTimeSpan)
            {
                _delays.Add(dueTime);
            }

            return base.CreateTimer(callback, state, dueTime, period);
        }

        public Task<TimeSpan> NextDelayAsync() => Task.Run(() =>
        {
            Assert.True(_delays.TryTake(out var delay, Bound), "no delay started");
            return delay;
        });
    }
}
