using System;
using System.Threading;
using System.Threading.Tasks;
using Skaftin.Realtime.DevServer;
using Xunit;

namespace Skaftin.Realtime.Cli.Tests;

/// <summary>One real dev server for the pull tests; each test works in a project of its own.</summary>
public sealed class DevServerFixture : IAsyncLifetime
{
    public const string LimitedKey = "limited-key";
    public const string LimitedProject = "allowed_project";

    public SkaftinDevServer Server { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        // Generous: the first start of a test run may have to run npm ci.
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(9));
        Server = await SkaftinDevServer.StartAsync(
            new SkaftinDevServerOptions { ApiKeys = ["dev-key=*", LimitedKey + "=" + LimitedProject] },
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
public sealed class DevServerCollection : ICollectionFixture<DevServerFixture>
{
    public const string Name = "cli dev server";
}
