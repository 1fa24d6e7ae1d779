using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;
using Skaftin.Realtime.DevServer;
using Xunit;

namespace Skaftin.Realtime.IntegrationTests;

/// <summary>wss:// against the dev server with a certificate from a private CA the test makes with openssl.</summary>
public sealed class TlsTests : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "skaftin-tls-" + Guid.NewGuid().ToString("N")[..8]);

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        await OpenSsl("req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=Skaftin-Test-CA -keyout ca.key -out ca.crt");
        await OpenSsl("req -newkey rsa:2048 -nodes -subj /CN=127.0.0.1 -keyout server.key -out server.csr");
        await File.WriteAllTextAsync(Path.Combine(_directory, "san.ext"), "subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\n");
        await OpenSsl("x509 -req -in server.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 2 -extfile san.ext -out server.crt");
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_directory, recursive: true);
        return Task.CompletedTask;
    }

    [Theory]
    [InlineData(SkaftinTransport.WebSocket, "websocket")]
    [InlineData(SkaftinTransport.Polling, "polling")]
    public async Task TypedEventsArriveOverTlsWhenThePrivateCaIsTrusted(SkaftinTransport transport, string seen)
    {
        await using var server = await StartAsync();
        Assert.Equal("https", server.Url.Scheme);
        await Harness.CreateVehiclesAsync(server, "p1");
        var authority = X509Certificate2.CreateFromPem(await File.ReadAllTextAsync(Path.Combine(_directory, "ca.crt")));
        await using var client = Harness.Client(server, configure: o =>
        {
            o.Transport = transport;
            o.RetryInitialConnection = false; // a failure is the test's answer, not something to retry
            o.ConfigureWebSocket = ws => ws.RemoteCertificateValidationCallback = SkaftinTls.TrustAuthority(authority);
        });
        var inserted = new BlockingCollection<(Vehicle Row, string? Thread)>();
        using var a = client.Vehicles().OnInserted(v => inserted.Add((v, Thread.CurrentThread.Name)));

        await client.ConnectAsync();
        await using var membership = await client.JoinProjectAsync("p1");
        await server.Api.InsertAsync("p1", "vehicles", new { registration_number = "over tls", status = "available" });
        Assert.Equal("over tls", (await inserted.Next()).Row.RegistrationNumber);
        Assert.Equal(seen, await server.Api.GetSocketTransportAsync(client.SocketId!));

        // Over TLS too the websocket receives on its own thread and hands the run over there when its next read
        // (SslStream's, a zero-byte one first) has to wait. (The first event may meet the join's state-change drain.)
        await server.Api.InsertAsync("p1", "vehicles", new { registration_number = "second", status = "available" });
        var (second, thread) = await inserted.Next();
        Assert.Equal("second", second.RegistrationNumber);
        if (transport == SkaftinTransport.WebSocket)
        {
            Assert.Equal("Skaftin receive", thread);
        }
    }

    // By default the client falls back to long-polling when the websocket cannot open: that is refused too.
    [Fact]
    public async Task AnUntrustedCertificateIsRefused()
    {
        await using var server = await StartAsync();
        var stranger = X509Certificate2.CreateFromPem(await File.ReadAllTextAsync(Path.Combine(_directory, "server.crt")));
        await using var client = Harness.Client(server, configure: o =>
        {
            o.ConnectTimeout = TimeSpan.FromSeconds(3);
            o.RetryInitialConnection = false;
            o.ConfigureWebSocket = ws => ws.RemoteCertificateValidationCallback = SkaftinTls.TrustAuthority(stranger);
        });

        await Assert.ThrowsAnyAsync<SkaftinConnectionException>(() => client.ConnectAsync());
        Assert.Empty(await server.Api.GetSocketsAsync());
    }

    private Task<SkaftinDevServer> StartAsync() => SkaftinDevServer.StartAsync(new SkaftinDevServerOptions
    {
        TlsCertificatePath = Path.Combine(_directory, "server.crt"),
        TlsKeyPath = Path.Combine(_directory, "server.key"),
    });

    private async Task OpenSsl(string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo("openssl", arguments)
        {
            WorkingDirectory = _directory,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        })!;
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(process.ExitCode == 0, "openssl " + arguments + ": " + await errors);
    }
}
