using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using Skaftin.Realtime.DevServer;
using Xunit;

namespace Skaftin.Realtime.UiTests;

/// <summary>samples/LiveDashboard run as its own process against a dev server the test owns, on a free loopback port.</summary>
internal sealed class SampleApp : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _log = new();

    private SampleApp(Process process, Uri url)
    {
        _process = process;
        Url = url;
    }

    /// <summary>Where the app listens.</summary>
    public Uri Url { get; }

    /// <summary>Everything the app printed so far, for a failing test's output.</summary>
    public string Log => string.Join(Environment.NewLine, _log);

    /// <summary>Starts the app and waits until it listens (or fails with what it printed).</summary>
    /// <param name="server">The dev server the app shows.</param>
    /// <param name="project">The project it shows.</param>
    /// <param name="settings">More configuration, as environment variables (<c>Skaftin__Reconnect__MaxAttempts</c>).</param>
    public static async Task<SampleApp> StartAsync(SkaftinDevServer server, string project, IReadOnlyDictionary<string, string>? settings = null)
    {
        var dll = Path.Combine(
            Path.GetDirectoryName(typeof(SampleApp).Assembly.Location)!.Replace("tests/Skaftin.Realtime.UiTests", "samples/LiveDashboard", StringComparison.Ordinal),
            "LiveDashboard.dll");
        Assert.True(File.Exists(dll), "the sample was built: " + dll);
        var url = new Uri($"http://127.0.0.1:{FreePort()}/");
        var info = new ProcessStartInfo("dotnet", $"\"{dll}\" --urls {url}")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                // Development serves the framework's script (blazor.web.js) from the build output.
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["Skaftin__ApiUrl"] = server.Url.ToString(),
                ["Skaftin__ApiKey"] = server.DefaultApiKey,
                ["Skaftin__Reconnect__InitialDelay"] = "00:00:00.100",
                ["Skaftin__Reconnect__MaxDelay"] = "00:00:01",
                ["LiveDashboard__Project"] = project,
            },
        };
        foreach (var (name, value) in settings ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var app = new SampleApp(process, url);
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            app._log.Enqueue(e.Data);
            if (e.Data.Contains("Now listening on", StringComparison.Ordinal))
            {
                listening.TrySetResult();
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                app._log.Enqueue(e.Data);
            }
        };
        process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException("The sample exited before it listened:" + Environment.NewLine + app.Log));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await listening.Task.WaitAsync(StartTimeout);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return app;
    }

    /// <summary>Kills the app.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
