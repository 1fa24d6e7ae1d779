#if NET
using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.WebSockets;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;

namespace Skaftin.Realtime;

/// <summary>
/// The HTTP handler that opens the websocket when it receives on its own threads (<see cref="SkaftinWebSocket"/>):
/// the connection is a <see cref="BlockingSocketStream"/>, and what the app set through
/// <see cref="SkaftinRealtimeOptions.ConfigureWebSocket"/> that belongs to the HTTP connection (certificate check,
/// client certificates, proxy, credentials, cookies) moves from the websocket's options to the handler, as
/// <see cref="ClientWebSocket"/> does itself when it makes its own handler. Request headers, keep-alive, buffers and
/// subprotocols stay on the websocket's options.
/// </summary>
internal static class WebSocketHttpSettings
{
    /// <summary>
    /// Whether this websocket can open over its own connection: not in a browser (its websocket is the browser's),
    /// and over HTTP/1.1 only (with HTTP/2 the connection is shared and read by the HTTP stack's own loop).
    /// </summary>
    public static bool CanReceiveOnOwnThreads(ClientWebSocketOptions options) =>
        !OperatingSystem.IsBrowser()
        && !OperatingSystem.IsWasi()
        && options.HttpVersion == HttpVersion.Version11
        && options.HttpVersionPolicy == HttpVersionPolicy.RequestVersionOrLower;

    public static HttpMessageInvoker CreateInvoker(ClientWebSocketOptions options, Func<DnsEndPoint, CancellationToken, ValueTask<Stream>> connect)
    {
        var handler = new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.Zero,
            UseCookies = false,
            // No redirect is followed: one to another origin would carry the credential header there.
            AllowAutoRedirect = false,
            ConnectCallback = (context, cancellationToken) => connect(context.DnsEndPoint, cancellationToken),
        };

        if (options.Proxy is null)
        {
            handler.UseProxy = false;
        }
        else if (PollingHttpSettings.IsAppProxy(options.Proxy))
        {
            handler.Proxy = options.Proxy;
            options.Proxy = null;
        }

        if (options.Credentials is { } credentials)
        {
            handler.Credentials = credentials;
            options.Credentials = null;
        }

        if (options.UseDefaultCredentials)
        {
            handler.Credentials = CredentialCache.DefaultCredentials;
            options.UseDefaultCredentials = false;
        }

        if (options.Cookies is { } cookies)
        {
            handler.CookieContainer = cookies;
            handler.UseCookies = true;
            options.Cookies = null;
        }

        if (options.ClientCertificates.Count > 0)
        {
            handler.SslOptions.ClientCertificates = new X509CertificateCollection(options.ClientCertificates);
            options.ClientCertificates = new X509CertificateCollection();
        }

        if (options.RemoteCertificateValidationCallback is { } validate)
        {
            // A refusal says why (name, dates, issuer) instead of .NET's "rejected by the provided callback".
            var explaining = CertificateRefusal.Explaining(validate, TimeProvider.System);
            handler.SslOptions.RemoteCertificateValidationCallback = (sender, certificate, chain, errors) => explaining(sender, certificate, chain, errors);
            options.RemoteCertificateValidationCallback = null;
        }

        return new HttpMessageInvoker(handler, disposeHandler: true);
    }
}
#endif
