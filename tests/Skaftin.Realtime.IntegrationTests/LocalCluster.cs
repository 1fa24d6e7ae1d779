using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Skaftin.Realtime.DevServer;
using Xunit;

namespace Skaftin.Realtime.IntegrationTests;

/// <summary>
/// A two-node dev-server cluster behind nginx, on loopback, started by eng/cluster/start-cluster.sh (which stops it
/// when the test runner goes) and stopped by eng/cluster/stop-cluster.sh.
/// </summary>
internal sealed class LocalCluster : IAsyncDisposable
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(15) };
    private readonly Dictionary<string, string> _values;

    private LocalCluster(Dictionary<string, string> values) => _values = values;

    /// <summary>The load balancer's URL.</summary>
    public Uri Balancer => new(_values["CLUSTER_LB"]);

    /// <summary>A value the start script printed (<c>CLUSTER_NODE_A_PID</c>, ...).</summary>
    public string this[string key] => _values[key];

    /// <summary>Starts a cluster; <paramref name="arguments"/> go to start-cluster.sh (e.g. <c>--clock-skew-b -3600000</c>).</summary>
    public static async Task<LocalCluster> StartAsync(string arguments = "")
    {
        var script = Path.Combine(RepositoryRoot(), "eng", "cluster", "start-cluster.sh");
        var output = await Run("bash", $"\"{script}\" --owner-pid {Environment.ProcessId} {arguments}", TimeSpan.FromMinutes(5));
        var values = output.Split('\n')
            .Select(static line => line.Trim())
            .Where(static line => line.StartsWith("CLUSTER_", StringComparison.Ordinal) && line.Contains('='))
            .ToDictionary(static line => line[..line.IndexOf('=')], static line => line[(line.IndexOf('=') + 1)..]);
        Assert.Equal("1", values.GetValueOrDefault("CLUSTER_READY"));
        return new LocalCluster(values);
    }

    /// <summary>The HTTP API of node <c>A</c> or <c>B</c>.</summary>
    public SkaftinDevServerApi Node(string name) => new(_http, new Uri(_values[$"CLUSTER_NODE_{name}"]), "dev-key");

    public async ValueTask DisposeAsync()
    {
        if (_values.TryGetValue("CLUSTER_DIR", out var directory))
        {
            await Run("bash", $"\"{Path.Combine(RepositoryRoot(), "eng", "cluster", "stop-cluster.sh")}\" \"{directory}\"", TimeSpan.FromMinutes(1));
        }

        _http.Dispose();
    }

    private static async Task<string> Run(string fileName, string arguments, TimeSpan timeout)
    {
        using var process = Process.Start(new ProcessStartInfo(fileName, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(timeout);
        Assert.True(process.ExitCode == 0, $"{fileName} {arguments} exited {process.ExitCode}: {await errors}");
        return await output;
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Skaftin.Generators.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException("Skaftin.Generators.sln");
    }
}
