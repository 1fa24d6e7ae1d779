using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Skaftin.Realtime.DevServer;
using Xunit;

namespace Skaftin.Realtime.DevServer.Tests;

public sealed class LifecycleTests
{
    private static async Task<SkaftinDevServer> StartAsync(SkaftinDevServerOptions? options = null)
    {
        using var cts = new CancellationTokenSource(TestTimeouts.StartWithInstall);
        return await SkaftinDevServer.StartAsync(options, cts.Token);
    }

    [Fact(Timeout = TestTimeouts.TestMs)]
    public async Task Start_parses_the_listening_line_and_dispose_leaves_no_process()
    {
        var lines = new ConcurrentQueue<string>();
        var server = await StartAsync(new SkaftinDevServerOptions { Log = lines.Enqueue, Verbose = true });
        var pid = server.ProcessId;
        try
        {
            Assert.Equal("http", server.Url.Scheme);
            Assert.Equal("127.0.0.1", server.Url.Host);
            Assert.True(server.Port > 0);
            Assert.Equal(server.Port, server.Url.Port);
            Assert.Equal("dev-key", server.DefaultApiKey);
            Assert.True(server.IsRunning);
            Assert.True(File.Exists(Path.Combine(server.DevServerDirectory, "server.js")));
            Assert.Contains($"SKAFTIN_DEV_SERVER_LISTENING http://127.0.0.1:{server.Port}", lines);
            Assert.DoesNotContain(lines, l => l.Contains("dev-key=*", StringComparison.Ordinal)); // keys are not logged

            using var cts = TestTimeouts.Cts();
            using var http = ProcessAssert.NewHttpClient();
            var health = await http.GetStringAsync(new Uri(server.Url, "/health"), cts.Token);
            Assert.Contains("\"ok\":true", health, StringComparison.Ordinal);
        }
        finally
        {
            await server.DisposeAsync();
        }

        Assert.False(server.IsRunning);
        ProcessAssert.Gone(pid);
        await server.DisposeAsync(); // idempotent
        await server.StopAsync(); // no-op once disposed
        Assert.Throws<ObjectDisposedException>(() => server.Kill());
        await Assert.ThrowsAsync<ObjectDisposedException>(() => server.RestartAsync());
    }

    [Fact(Timeout = TestTimeouts.TestMs)]
    public async Task Two_servers_run_in_parallel_on_different_ports()
    {
        var servers = await Task.WhenAll(StartAsync(), StartAsync());
        await using var first = servers[0];
        await using var second = servers[1];
        using var cts = TestTimeouts.Cts();

        Assert.NotEqual(first.Port, second.Port);
        Assert.NotEqual(first.ProcessId, second.ProcessId);

        await first.Api.CreateTableAsync("p", "only_in_first", [new DevColumn("x", "text")], cts.Token);
        Assert.Equal(1, (await first.Api.GetTablesAsync("p", cts.Token)).GetArrayLength());
        Assert.Equal(0, (await second.Api.GetTablesAsync("p", cts.Token)).GetArrayLength());
    }

    [Fact(Timeout = TestTimeouts.TestMs)]
    public async Task Kill_then_restart_comes_back_on_the_same_port()
    {
        await using var server = await StartAsync();
        using var cts = TestTimeouts.Cts();
        var port = server.Port;
        var url = server.Url;
        var firstPid = server.ProcessId;
        await server.Api.CreateTableAsync("p", "t", [new DevColumn("x", "text")], cts.Token);

        // An open socket.io connection leaves the port with live/TIME_WAIT connections when the server dies.
        await using (var client = await RawSocketIoClient.ConnectAsync(server.Url, server.DefaultApiKey, cts.Token))
        {
            server.Kill();
        }

        Assert.False(server.IsRunning);
        ProcessAssert.Gone(firstPid);
        await Assert.ThrowsAsync<HttpRequestException>(() => server.Api.GetTablesAsync("p", cts.Token));

        await server.RestartAsync(cts.Token);
        Assert.True(server.IsRunning);
        Assert.Equal(port, server.Port);
        Assert.Equal(url, server.Url);
        Assert.NotEqual(firstPid, server.ProcessId);
        // In memory by default: the restarted server starts empty.
        Assert.Equal(0, (await server.Api.GetTablesAsync("p", cts.Token)).GetArrayLength());

        // Restarting a running server kills it first.
        var secondPid = server.ProcessId;
        await server.RestartAsync(cts.Token);
        ProcessAssert.Gone(secondPid);
        Assert.Equal(port, server.Port);
        Assert.Equal(0, (await server.Api.GetTablesAsync("p", cts.Token)).GetArrayLength());
    }

    [Fact(Timeout = TestTimeouts.TestMs)]
    public async Task A_database_file_survives_kill_and_restart()
    {
        var dbDir = Directory.CreateTempSubdirectory("skaftin-devserver-db-");
        try
        {
            await using (var server = await StartAsync(new SkaftinDevServerOptions { DatabasePath = Path.Combine(dbDir.FullName, "dev.db") }))
            {
                using var cts = TestTimeouts.Cts();
                await server.Api.CreateTableAsync("p", "kept", [new DevColumn("v", "text")], cts.Token);
                await server.Api.InsertAsync("p", "kept", new { v = "still here" }, cts.Token);
                server.Kill();
                await server.RestartAsync(cts.Token);
                Assert.Contains("still here", await server.Api.GetRowsAsync("p", "kept", cts.Token), StringComparison.Ordinal);
            }
        }
        finally
        {
            dbDir.Delete(recursive: true);
        }
    }

