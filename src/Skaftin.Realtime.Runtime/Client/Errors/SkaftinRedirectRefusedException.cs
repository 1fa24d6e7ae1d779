using System;

namespace Skaftin.Realtime;

/// <summary>
/// The server (or a proxy) answered the connection with a redirect, which the SDK does not follow: on its connection
/// the credential travels in a header, the handshake's auth or the query, and a redirect to another address would
/// carry it there (.NET strips only <c>Authorization</c> on a cross-origin redirect). Point
/// <see cref="SkaftinRealtimeOptions.ApiUrl"/> at the address that answers.
/// </summary>
public sealed class SkaftinRedirectRefusedException : SkaftinConnectionException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="statusCode">The redirect's HTTP status (301, 302, 303, 307, 308...).</param>
    /// <param name="location">Where the redirect pointed, or null when it named no place.</param>
    /// <param name="requestUri">The address that answered with the redirect.</param>
    public SkaftinRedirectRefusedException(int statusCode, Uri? location, Uri requestUri)
        : base(Describe(statusCode, location, requestUri))
    {
        StatusCode = statusCode;
        Location = location is null ? null : WithoutQuery(location);
    }

    /// <summary>The redirect's HTTP status.</summary>
    public int StatusCode { get; }

    /// <summary>Where the redirect pointed, without its query (which may echo a credential); null when it named no place.</summary>
    public Uri? Location { get; }

    /// <summary>Whether the redirect pointed to another origin (scheme, host or port) than the address asked.</summary>
    /// <param name="location">The redirect's target.</param>
    /// <param name="requestUri">The address asked.</param>
    /// <returns>True for another origin.</returns>
    internal static bool IsCrossOrigin(Uri location, Uri requestUri) =>
        Uri.Compare(location, requestUri, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) != 0;

    private static string Describe(int statusCode, Uri? location, Uri requestUri)
    {
        var asked = WithoutQuery(requestUri);
        if (location is null)
        {
            return $"{asked} answered {statusCode} (a redirect naming no place); the SDK follows no redirect on its connection. Point ApiUrl at the address that answers.";
        }

        var target = WithoutQuery(location);
        var where = IsCrossOrigin(location, requestUri) ? "to another origin" : "on the same origin";
        return $"{asked} answered {statusCode}, a redirect {where}: {target}. The SDK follows no redirect on its connection, so the credential is never sent to another address. Point ApiUrl at the address that answers.";
    }

    private static Uri WithoutQuery(Uri uri) => uri.IsAbsoluteUri ? new Uri(uri.GetLeftPart(UriPartial.Path)) : uri;
}
