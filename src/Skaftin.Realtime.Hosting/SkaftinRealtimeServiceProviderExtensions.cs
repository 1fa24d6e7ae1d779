using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Skaftin.Realtime;

/// <summary>
/// Starts the client that <c>AddSkaftinRealtime</c> registered, for apps that run no <c>IHostedService</c>: .NET MAUI,
/// Blazor WebAssembly, WPF or Avalonia with a plain <see cref="IServiceProvider"/>.
/// </summary>
public static class SkaftinRealtimeServiceProviderExtensions
{
    /// <summary>
    /// Does what the hosted service does in a host: holds the room of every configured project
    /// (<see cref="SkaftinRealtimeOptions.Projects"/>, <c>Skaftin:Projects</c>) for the client's lifetime, then starts
    /// the client (<see cref="SkaftinRealtimeClient.StartAsync"/>). Safe to call again (from a page's
    /// <c>OnAppearing</c>, say): a project already held is not joined twice and a started client is not started twice.
    /// Disposing the service provider closes the client.
    /// </summary>
    /// <remarks>
    /// It completes once connected. The first connection is retried until the backend comes (unless
    /// <see cref="SkaftinRealtimeOptions.RetryInitialConnection"/> is off), so an app that must show its first page
    /// offline should not wait for it there: show the page, and show the connection with
    /// <see cref="SkaftinRealtimeClient.CreateConnectionStatus"/>; each failure is also reported through
    /// <see cref="SkaftinRealtimeClient.OnError"/>.
    /// </remarks>
    /// <param name="services">The app's services (<c>MauiApp.Services</c>, <c>WebAssemblyHost.Services</c>, a built provider).</param>
    /// <param name="cancellationToken">Abandons the start (the rooms stay held for a later start).</param>
    /// <returns>The started client.</returns>
    /// <exception cref="InvalidOperationException"><c>AddSkaftinRealtime</c> was not called on these services.</exception>
    /// <exception cref="SkaftinConnectionException">The server could not be reached, and the retry policy gave up.</exception>
    /// <exception cref="SkaftinAuthenticationException">The server rejected the token (with <see cref="SkaftinRealtimeOptions.RetryInitialConnection"/> off).</exception>
    public static async Task<SkaftinRealtimeClient> StartSkaftinRealtimeAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        if (services is null)
        {
            throw new ArgumentNullException(nameof(services));
        }

        var client = services.GetService<SkaftinRealtimeClient>()
            ?? throw new InvalidOperationException("No SkaftinRealtimeClient is registered: call services.AddSkaftinRealtime(...) first.");
        var held = client.GetJoinedProjects();
        foreach (var project in services.GetRequiredService<IOptions<SkaftinRealtimeOptions>>().Value.Projects)
        {
            if (!held.ContainsKey(project))
            {
                // Held for the client's lifetime, like the hosted service's: the share is never given up.
                _ = await client.JoinProjectAsync(project, cancellationToken).ConfigureAwait(false);
            }
        }

        await client.StartAsync(cancellationToken).ConfigureAwait(false);
        return client;
    }
}
