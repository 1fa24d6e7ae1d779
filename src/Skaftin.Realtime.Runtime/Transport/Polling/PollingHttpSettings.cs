using System;
using System.Net;
using System.Net.Http;
using System.Net.WebSockets;

namespace Skaftin.Realtime;

/// <summary>
/// The long-polling transport's HTTP handler, configured from <see cref="SkaftinRealtimeOptions.ConfigureWebSocket"/>,
/// so one setting serves both transports: the app's adjustments are applied to a websocket's options that never
/// connects, and what HTTP requests also have is carried over: the certificate check (a private CA through
/// <see cref="SkaftinTls.TrustAuthority"/>), client certificates, proxy, credentials and cookies. Request headers set
/// there cannot be read back, so they stay the websocket's own.
/// </summary>
internal static class PollingHttpSettings
{
    public static HttpClientHandler CreateHandler(Action<ClientWebSocketOptions>? configureWebSocket)
    {
        // No redirect is followed: one to another origin would carry the credential header there (.NET strips only
        // Authorization). PollingFrameHandler turns a redirect into SkaftinRedirectRefusedException.
        var handler = new HttpClientHandler { AllowAutoRedirect = false };
        if (configureWebSocket is null)
        {
            return handler;
        }

        using var probe = new ClientWebSocket();
        var options = probe.Options;
        configureWebSocket(options);
        if (options.Proxy is { } proxy && IsAppProxy(proxy))
        {
            handler.Proxy = proxy;
            handler.UseProxy = true;
        }

        if (options.Credentials is { } credentials)
        {
            handler.Credentials = credentials;
        }

        handler.UseDefaultCredentials = options.UseDefaultCredentials;
        if (options.Cookies is { } cookies)
        {
            handler.CookieContainer = cookies;
            handler.UseCookies = true;
        }

        if (options.ClientCertificates.Count > 0)
        {
            handler.ClientCertificateOptions = ClientCertificateOption.Manual;
            handler.ClientCertificates.AddRange(options.ClientCertificates);
        }

#if NET8_0_OR_GREATER
        if (options.RemoteCertificateValidationCallback is { } validate)
        {
            // A refusal says why (name, dates, issuer) instead of .NET's "rejected by the provided callback".
            var explaining = CertificateRefusal.Explaining(validate, TimeProvider.System);
            handler.ServerCertificateCustomValidationCallback = (request, certificate, chain, errors) => explaining(request, certificate, chain, errors);
        }
#endif

        return handler;
    }

    /// <summary>
    /// Whether a websocket's proxy is one the app set. Its default is a stand-in for "the system's proxy" that HTTP
    /// handlers cannot use (their own default is the system's proxy too), so only an app's proxy is carried over.
    /// </summary>
    public static bool IsAppProxy(IWebProxy proxy)
    {
        using var pristine = new ClientWebSocket();
        return !ReferenceEquals(proxy, pristine.Options.Proxy);
    }
}
