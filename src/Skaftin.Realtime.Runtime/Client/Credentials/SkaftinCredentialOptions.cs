namespace Skaftin.Realtime;

/// <summary>
/// How the credential (<see cref="SkaftinRealtimeOptions.AccessTokenProvider"/> or <see cref="SkaftinRealtimeOptions.ApiKey"/>)
/// travels in the handshake: a field of the <c>auth</c> object (default <c>auth.token</c>), a query parameter, or a
/// header. With neither a provider nor a key, no credential is sent at all, as the seed's client does.
/// </summary>
public sealed class SkaftinCredentialOptions
{
    /// <summary>Where the credential goes. Default <see cref="SkaftinCredentialLocation.AuthField"/>.</summary>
    public SkaftinCredentialLocation Location { get; set; } = SkaftinCredentialLocation.AuthField;

    /// <summary>
    /// The auth field, query parameter or header name. Default <c>token</c>. Not <c>pid</c> or <c>offset</c> for an auth
    /// field (the session recovery's), not a Socket.IO query parameter (<c>EIO</c>, <c>transport</c>, <c>sid</c>, <c>t</c>),
    /// and a header the websocket may carry (not <c>Host</c>, <c>Connection</c>, <c>Upgrade</c> or <c>Sec-WebSocket-*</c>).
    /// </summary>
    public string Name { get; set; } = "token";

    /// <summary>Text sent before the credential, for example <c>"Bearer "</c> in an <c>Authorization</c> header. Default none.</summary>
    public string? Prefix { get; set; }
}
