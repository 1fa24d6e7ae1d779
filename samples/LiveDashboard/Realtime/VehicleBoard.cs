using LiveDashboard.Models;
using Skaftin.Realtime;

namespace LiveDashboard.Realtime;

/// <summary>
/// One live copy of the vehicles table for the whole app, shared by every browser tab: loaded once, kept current by
/// typed events, reloaded by itself after a reconnect that may have missed events. Components read
/// <see cref="Rows"/> and listen to <see cref="Table"/>'s <c>CollectionChanged</c>, and to its <c>PropertyChanged</c> for
/// <c>Status</c> (Stale, with <c>LastError</c>, when a reload failed).
/// </summary>
public sealed class VehicleBoard(VehiclesRealtime vehicles, RowsApi rows, DashboardOptions dashboard) : IHostedService, IAsyncDisposable
{
    private LiveTable<Vehicle, long>? _table;

    /// <summary>The live table; raises <c>CollectionChanged</c> on the thread that applied the change.</summary>
    /// <exception cref="InvalidOperationException">Read before the host started this service.</exception>
    public LiveTable<Vehicle, long> Table => _table ?? throw new InvalidOperationException("The vehicle board is started by the host.");

    /// <summary>The vehicles as they are now, by id (the live table itself keeps no order).</summary>
    /// <returns>A sorted copy.</returns>
    public IReadOnlyList<Vehicle> Rows() => Table.Snapshot().OrderBy(static v => v.Id).ToList();

    /// <summary>Subscribes to the vehicles table and loads it.</summary>
    /// <param name="cancellationToken">Abandons the first load.</param>
    /// <returns>A task that completes when the rows are loaded.</returns>
    public async Task StartAsync(CancellationToken cancellationToken) =>
        _table = await LiveTable<Vehicle, long>.StartAsync(
            vehicles,
            token => rows.LoadAsync(vehicles, token),
            new LiveTableOptions { ProjectId = dashboard.Project },
            cancellationToken);

    /// <summary>Stops following the table.</summary>
    /// <param name="cancellationToken">Not used.</param>
    /// <returns>A task that completes when stopped.</returns>
    public async Task StopAsync(CancellationToken cancellationToken) => await DisposeAsync();

    /// <summary>Stops following the table.</summary>
    /// <returns>A task that completes when stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        var table = Interlocked.Exchange(ref _table, null);
        if (table is not null)
        {
            await table.DisposeAsync();
        }
    }
}
