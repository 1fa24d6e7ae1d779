using System;
using Xunit;

namespace Skaftin.Realtime.Runtime.Tests;

public sealed class SocketIOReasonsTests
{
    [Theory]
    [InlineData("io server disconnect", "ServerDisconnect")]
    [InlineData("io client disconnect", "ClientClose")]
    [InlineData("transport close", "TransportClosed")]
    [InlineData("transport error", "TransportError")]
    [InlineData("ping timeout", "PingTimeout")]
    [InlineData("parse error", "Unknown")]
    [InlineData("IO SERVER DISCONNECT", "Unknown")]
    [InlineData("", "Unknown")]
    [InlineData(null, "Unknown")]
    public void EachLibraryReasonMapsToItsType(string? reason, string expected)
    {
        var disconnect = SocketIOReasons.Disconnect(reason);

        Assert.Equal(Enum.Parse<DisconnectReason>(expected), disconnect.Reason);
        Assert.False(string.IsNullOrEmpty(disconnect.Description));
    }

    [Theory]
    [InlineData("invalid api key", "Authentication")]
    [InlineData("Authentication error", "Authentication")]
    [InlineData("Unauthorized", "Authentication")]
    [InlineData("jwt expired", "Authentication")]
    [InlineData("Token missing", "Authentication")]
    [InlineData("Access denied", "Authentication")]
    [InlineData("rate limit exceeded", "Middleware")]
    [InlineData("origin not allowed", "Middleware")]
    [InlineData("server is shutting down", "Middleware")]
    [InlineData("Invalid namespace", "Namespace")]
    [InlineData("", "Unknown")]
    [InlineData("   ", "Unknown")]
    [InlineData(null, "Unknown")]
    public void EachConnectErrorIsClassified(string? message, string expected)
    {
        var refusal = SocketIOReasons.Refusal(message);

        Assert.Equal(Enum.Parse<ConnectRefusalKind>(expected), refusal.Kind);
        Assert.False(string.IsNullOrWhiteSpace(refusal.Message));
        if (!string.IsNullOrWhiteSpace(message))
        {
            Assert.Equal(message, refusal.Message);
        }
    }
}
