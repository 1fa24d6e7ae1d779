using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace Skaftin.Realtime.IntegrationTests;

/// <summary>Drives samples/LiveVehicles, run as its own process, against the real dev server.</summary>
[Collection("dev server")]
public sealed class LiveVehiclesSampleTests(DevServerFixture fixture)
{
    [Fact]
    public async Task TheLiveViewAndItsEventStreamFollowTheTable()
    {
        var server = fixture.Server;
        var project = "live" + Guid.NewGuid().ToString("N")[..6];
        await Harness.CreateVehiclesAsync(server, project);
        await server.Api.InsertAsync(project, "vehicles", new { registration_number = "before 1", status = "available" });
        await server.Api.InsertAsync(project, "vehicles", new { registration_number = "before 2", status = "in_service" });

        var port = FreePort();
        using var sample = StartSample(server.Url, server.DefaultApiKey, project, port);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) };
        try
        {
            await Harness.UntilAsync(async () => await Status(http, "/health") == HttpStatusCode.OK && await Status(http, "/vehicles") == HttpStatusCode.OK, "the sample is up and loaded", TimeSpan.FromSeconds(60));
            Assert.Equal(new[] { "before 1", "before 2" }, await Registrations(http));

            using var stream = new StreamReader(await new HttpClient { BaseAddress = http.BaseAddress, Timeout = Timeout.InfiniteTimeSpan }.GetStreamAsync("/vehicles/stream"));
            Assert.Equal(": connected", await stream.ReadLineAsync().WaitAsync(Harness.Deadline));

            var inserted = await server.Api.InsertAsync(project, "vehicles", new { registration_number = "live 3", status = "available" });
            var (name, data) = await NextEvent(stream);
            Assert.Equal("insert", name);
            Assert.Contains("\"registrationNumber\":\"live 3\"", data);
            Assert.Equal(new[] { "before 1", "before 2", "live 3" }, await Registrations(http));

            await server.Api.DeleteAsync(project, "vehicles", inserted.GetProperty("id").GetInt64());
            Assert.Equal("delete", (await NextEvent(stream)).Name);
            await Harness.UntilAsync(async () => (await Registrations(http)).Length == 2, "the view drops the deleted row");
        }
        finally
        {
            sample.Kill(entireProcessTree: true);
        }
    }

    // Reads one server-sent event, skipping comments and the blank lines between events.
    private static async Task<(string Name, string Data)> NextEvent(StreamReader stream)
    {
        string? name = null;
        while (true)
        {
            var line = await stream.ReadLineAsync().WaitAsync(Harness.Deadline) ?? throw new EndOfStreamException();
            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                name = line["event: ".Length..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal) && name is not null)
            {
                return (name, line["data: ".Length..]);
            }
        }
    }

    private static Process StartSample(Uri apiUrl, string apiKey, string project, int port)
    {
        var dll = Path.Combine(
            Path.GetDirectoryName(typeof(LiveVehiclesSampleTests).Assembly.Location)!.Replace("tests/Skaftin.Realtime.IntegrationTests", "samples/LiveVehicles", StringComparison.Ordinal),
            "LiveVehicles.dll");
        Assert.True(File.Exists(dll), "the sample was built: " + dll);
        var info = new ProcessStartInfo("dotnet", $"\"{dll}\"")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
                ["Skaftin__ApiUrl"] = apiUrl.ToString(),
                ["Skaftin__ApiKey"] = apiKey,
                ["Skaftin__Projects__0"] = project,
            },
        };
        var process = Process.Start(info)!;
        process.OutputDataReceived += static (_, _) => { };
        process.ErrorDataReceived += static (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task<HttpStatusCode> Status(HttpClient http, string path)
    {
        try
        {
            using var response = await http.GetAsync(path);
            return response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return 0;
        }
    }

    private static async Task<string[]> Registrations(HttpClient http)
    {
        using var document = JsonDocument.Parse(await http.GetStringAsync("/vehicles"));
        var names = new System.Collections.Generic.List<string>();
        foreach (var vehicle in document.RootElement.EnumerateArray())
        {
            names.Add(vehicle.GetProperty("registrationNumber").GetString()!);
        }

        return names.ToArray();
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
