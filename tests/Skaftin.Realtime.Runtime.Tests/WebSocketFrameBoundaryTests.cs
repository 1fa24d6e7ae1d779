using System;
using System.Linq;
using System.Text;
using Xunit;

namespace Skaftin.Realtime.Runtime.Tests;

/// <summary>
/// <see cref="WebSocketFrameBoundary"/> says "at a frame boundary" only when every byte received so far belongs to a
/// whole frame: after the HTTP upgrade answer, across receives split anywhere, for every payload length form; and
/// it turns itself off for anything it does not expect (TLS, a proxy's answer first, a masked or reserved frame).
/// </summary>
public sealed class WebSocketFrameBoundaryTests
{
    private static readonly byte[] Upgrade = Encoding.ASCII.GetBytes("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n");

    [Fact]
    public void NotAtABoundaryUntilTheUpgradeAnswerHasEnded()
    {
        var frames = new WebSocketFrameBoundary();
        frames.Observe(Upgrade.AsSpan(0, Upgrade.Length - 1));
        Assert.False(frames.AtBoundary);

        frames.Observe(Upgrade.AsSpan(Upgrade.Length - 1));
        Assert.True(frames.AtBoundary);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(125)]
    [InlineData(126)]
    [InlineData(65535)]
    [InlineData(65536)]
    [InlineData(200_000)]
    public void EveryLengthFormEndsAtTheFramesLastByteHoweverTheReceivesSplitIt(int length)
    {
        var frame = TextFrame(length);
        foreach (var split in new[] { 1, 2, 3, 4, 9, 10, 11, frame.Length - 1 }.Where(s => s > 0 && s < frame.Length))
        {
            var frames = Opened();
            frames.Observe(frame.AsSpan(0, split));
            Assert.False(frames.AtBoundary, $"{length}-byte payload, first {split} bytes");
            frames.Observe(frame.AsSpan(split));
            Assert.True(frames.AtBoundary, $"{length}-byte payload split after {split} bytes");
        }
    }

    [Fact]
    public void SeveralFramesInOneReceiveAndTheHeadTogetherWithTheFirst()
    {
        var frames = new WebSocketFrameBoundary();
        var all = Upgrade.Concat(TextFrame(3)).Concat(TextFrame(300)).Concat(TextFrame(1)).ToArray();
        frames.Observe(all.AsSpan(0, all.Length - 1));
        Assert.False(frames.AtBoundary);
        frames.Observe(all.AsSpan(all.Length - 1));
        Assert.True(frames.AtBoundary);
    }

    [Fact]
    public void AFragmentedMessageIsNoBoundaryUntilItsFinalFragment()
    {
        var frames = Opened();
        frames.Observe([0x01, 0x01, (byte)'a']); // text, not final
        Assert.False(frames.AtBoundary);
        frames.Observe([0x89, 0x00]); // a ping between fragments
        Assert.False(frames.AtBoundary);
        frames.Observe([0x80, 0x01, (byte)'b']); // final continuation
        Assert.True(frames.AtBoundary);
    }

    [Theory]
    [InlineData(new byte[] { 0x16, 0x03, 0x03 })] // a TLS record: the bytes are not frames
    [InlineData(new byte[] { (byte)'X' })]
    public void AStreamThatDoesNotStartWithAnHttpAnswerTurnsItOff(byte[] start)
    {
        var frames = new WebSocketFrameBoundary();
        frames.Observe(start);
        frames.Observe(Upgrade);
        frames.Observe(TextFrame(1));
        Assert.True(frames.IsOff);
        Assert.False(frames.AtBoundary);
    }

    [Fact]
    public void AProxysAnswerBeforeTheUpgradeTurnsItOff()
    {
        var frames = new WebSocketFrameBoundary();
        frames.Observe(Encoding.ASCII.GetBytes("HTTP/1.1 200 Connection established\r\n\r\n"));
        frames.Observe(Upgrade);
        Assert.True(frames.IsOff);
        Assert.False(frames.AtBoundary);
    }

    [Theory]
    [InlineData(new byte[] { 0x81, 0x81, 1, 2, 3, 4, 5 })] // masked: a server never masks
    [InlineData(new byte[] { 0xC1, 0x01, 5 })] // reserved bit (a compressed frame): no extension was agreed here
    [InlineData(new byte[] { 0x83, 0x00 })] // reserved opcode
    [InlineData(new byte[] { 0x80, 0x00 })] // continuation with no message open
    [InlineData(new byte[] { 0x09, 0x00 })] // a fragmented ping
    public void AFrameItDoesNotExpectTurnsItOff(byte[] frame)
    {
        var frames = Opened();
        frames.Observe(frame);
        frames.Observe(TextFrame(1));
        Assert.True(frames.IsOff);
        Assert.False(frames.AtBoundary);
    }

    private static WebSocketFrameBoundary Opened()
    {
        var frames = new WebSocketFrameBoundary();
        frames.Observe(Upgrade);
        Assert.True(frames.AtBoundary);
        return frames;
    }

    // A server's final, unmasked text frame of the given payload length.
    internal static byte[] TextFrame(int length)
    {
        var header = length switch
        {
            < 126 => new byte[] { 0x81, (byte)length },
            <= ushort.MaxValue => [0x81, 126, (byte)(length >> 8), (byte)length],
            _ => [0x81, 127, 0, 0, 0, 0, (byte)(length >> 24), (byte)(length >> 16), (byte)(length >> 8), (byte)length],
        };
        return header.Concat(Enumerable.Repeat((byte)'x', length)).ToArray();
    }
}
