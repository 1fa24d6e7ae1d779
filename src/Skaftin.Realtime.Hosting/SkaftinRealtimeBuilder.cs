using System;
using Microsoft.Extensions.DependencyInjection;

namespace Skaftin.Realtime;

/// <summary>Registers generated per-table classes so they can be injected.</summary>
public sealed class SkaftinRealtimeBuilder
{
    internal SkaftinRealtimeBuilder(IServiceCollection services) => Services = services;

    /// <summary>The services being configured.</summary>
    public IServiceCollection Services { get; }

    /// <summary>
    /// Makes a generated table class injectable, as the client's one instance of it:
    /// <c>builder.AddTable(static client =&gt; client.Vehicles())</c>.
    /// </summary>
    /// <typeparam name="TTable">The generated table class, such as <c>VehiclesRealtime</c>.</typeparam>
    /// <param name="accessor">The generated accessor.</param>
    /// <returns>This builder.</returns>
    public SkaftinRealtimeBuilder AddTable<TTable>(Func<SkaftinRealtimeClient, TTable> accessor)
        where TTable : RealtimeTableBase
    {
        if (accessor is null)
        {
            throw new ArgumentNullException(nameof(accessor));
        }

        Services.AddSingleton(provider => accessor(provider.GetRequiredService<SkaftinRealtimeClient>()));
        return this;
    }
}
