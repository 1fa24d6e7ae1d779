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

        await client.StartAsync();
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

        await Assert.ThrowsAnyAsync<SkaftinConnectionException>(() => client.StartAsync());
        Assert.Empty(await server.Api.GetSocketsAsync());
    }

    /// <summary>
    /// Issue 20, case 9: a certificate refused by <see cref="SkaftinTls.TrustAuthority"/> says which was wrong: the
    /// name, the dates or the issuer (not .NET's "rejected by the provided callback"). The certificates are made here.
    /// </summary>
    [Theory]
    [InlineData("name", "its name does not match the host")]
    [InlineData("expiry", "it expired on")]
    [InlineData("issuer", "its issuer is not trusted")]
    public async Task ARefusedCertificateSaysWhetherTheNameTheExpiryOrTheIssuerWasWrong(string wrong, string expected)
    {
        var now = DateTimeOffset.UtcNow;
        using var caKey = System.Security.Cryptography.RSA.Create(2048);
        var caRequest = new CertificateRequest("CN=Skaftin-Case9-CA", caKey, System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        using var ca = caRequest.CreateSelfSigned(now.AddDays(-30), now.AddDays(30));
        using var otherCaKey = System.Security.Cryptography.RSA.Create(2048);
        using var otherCa = new CertificateRequest("CN=Skaftin-Other-CA", otherCaKey, System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(now.AddDays(-30), now.AddDays(30));

        using var serverKey = System.Security.Cryptography.RSA.Create(2048);
        var serverRequest = new CertificateRequest("CN=skaftin-server", serverKey, System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        if (wrong == "name")
        {
            names.AddDnsName("elsewhere.example");
        }
        else
        {
            names.AddIpAddress(System.Net.IPAddress.Loopback);
        }

        serverRequest.CertificateExtensions.Add(names.Build());
        serverRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        var (notBefore, notAfter) = wrong == "expiry" ? (now.AddDays(-20), now.AddDays(-10)) : (now.AddDays(-1), now.AddDays(1));
        using var server = serverRequest.Create(ca, notBefore, notAfter, new byte[] { 9, 1, 2, 3 });
        var certificatePath = Path.Combine(_directory, wrong + ".crt");
        var keyPath = Path.Combine(_directory, wrong + ".key");
        await File.WriteAllTextAsync(certificatePath, server.ExportCertificatePem());
        await File.WriteAllTextAsync(keyPath, serverKey.ExportPkcs8PrivateKeyPem());
        await using var backend = await SkaftinDevServer.StartAsync(new SkaftinDevServerOptions { TlsCertificatePath = certificatePath, TlsKeyPath = keyPath });
        var trusted = wrong == "issuer" ? otherCa : ca;
        using var authority = X509Certificate2.CreateFromPem(trusted.ExportCertificatePem());
        await using var client = Harness.Client(backend, configure: o =>
        {
            o.ConnectTimeout = TimeSpan.FromSeconds(5);
            o.RetryInitialConnection = false;
            o.ConfigureWebSocket = ws => ws.RemoteCertificateValidationCallback = SkaftinTls.TrustAuthority(authority);
        });

        var error = await Assert.ThrowsAnyAsync<SkaftinConnectionException>(() => client.StartAsync());

        Assert.Contains(expected, error.Message);
        Assert.DoesNotContain("provided", error.Message);
        Assert.Empty(await backend.Api.GetSocketsAsync());
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
