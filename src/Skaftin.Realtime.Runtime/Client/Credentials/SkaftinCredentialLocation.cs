namespace Skaftin.Realtime;

/// <summary>Where the handshake carries the credential (<see cref="SkaftinCredentialOptions.Location"/>).</summary>
public enum SkaftinCredentialLocation
{
    /// <summary>A field of the Socket.IO handshake's <c>auth</c> object (what <c>socket.handshake.auth[name]</c> reads on the server). The default.</summary>
    AuthField,

    /// <summary>A query parameter of the connection URL (<c>socket.handshake.query[name]</c>). URLs end up in logs: prefer the others.</summary>
    QueryParameter,

    /// <summary>An HTTP header of the handshake request, on the websocket and the polling transport alike (<c>socket.handshake.headers[name]</c>).</summary>
    Header,
}
