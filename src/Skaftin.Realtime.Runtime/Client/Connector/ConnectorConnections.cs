using System;

namespace Skaftin.Realtime;

/// <summary>Turns a <see cref="RealtimeConnector"/> into the client's connection factory, each connection tied to the client.</summary>
internal sealed class ConnectorConnections(RealtimeConnector connector)
{
    /// <summary>The router of the client the connections belong to; set once the client is built, before it starts.</summary>
    public SkaftinEventRouter? Router { get; set; }

    public ISocketConnection Create(Uri url, SkaftinTransport transport, HandshakeCredential? credential, SessionResume? resume)
    {
        var connection = connector.CreateConnection(new RealtimeConnectionContext(url, credential?.Location, credential?.Name, credential?.Value))
            ?? throw new InvalidOperationException($"{connector.GetType().Name}.CreateConnection returned null: it must return a new connection.");
        connection.Attach(Router ?? throw new InvalidOperationException("The client is not built yet."));
        return connection;
    }
}
