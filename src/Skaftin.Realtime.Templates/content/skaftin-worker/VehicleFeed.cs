using Skaftin.Realtime;

namespace SkaftinApp;

/// <summary>Logs every change of the vehicles table as a typed <see cref="Vehicle"/>, and every error.</summary>
public sealed class VehicleFeed(SkaftinRealtimeClient client, VehiclesRealtime vehicles, ILogger<VehicleFeed> logger) : IHostedService
{
    private readonly List<IDisposable> _subscriptions = [];

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscriptions.Add(vehicles.OnInserted(vehicle => logger.LogInformation("Inserted {Vehicle}", vehicle)));
        _subscriptions.Add(vehicles.OnUpdated((now, before) => logger.LogInformation("Updated {Before} -> {Now}", before?.Status, now)));
        _subscriptions.Add(vehicles.OnDeleted(deleted => logger.LogInformation("Deleted vehicle {Key}", deleted.Key)));
        _subscriptions.Add(vehicles.OnResync(_ => logger.LogWarning("Changes may have been missed: reload the vehicles")));
        _subscriptions.Add(client.OnError(error => logger.LogError("{Error}", error)));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _subscriptions.ForEach(static subscription => subscription.Dispose());
        _subscriptions.Clear();
        return Task.CompletedTask;
    }
}
