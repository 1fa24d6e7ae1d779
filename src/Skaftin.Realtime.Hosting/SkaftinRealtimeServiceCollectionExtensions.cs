using System;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Skaftin.Realtime;

/// <summary>Registers the Skaftin realtime client with dependency injection.</summary>
public static class SkaftinRealtimeServiceCollectionExtensions
{
    /// <summary>The configuration section read by <see cref="AddSkaftinRealtime(IServiceCollection, IConfiguration, Action{SkaftinRealtimeOptions})"/>.</summary>
    public const string ConfigurationSection = "Skaftin";

    // Not "RetryPolicy": the configuration binder would try to create the interface-typed option of that name.
    private const string RetrySection = "Reconnect";

    /// <summary>
    /// Adds a singleton <see cref="SkaftinRealtimeClient"/> configured from the <c>Skaftin</c> section
    /// (<c>ApiUrl</c>, <c>ApiKey</c>, <c>Projects</c>, <c>Transport</c>, timeouts, <c>Reconnect</c> for the retry policy), validated at
    /// start-up, and a hosted service that connects (and joins <c>Projects</c>) when the host starts and closes the
    /// connection when it stops.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The app's configuration (its <c>Skaftin</c> section is read).</param>
    /// <param name="configure">Further settings in code, applied after the configuration.</param>
    /// <returns>A builder to register generated tables with.</returns>
    public static SkaftinRealtimeBuilder AddSkaftinRealtime(this IServiceCollection services, IConfiguration configuration, Action<SkaftinRealtimeOptions>? configure = null)
    {
        if (configuration is null)
        {
            throw new ArgumentNullException(nameof(configuration));
        }

        var section = configuration.GetSection(ConfigurationSection);
        return services.AddSkaftinRealtime(options =>
        {
            // Intercepted by the configuration binder's source generator: no reflection, and a malformed value's
            // error names its key.
            section.Bind(options);
            BindRetryPolicy(section, options);
            configure?.Invoke(options);
        });
    }

    /// <summary>Adds the client configured in code; see <see cref="AddSkaftinRealtime(IServiceCollection, IConfiguration, Action{SkaftinRealtimeOptions})"/>.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">The settings.</param>
    /// <returns>A builder to register generated tables with.</returns>
    public static SkaftinRealtimeBuilder AddSkaftinRealtime(this IServiceCollection services, Action<SkaftinRealtimeOptions> configure)
    {
        if (services is null)
        {
            throw new ArgumentNullException(nameof(services));
        }

        services.AddOptions<SkaftinRealtimeOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SkaftinRealtimeOptions>, SkaftinRealtimeOptionsValidator>());
        services.TryAddSingleton(static provider =>
        {
            var options = provider.GetRequiredService<IOptions<SkaftinRealtimeOptions>>().Value;
            options.LoggerFactory ??= provider.GetService<ILoggerFactory>();
            options.MeterFactory ??= provider.GetService<IMeterFactory>();
            return new SkaftinRealtimeClient(options);
        });
        services.TryAddSingleton<ISkaftinRealtimeSource>(static provider => provider.GetRequiredService<SkaftinRealtimeClient>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, SkaftinRealtimeHostedService>());
        return new SkaftinRealtimeBuilder(services);
    }

    // The retry setting is an interface (an app may give its own policy), which configuration cannot create: the
    // Skaftin:Reconnect section holds the default policy's settings and binds a SkaftinRetryPolicy in its place.
    private static void BindRetryPolicy(IConfigurationSection section, SkaftinRealtimeOptions options)
    {
        var retry = section.GetSection(RetrySection);
        if (retry.Exists())
        {
            var policy = new SkaftinRetryPolicy();
            retry.Bind(policy);
            options.RetryPolicy = policy;
        }
    }
}
