using System;
using System.Collections.Concurrent;
using System.Text;
using System.Threading.Tasks;
using Xunit;

namespace Skaftin.Realtime.Runtime.Tests;

/// <summary>What the client does with frames its connection could not deliver, and with the frame size limit.</summary>
public sealed class ClientFrameTests
{
    private readonly FakeSocketServer _server = new();

    [Fact]
    public void AFrameLimitBelowTheMinimumIsRefused()
    {
        var options = new SkaftinRealtimeOptions();

        Assert.Throws<ArgumentOutOfRangeException>(() => options.MaxFrameBytes = SkaftinRealtimeOptions.MinimumMaxFrameBytes - 1);
        Assert.Equal(SkaftinRealtimeOptions.DefaultMaxFrameBytes, options.MaxFrameBytes);
    }

    [Fact]
    public async Task AFrameTheConnectionRejectsIsReportedOnceWithItsCauseAndTheConnectionStays()
    {
        var errors = new ConcurrentQueue<RealtimeError>();
        await using var client = _server.CreateClient();
        using var e = client.OnError(errors.Enqueue);
        await client.StartAsync();
        var frame = SocketIOFrameReader.Read(Encoding.UTF8.GetBytes("42[\"database-change\",{\"type\":\"insert\",\"tableName\":\"vehicles\",\"x\":\"\\ud800\"}]"), SkaftinRealtimeClient.ServerEvents, offsetsAppended: false);

        _server.Current.Reject(frame.Rejection!);

        // Reported through the dispatch pump, in order with the events around it.
        await Eventually.Until(() => !errors.IsEmpty, "the rejection is reported");
        var error = Assert.Single(errors);
        Assert.Equal(RealtimeErrorKind.DecodeFailed, error.Kind);
        Assert.Equal(("vehicles", "insert"), (error.TableName, error.EventType));
        Assert.Equal("{\"type\":\"insert\",\"tableName\":\"vehicles\",\"x\":\"\\ud800\"}", error.RawText);
        Assert.Equal(FrameErrorKind.InvalidUtf16, Assert.IsType<SkaftinFrameException>(error.Exception).Kind);
        Assert.Equal(ConnectionState.Connected, client.State);
    }
}
