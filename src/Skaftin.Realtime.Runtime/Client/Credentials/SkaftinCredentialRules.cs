using System;
using System.Collections.Generic;
using System.Linq;

namespace Skaftin.Realtime;

/// <summary>
/// What <see cref="SkaftinCredentialOptions"/> may say, part of the settings' rules (<see cref="SkaftinRealtimeOptions"/>): a name the
/// chosen place can carry without breaking the handshake (the recovery's auth fields, Socket.IO's own query parameters,
/// the headers a websocket handshake owns).
/// </summary>
internal static class SkaftinCredentialRules
{
    private static readonly string[] ReservedAuthFields = { "pid", "offset" };
    private static readonly string[] ReservedQueryParameters = { "EIO", "transport", "sid", "t" };
    private static readonly string[] ReservedHeaders = { "Host", "Connection", "Upgrade", "Content-Length", "Transfer-Encoding" };

    public static IEnumerable<string> Check(SkaftinCredentialOptions? credential)
    {
        if (credential is null)
        {
            yield return "Skaftin:Credential must be set (it says where a credential travels; sending none needs no change).";
            yield break;
        }

        if (!Enum.IsDefined(typeof(SkaftinCredentialLocation), credential.Location))
        {
            yield return "Skaftin:Credential:Location must be AuthField, QueryParameter or Header.";
            yield break;
        }

        var name = credential.Name;
        if (string.IsNullOrWhiteSpace(name))
        {
            yield return "Skaftin:Credential:Name must not be empty.";
            yield break;
        }

        var reserved = credential.Location switch
        {
            SkaftinCredentialLocation.AuthField => ReservedAuthFields.Contains(name, StringComparer.Ordinal),
            SkaftinCredentialLocation.QueryParameter => ReservedQueryParameters.Contains(name, StringComparer.Ordinal),
            _ => ReservedHeaders.Contains(name, StringComparer.OrdinalIgnoreCase) || name.StartsWith("Sec-WebSocket-", StringComparison.OrdinalIgnoreCase),
        };
        if (reserved)
        {
            yield return $"Skaftin:Credential:Name '{name}' is Socket.IO's own in a {credential.Location}: choose another name.";
        }

        if (credential.Location == SkaftinCredentialLocation.Header && !name.All(IsTokenChar))
        {
            yield return $"Skaftin:Credential:Name '{name}' is not a valid HTTP header name.";
        }

        if (credential.Prefix is { } prefix && prefix.Any(static c => c is '\r' or '\n'))
        {
            yield return "Skaftin:Credential:Prefix must not hold line breaks.";
        }
    }

    // RFC 9110 token characters: what a header name may be made of.
    private static bool IsTokenChar(char c) =>
        c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9'
        || "!#$%&'*+-.^_`|~".IndexOf(c) >= 0;
}
