using System.Collections.Concurrent;
using System.Threading.Channels;
using Skaftin.Realtime;

namespace LiveVehicles;

/// <summary>
/// A live view of the vehicles table: loaded once over REST, then kept current by typed realtime events.
/// It subscribes before loading and replays what arrived during the load, so no change falls in between.
/// </summary>
public sealed class VehicleBoard(SkaftinRealtimeClient client, VehiclesRealtime vehicles, IHttpClientFactory http, IConfiguration configuration, ILogger<VehicleBoard> logger)
    : BackgroundService
{
    private readonly ConcurrentDictionary<long, Vehicle> _rows = new();
    private readonly ConcurrentDictionary<Guid, Channel<RowChange<Vehicle, long>>> _listeners = new();
    private readonly Queue<RowChange<Vehicle, long>> _pending = new();
    private readonly object _gate = new();
    private IDisposable? _subscription;

    /// <summary>The vehicles as they are now, by id.</summary>
    public IReadOnlyList<Vehicle> Snapshot => _rows.Values.OrderBy(static v => v.Id).ToList();

    /// <summary>Whether the initial load has finished.</summary>
    public bool Loaded { get; private set; }

    /// <summary>Streams every change from now on, until the caller stops reading.</summary>
    public async IAsyncEnumerable<RowChange<Vehicle, long>> Listen([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var id = Guid.NewGuid();
        var channel = Channel.CreateBounded<RowChange<Vehicle, long>>(new BoundedChannelOptions(1000) { FullMode = BoundedChannelFullMode.DropOldest });
        _listeners[id] = channel;
        try
        {
            await foreach (var change in channel.Reader.ReadAllAsync(cancellationToken))
            {
                yield return change;
            }
        }
        finally
        {
            _listeners.TryRemove(id, out _);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Subscribe first, load second: a change made during the load waits in _pending and is applied after it.
        _subscription = vehicles.OnChanged(change =>
        {
            lock (_gate)
            {
                if (Loaded)
                {
                    Apply(change);
                }
                else
                {
                    _pending.Enqueue(change);
                }
            }
        });

        var section = configuration.GetSection("Skaftin");
        var project = section.GetSection("Projects").GetChildren().First().Value!;

        // The host starts without waiting for the backend; load only once the project's room is joined, so every
        // change after the snapshot arrives. StartAsync waits for the start under way; the join shares the host's.
        await client.StartAsync(stoppingToken);
        await using var membership = await client.JoinProjectAsync(project, stoppingToken);
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(new Uri(section["ApiUrl"]!), $"api/projects/{project}/tables/vehicles/rows"));
        request.Headers.Add("x-api-key", section["ApiKey"]);
        using var response = await http.CreateClient().SendAsync(request, stoppingToken);
        response.EnsureSuccessStatusCode();
        foreach (var row in VehicleRowReader.Instance.ReadArray(await response.Content.ReadAsByteArrayAsync(stoppingToken)))
        {
            _rows[row.Id] = row;
        }

        lock (_gate)
        {
            while (_pending.TryDequeue(out var change))
            {
                Apply(change);
            }

            Loaded = true;
        }

        logger.LogInformation("Loaded {Count} vehicles of project {Project}", _rows.Count, project);
    }

    public override void Dispose()
    {
        _subscription?.Dispose();
        base.Dispose();
    }

    private void Apply(RowChange<Vehicle, long> change)
    {
        switch (change)
        {
            case RowInserted<Vehicle, long> inserted:
                _rows[inserted.Row.Id] = inserted.Row;
                break;
            case RowUpdated<Vehicle, long> updated:
                _rows[updated.Row.Id] = updated.Row;
                break;
            case RowPatched<Vehicle, long> patched:
                // Only the changed columns came (a backend that sends no oldData): complete them from the row held here.
                if (_rows.TryGetValue(patched.Key, out var current) && patched.Patch.TryApplyTo(current, out var merged))
                {
                    _rows[patched.Key] = merged;
                    change = new RowUpdated<Vehicle, long>(merged, current) { Patch = patched.Patch, ProjectId = patched.ProjectId, TableName = patched.TableName, Timestamp = patched.Timestamp };
                }
                else
                {
                    logger.LogWarning("Vehicle {Id} changed but the board does not hold it; restart the board to reload", patched.Key);
                }

                break;
            case RowDeleted<Vehicle, long> deleted:
                _rows.TryRemove(deleted.Key, out _);
                break;
        }

        foreach (var listener in _listeners.Values)
        {
            listener.Writer.TryWrite(change);
        }
    }
}
