using System;

namespace Skaftin.Realtime;

/// <summary>What the client connects with, for a <see cref="RealtimeConnector"/>: the server and the credential.</summary>
public sealed class RealtimeConnectionContext
{
    internal RealtimeConnectionContext(Uri url, SkaftinCredentialLocation? credentialLocation, string? credentialName, string? credential)
    {
        Url = url;
        CredentialLocation = credentialLocation;
        CredentialName = credentialName;
        Credential = credential;
    }

    /// <summary>The server's URL (<see cref="SkaftinRealtimeOptions.ApiUrl"/>).</summary>
    public Uri Url { get; }

    /// <summary>Where the credential goes (<see cref="SkaftinCredentialOptions.Location"/>); null when none is sent.</summary>
    public SkaftinCredentialLocation? CredentialLocation { get; }

    /// <summary>The credential's field, parameter or header name; null when none is sent.</summary>
    public string? CredentialName { get; }

    /// <summary>The credential for this attempt (the API key or the token provider's token, with its prefix); null when none is sent.</summary>
    public string? Credential { get; }
}
