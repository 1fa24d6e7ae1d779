using System;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Skaftin.Realtime;

/// <summary>
/// TLS helpers for servers whose certificate is issued by a private certificate authority (a company CA, or one made
/// for local development), without trusting that CA machine-wide.
/// </summary>
public static class SkaftinTls
{
    /// <summary>
    /// A certificate check that accepts the server's certificate when it is valid for the host and chains to
    /// <paramref name="authority"/>; everything else the system would reject stays rejected. Use it as
    /// <c>options.ConfigureWebSocket = ws =&gt; ws.RemoteCertificateValidationCallback = SkaftinTls.TrustAuthority(ca);</c>
    /// </summary>
    /// <param name="authority">The private CA's certificate (public part only).</param>
    /// <returns>The callback.</returns>
    public static RemoteCertificateValidationCallback TrustAuthority(X509Certificate2 authority)
    {
        if (authority is null)
        {
            throw new ArgumentNullException(nameof(authority));
        }

        return (_, certificate, _, errors) =>
        {
            if (errors == SslPolicyErrors.None)
            {
                return true;
            }

            // A name mismatch or a missing certificate is never forgiven; only the unknown root may be ours.
            if (certificate is null || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != SslPolicyErrors.None)
            {
                return false;
            }

            using var chain = new X509Chain();
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            chain.ChainPolicy.ExtraStore.Add(authority);
            chain.ChainPolicy.VerificationFlags = X509VerificationFlags.AllowUnknownCertificateAuthority;
            using var server = new X509Certificate2(certificate);
            if (!chain.Build(server))
            {
                return false;
            }

            // The chain may only be "untrusted" because its root is our authority, nothing else.
            foreach (var status in chain.ChainStatus)
            {
                if (status.Status != X509ChainStatusFlags.UntrustedRoot && status.Status != X509ChainStatusFlags.NoError)
                {
                    return false;
                }
            }

            var root = chain.ChainElements[chain.ChainElements.Count - 1].Certificate;
            return root.RawData.AsSpan().SequenceEqual(authority.RawData);
        };
    }
}
