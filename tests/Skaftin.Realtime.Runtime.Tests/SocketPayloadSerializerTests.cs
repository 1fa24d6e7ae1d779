using System;
using System.Collections.Generic;
using System.Text.Json;
using Xunit;

namespace Skaftin.Realtime.Runtime.Tests;

/// <summary>The reflection-free serializer handed to SocketIOClient (what makes trimming and NativeAOT work).</summary>
public sealed class SocketPayloadSerializerTests
{
    [Fact]
    public void WritesTheShapesTheClientSends()
    {
        var result = SocketPayloadSerializer.Instance.Serialize(new object[]
        {
            "join-project", "p\"1", new Dictionary<string, string> { ["token"] = "k" }, 3, true, null!,
        });

        Assert.Equal("[\"join-project\",\"p\\u00221\",{\"token\":\"k\"},3,true,null]", result.Json);
        Assert.Empty(result.Bytes);
    }

    [Fact]
    public void ReadsRawJsonOnly()
    {
        Assert.Equal(JsonValueKind.Object, SocketPayloadSerializer.Instance.Deserialize<JsonElement>("{\"a\":1}").ValueKind);
        Assert.Equal("x", SocketPayloadSerializer.Instance.Deserialize<string>("\"x\""));
        Assert.Throws<NotSupportedException>(() => SocketPayloadSerializer.Instance.Deserialize<Vehicle>("{}"));
        Assert.Throws<NotSupportedException>(() => SocketPayloadSerializer.Instance.Serialize(new object[] { new Uri("http://x") }));
    }
}
