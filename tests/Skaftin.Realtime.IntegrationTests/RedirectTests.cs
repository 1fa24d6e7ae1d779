using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Net.Sockets;
using System.Text;
using System.Threading.Tasks;
using Xunit;

namespace Skaftin.Realtime.IntegrationTests;

/// <summary>
/// Issue 20, case 9: with the credential in a custom header, a handshake answered with a redirect to another origin
/// must not carry the key there, on any transport. Two raw loopback HTTP servers: one redirects every request (307,
/// same path and query) to the other, which records every request head it receives.
/// </summary>
public sealed class RedirectTests
{
    [Theory]
    [InlineData(SkaftinTransport.WebSocket)]
    [InlineData(SkaftinTransport.Polling)]
    [InlineData(SkaftinTransport.WebSocketThenPolling)]
    public async Task ACrossOriginRedirectIsRefusedAndTheKeyNeverLeaves(SkaftinTransport transport)
    {
        await using var elsewhere = new RecordingServer();
        await using var redirecting = new RedirectingServer(elsewhere.Url);
        await using var client = new SkaftinRealtimeClient(new SkaftinRealtimeOptions
        {
            ApiUrl = redirecting.Url,
            ApiKey = "secret-key-123",
            Credential = { Location = SkaftinCredentialLocation.Header, Name = "x-api-key" },
            Transport = transport,
            RetryInitialConnection = false,
            ConnectTimeout = TimeSpan.FromSeconds(5),
        });

        var error = await Assert.ThrowsAnyAsync<SkaftinConnectionException>(() => client.StartAsync().WaitAsync(Harness.Deadline));

        Assert.True(redirecting.Requests > 0, "the redirecting server was asked");
        Assert.DoesNotContain(elsewhere.Heads, static head => head.Contains("secret-key-123", StringComparison.Ordinal));
        var refused = Assert.IsType<SkaftinRedirectRefusedException>(error);
        Assert.Equal(elsewhere.Url.Authority, refused.Location!.Authority);
        Assert.Equal(307, refused.StatusCode);
        Assert.Contains(elsewhere.Url.Authority, refused.Message);
    }

    /// <summary>Answers every request with 307 to the same path and query on <c>target</c>.</summary>
    private sealed class RedirectingServer(Uri target) : LoopbackProxy
    {
        private int _requests;

        public int Requests => System.Threading.Volatile.Read(ref _requests);

        protected override async Task ServeAsync(NetworkStream downstream)
        {
            while (await ReadHeadAsync(downstream) is { } head)
            {
                System.Threading.Interlocked.Increment(ref _requests);
                var requestLine = Encoding.ASCII.GetString(head.Span).Split("\r\n")[0];
                var path = requestLine.Split(' ')[1];
                var answer = $"HTTP/1.1 307 Temporary Redirect\r\nLocation: {new Uri(target, path)}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
                await downstream.WriteAsync(Encoding.ASCII.GetBytes(answer), Stop.Token);
                return;
            }
        }
    }

    /// <summary>Records every request head and answers 404.</summary>
    private sealed class RecordingServer : LoopbackProxy
    {
        public ConcurrentQueue<string> Heads { get; } = new();

        protected override async Task ServeAsync(NetworkStream downstream)
        {
            if (await ReadHeadAsync(downstream) is { } head)
            {
                Heads.Enqueue(Encoding.ASCII.GetString(head.Span));
                await downstream.WriteAsync("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"u8.ToArray(), Stop.Token);
            }
        }
    }
}
