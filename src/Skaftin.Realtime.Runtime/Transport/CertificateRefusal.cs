using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace Skaftin.Realtime;

/// <summary>
/// The app's certificate check (<see cref="SkaftinRealtimeOptions.ConfigureWebSocket"/>, such as
/// <see cref="SkaftinTls.TrustAuthority"/>) refused the server's certificate. .NET only says "rejected by the provided
/// callback"; the SDK wraps the check so that a refusal says what was wrong: the name, the validity dates, or the
/// issuer. <see cref="SocketIOConnection"/> surfaces it as a <see cref="SkaftinConnectionException"/> with this message.
/// </summary>
internal sealed class CertificateRefusal : AuthenticationException
{
    private CertificateRefusal(string message)
        : base(message)
    {
    }

    /// <summary>The app's check, made to throw a <see cref="CertificateRefusal"/> saying why instead of returning false.</summary>
    public static Func<object, X509Certificate?, X509Chain?, SslPolicyErrors, bool> Explaining(RemoteCertificateValidationCallback validate, TimeProvider clock) =>
        (sender, certificate, chain, errors) =>
            validate(sender, certificate, chain, errors) ? true : throw new CertificateRefusal(Explain(certificate, chain, errors, clock.GetUtcNow()));

    /// <summary>Why a certificate may have been refused: each of name, dates and issuer that is wrong.</summary>
    public static string Explain(X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors, DateTimeOffset now)
    {
        if (certificate is null || (errors & SslPolicyErrors.RemoteCertificateNotAvailable) != 0)
        {
            return "The server's certificate was refused: the server sent none.";
        }

        using var server = new X509Certificate2(certificate);
        var reasons = new List<string>();
        if ((errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0)
        {
            reasons.Add($"its name does not match the host (it names {Names(server)})");
        }

        if (now > server.NotAfter.ToUniversalTime())
        {
            reasons.Add($"it expired on {server.NotAfter.ToUniversalTime().ToString("u", CultureInfo.InvariantCulture)}");
        }
        else if (now < server.NotBefore.ToUniversalTime())
        {
            reasons.Add($"it is not valid before {server.NotBefore.ToUniversalTime().ToString("u", CultureInfo.InvariantCulture)}");
        }

        if ((errors & SslPolicyErrors.RemoteCertificateChainErrors) != 0 && chain is not null)
        {
            var flags = X509ChainStatusFlags.NoError;
            foreach (var status in chain.ChainStatus)
            {
                flags |= status.Status;
            }

            flags &= ~(X509ChainStatusFlags.NotTimeValid | X509ChainStatusFlags.NotTimeNested); // said above, from the dates
            if (flags != X509ChainStatusFlags.NoError)
            {
                var root = chain.ChainElements.Count > 0 ? chain.ChainElements[chain.ChainElements.Count - 1].Certificate.Subject : server.Issuer;
                reasons.Add($"its issuer is not trusted (issued by {server.Issuer}, chain ending at {root}: {flags})");
            }
        }

        return reasons.Count == 0
            ? $"The server's certificate ({server.Subject}) was refused by the certificate check ({errors}): the check's own rule refused it."
            : $"The server's certificate ({server.Subject}) was refused: {string.Join("; ", reasons)}.";
    }

    private static string Names(X509Certificate2 certificate)
    {
        var names = certificate.GetNameInfo(X509NameType.DnsName, forIssuer: false);
        foreach (var extension in certificate.Extensions)
        {
            if (extension.Oid?.Value == "2.5.29.17")
            {
                return extension.Format(multiLine: false);
            }
        }

        return string.IsNullOrEmpty(names) ? certificate.Subject : names;
    }
}
