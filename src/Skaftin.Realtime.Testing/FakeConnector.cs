namespace Skaftin.Realtime.Testing;

/// <summary>Opens the client's connection attempts to a <see cref="FakeSkaftinServer"/>, through the client's public <see cref="RealtimeConnector"/> seam.</summary>
internal sealed class FakeConnector(FakeSkaftinServer server) : RealtimeConnector
{
    public override RealtimeConnection CreateConnection(RealtimeConnectionContext context) => new FakeConnection(server);
}
