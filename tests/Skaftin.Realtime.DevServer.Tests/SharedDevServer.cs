using System;
using System.Threading;
using System.Threading.Tasks;
using Skaftin.Realtime.DevServer;
using Xunit;

namespace Skaftin.Realtime.DevServer.Tests;

/// <summary>One dev server shared by the API tests (starting one per test would only cost time).</summary>
public sealed class SharedDevServer : IAsyncLifetime
{
    public const string LimitedKey = "limited-key";

    public SkaftinDevServer Server { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        // Generous: the first start of a test run may have to run npm ci.
        using var cts = new CancellationTokenSource(TestTimeouts.StartWithInstall);
        Server = await SkaftinDevServer.StartAsync(
            new SkaftinDevServerOptions { ApiKeys = ["dev-key=*", LimitedKey + "=allowed_project"] },
            cts.Token);
    }

    public async Task DisposeAsync()
    {
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class SharedDevServerCollection : ICollectionFixture<SharedDevServer>
{
    public const string Name = "shared dev server";
}

internal static class TestTimeouts
{
    /// <summary>Per-test ceiling (xunit Fact timeout) for tests that start servers: may include npm ci.</summary>
    public const int TestMs = 10 * 60 * 1000;

    /// <summary>Starting a server, including a possible npm ci.</summary>
    public static readonly TimeSpan StartWithInstall = TimeSpan.FromMinutes(9);

    /// <summary>Anything else a test waits for.</summary>
    public static readonly TimeSpan Operation = TimeSpan.FromSeconds(30);

    public static CancellationTokenSource Cts() => new(Operation);
}