    [Fact(Timeout = TestTimeouts.TestMs)]
    public async Task Freeze_stops_answering_and_resume_continues()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // SIGSTOP/SIGCONT are POSIX only
        }

        var server = await StartAsync();
        var pid = server.ProcessId;
        try
        {
            using var cts = TestTimeouts.Cts();
            await server.Api.GetSocketsAsync(cts.Token);

            server.Freeze();
            await ProcessAssert.LinuxStateAsync(pid, 'T', cts.Token);
            Assert.True(server.IsRunning);
            using (var shortWait = new CancellationTokenSource(TimeSpan.FromSeconds(1)))
            {
                await Assert.ThrowsAnyAsync<OperationCanceledException>(() => server.Api.GetSocketsAsync(shortWait.Token));
            }

            server.Resume();
            Assert.Empty(await server.Api.GetSocketsAsync(cts.Token));

            // Disposing a frozen server resumes it so that it can shut down gracefully.
            server.Freeze();
            await ProcessAssert.LinuxStateAsync(pid, 'T', cts.Token);
            var stopwatch = Stopwatch.StartNew();
            await server.DisposeAsync();
            Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(4), $"dispose of a frozen server took {stopwatch.Elapsed}");
        }
        finally
        {
            await server.DisposeAsync();
        }

        ProcessAssert.Gone(pid);
    }

    [Fact(Timeout = TestTimeouts.TestMs)]
    public async Task Stop_is_graceful_and_restart_works_afterwards()
    {
        await using var server = await StartAsync();
        using var cts = TestTimeouts.Cts();
        var pid = server.ProcessId;
        var stopwatch = Stopwatch.StartNew();
        await server.StopAsync();
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(4), $"graceful stop took {stopwatch.Elapsed}");
        Assert.False(server.IsRunning);
        ProcessAssert.Gone(pid);
        Assert.Throws<InvalidOperationException>(() => server.Freeze());

        await server.RestartAsync(cts.Token);
        Assert.Empty(await server.Api.GetSocketsAsync(cts.Token));
    }

    [Fact(Timeout = TestTimeouts.TestMs)]
    public async Task Fixed_port_is_used_and_a_busy_port_fails_clearly()
    {
        int port;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
        }

        await using var server = await StartAsync(new SkaftinDevServerOptions { Port = port, ApiKeys = ["k1=a,b", "k2=*"] });
        Assert.Equal(port, server.Port);
        Assert.Equal("k1", server.DefaultApiKey);

        var error = await Assert.ThrowsAsync<SkaftinDevServerException>(
            () => StartAsync(new SkaftinDevServerOptions { Port = port, StartTimeout = TimeSpan.FromSeconds(20) }));
        Assert.Contains("exit code 1", error.Message, StringComparison.Ordinal);
        Assert.Contains("cannot listen", error.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = TestTimeouts.TestMs)]
    public async Task Ping_settings_reach_the_server()
    {
        // A 300 ms ping interval means the server pings the raw client quickly; it answers pongs and stays connected.
        await using var server = await StartAsync(new SkaftinDevServerOptions
        {
            PingInterval = TimeSpan.FromMilliseconds(300),
            PingTimeout = TimeSpan.FromMilliseconds(2000),
        });
        using var cts = TestTimeouts.Cts();
        await using var client = await RawSocketIoClient.ConnectAsync(server.Url, server.DefaultApiKey, cts.Token);
        await Task.Delay(1000, cts.Token);
        Assert.True(client.PingsReceived >= 2, $"expected pings every 300 ms, got {client.PingsReceived}");
        Assert.Contains(client.SocketId, await server.Api.GetSocketsAsync(cts.Token));
    }

    [Fact]
    public async Task A_folder_without_server_js_is_refused()
    {
        var dir = Directory.CreateTempSubdirectory("skaftin-devserver-empty-");
        try
        {
            var error = await Assert.ThrowsAsync<SkaftinDevServerException>(
                () => SkaftinDevServer.StartAsync(new SkaftinDevServerOptions { DevServerDirectory = dir.FullName }));
            Assert.Contains("server.js", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact(Timeout = TestTimeouts.TestMs)]
    public async Task A_failing_npm_ci_throws_with_its_output()
    {
        // A folder that looks like the dev server but has no package-lock.json: npm ci refuses at once, offline.
        var dir = Directory.CreateTempSubdirectory("skaftin-devserver-broken-");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(dir.FullName, "package.json"), "{\"name\":\"broken\",\"version\":\"1.0.0\",\"private\":true}");
            await File.WriteAllTextAsync(Path.Combine(dir.FullName, "server.js"), "process.exit(3);");
            var lines = new ConcurrentQueue<string>();
            using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            var error = await Assert.ThrowsAsync<SkaftinDevServerException>(
                () => SkaftinDevServer.StartAsync(new SkaftinDevServerOptions { DevServerDirectory = dir.FullName, Log = lines.Enqueue }, cts.Token));
            Assert.Contains("npm ci", error.Message, StringComparison.Ordinal);
            Assert.Contains("failed with exit code", error.Message, StringComparison.Ordinal);
            Assert.Contains(lines, l => l.StartsWith("npm: ", StringComparison.Ordinal));

            // Once per process: a second start does not run npm again but reports the same failure.
            var before = lines.Count(l => l.Contains("running npm ci", StringComparison.Ordinal));
            await Assert.ThrowsAsync<SkaftinDevServerException>(
                () => SkaftinDevServer.StartAsync(new SkaftinDevServerOptions { DevServerDirectory = dir.FullName, Log = lines.Enqueue }, cts.Token));
            Assert.Equal(before, lines.Count(l => l.Contains("running npm ci", StringComparison.Ordinal)));
        }
        finally
        {
            File.Delete(Skaftin.Realtime.DevServer.Internal.NpmInstaller.LockPathFor(dir.FullName));
            dir.Delete(recursive: true);
        }
    }
}
