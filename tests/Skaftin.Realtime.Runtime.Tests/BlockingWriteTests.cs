using System;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace Skaftin.Realtime.Runtime.Tests;

/// <summary>
/// The websocket's connection (<see cref="BlockingSocketStream"/>) against a loopback peer that never reads (issue 20,
/// case 1): a write that the peer does not take fails within the send timeout, instead of blocking its thread for ever,
/// and the connection is shut down, so the next write fails at once and a waiting read ends.
/// </summary>
public sealed class BlockingWriteTests
{
    private static readonly TimeSpan SendTimeout = TimeSpan.FromMilliseconds(500);

    [Fact]
    public async Task AWriteThePeerDoesNotTakeFailsAfterTheSendTimeoutAndShutsTheConnection()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var accept = listener.AcceptTcpClientAsync();
        using var stream = await BlockingSocketStream.ConnectAsync(new DnsEndPoint("127.0.0.1", ((IPEndPoint)listener.LocalEndpoint).Port), SendTimeout, CancellationToken.None);
        using var deaf = await accept; // accepted, never read from

        // 64 MiB: far more than the kernel buffers between the two sockets. Off the test's thread, bounded: before the
        // send timeout this write blocked for ever.
        var write = Task.Factory.StartNew(() => stream.Write(new byte[64 * 1024 * 1024]), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        await Task.WhenAny(write, Task.Delay(TimeSpan.FromSeconds(30)));

        Assert.True(write.IsCompleted, "the write was still blocked after 30 s");
        var error = await Assert.ThrowsAsync<IOException>(() => write);
        Assert.Contains("SendTimeout", error.Message);
        Assert.IsType<TimeoutException>(error.InnerException);
        Assert.Throws<IOException>(() => stream.Write(new byte[1]));
        Assert.Equal(0, stream.Read(new byte[1], 0, 1)); // shut down: a read ends instead of waiting
    }
}
