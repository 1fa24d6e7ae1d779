using System;
using System.Collections.Generic;
using SocketIOClient;

namespace Skaftin.Realtime;

/// <summary>
/// One connection attempt's credential, where <see cref="SkaftinCredentialOptions"/> says it goes: an auth field, a
/// query parameter, or a header that both of SocketIOClient's transports send (the websocket through
/// <c>IClientWebSocket.AddHeader</c>, polling through its <c>HttpClient</c>'s default headers).
/// </summary>
internal sealed record HandshakeCredential(SkaftinCredentialLocation Location, string Name, string Value)
{
    /// <summary>The credential to send, or null when there is none (no provider and no key, or an empty one).</summary>
    public static HandshakeCredential? From(SkaftinCredentialOptions options, string? credential) =>
        string.IsNullOrEmpty(credential) ? null : new(options.Location, options.Name, (options.Prefix ?? "") + credential);

    /// <summary>Puts the credential into the handshake's <paramref name="auth"/> object, query or headers.</summary>
    public void ApplyTo(SocketIOOptions options, IDictionary<string, string> auth)
    {
        switch (Location)
        {
            case SkaftinCredentialLocation.QueryParameter:
                // SocketIOClient appends query values to the URL as they are: escape them here.
                options.Query = new[] { new KeyValuePair<string, string>(Name, Uri.EscapeDataString(Value)) };
                break;
            case SkaftinCredentialLocation.Header:
                options.ExtraHeaders = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { [Name] = Value };
                break;
            default:
                auth[Name] = Value;
                break;
        }
    }

    /// <summary>Where the credential goes, never the credential itself (records print every member).</summary>
    public override string ToString() => $"{Location} '{Name}'";
}
