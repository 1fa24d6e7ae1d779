using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Skaftin.Realtime.DevServer.Internal;

namespace Skaftin.Realtime.DevServer;

public sealed partial class SkaftinDevServer : IAsyncDisposable
{
    /// <summary>A validated snapshot of the options, reused by restarts.</summary>
    internal sealed record Settings(
        string Directory,
        int Port,
        IReadOnlyList<string> KeySpecs,
        string DefaultApiKey,
        TimeSpan? PingInterval,
        TimeSpan? PingTimeout,
        string? DatabasePath,
        string? SchemaPath,
        TimeSpan? Recovery,
        string? TlsCertificatePath,
        string? TlsKeyPath,
        TimeSpan StartTimeout,
        bool Verbose,
        ContractSettings Contract,
        SafeLog Log)
    {
        public static Settings From(SkaftinDevServerOptions options)
        {
            if (options.Port is < 0 or > 65535)
            {
                throw new ArgumentOutOfRangeException(nameof(options), options.Port, "Port must be between 0 and 65535.");
            }

            if (options.StartTimeout <= TimeSpan.Zero)
            {
                throw new ArgumentOutOfRangeException(nameof(options), options.StartTimeout, "StartTimeout must be positive.");
            }

            CheckNonNegative(options.PingInterval, nameof(options.PingInterval));
            CheckNonNegative(options.PingTimeout, nameof(options.PingTimeout));

            var specs = new List<string>();
            foreach (var spec in options.ApiKeys ?? (IList<string>)Array.Empty<string>())
            {
                if (string.IsNullOrWhiteSpace(spec) || KeyOf(spec).Length == 0)
                {
                    throw new ArgumentException($"Invalid API key spec '{spec}': expected KEY=PROJECT1,PROJECT2 or KEY=*.", nameof(options));
                }

                specs.Add(spec.Trim());
            }

            if (specs.Count == 0)
            {
                specs.Add(SkaftinDevServerOptions.DefaultKeySpec);
            }

            return new Settings(
                DevServerLocator.Resolve(options.DevServerDirectory),
                options.Port,
                specs,
                KeyOf(specs[0]),
                options.PingInterval,
                options.PingTimeout,
                options.DatabasePath is null or ":memory:" ? options.DatabasePath : System.IO.Path.GetFullPath(options.DatabasePath),
                options.SchemaPath is null ? null : System.IO.Path.GetFullPath(options.SchemaPath),
                options.Recovery,
                options.TlsCertificatePath is null ? null : System.IO.Path.GetFullPath(options.TlsCertificatePath),
                options.TlsKeyPath is null ? null : System.IO.Path.GetFullPath(options.TlsKeyPath),
                options.StartTimeout,
                options.Verbose,
                ContractSettings.From(options),
                new SafeLog(options.Log));
        }

        /// <summary>The key of a <c>KEY=PROJECTS</c> spec (a spec without <c>=</c> is a key granting everything).</summary>
        internal static string KeyOf(string spec)
        {
            var eq = spec.IndexOf('=', StringComparison.Ordinal);
            return (eq < 0 ? spec : spec.Substring(0, eq)).Trim();
        }

        private static void CheckNonNegative(TimeSpan? value, string name)
        {
            if (value is { } v && v < TimeSpan.Zero)
            {
                throw new ArgumentOutOfRangeException(name, v, "Must not be negative.");
            }
        }
    }
}
