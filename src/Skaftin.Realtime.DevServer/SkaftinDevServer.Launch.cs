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
    /// <summary>The server's command-line arguments (after <c>node</c>) for a run on <paramref name="port"/>.</summary>
    internal static IReadOnlyList<string> BuildArguments(Settings settings, int port)
    {
        var arguments = new List<string>
        {
            "server.js",
            "--port",
            port.ToString(CultureInfo.InvariantCulture),
            "--exit-on-stdin-close",
        };
        foreach (var key in settings.KeySpecs)
        {
            arguments.Add("--key");
            arguments.Add(key);
        }

        if (settings.PingInterval is { } interval)
        {
            arguments.Add("--ping-interval");
            arguments.Add(Milliseconds(interval));
        }

        if (settings.PingTimeout is { } timeout)
        {
            arguments.Add("--ping-timeout");
            arguments.Add(Milliseconds(timeout));
        }

        if (settings.Recovery is { } recovery)
        {
            arguments.Add("--recovery");
            arguments.Add(Milliseconds(recovery));
        }

        if (settings.TlsCertificatePath is { } certificate && settings.TlsKeyPath is { } privateKey)
        {
            arguments.Add("--tls-cert");
            arguments.Add(certificate);
            arguments.Add("--tls-key");
            arguments.Add(privateKey);
        }

        if (settings.DatabasePath is { } db)
        {
            arguments.Add("--db");
            arguments.Add(db);
        }

        if (settings.SchemaPath is { } schema)
        {
            arguments.Add("--schema");
            arguments.Add(schema);
        }

        if (settings.Verbose)
        {
            arguments.Add("--verbose");
        }

        AddContractArguments(arguments, settings.Contract);
        return arguments;

        static string Milliseconds(TimeSpan value) =>
            ((long)Math.Round(value.TotalMilliseconds)).ToString(CultureInfo.InvariantCulture);
    }

    private static void AddContractArguments(List<string> arguments, ContractSettings contract)
    {
        if (contract.Contract == DevServerContract.Seed)
        {
            arguments.Add("--contract");
            arguments.Add("seed");
        }

        if (contract.SilentJoins.Count > 0)
        {
            arguments.Add("--silent-joins");
            arguments.Add(string.Join(",", contract.SilentJoins));
        }

        if (contract.JoinAnswerDelay is { } delay)
        {
            arguments.Add("--join-delay-ms");
            arguments.Add(((long)Math.Round(delay.TotalMilliseconds)).ToString(CultureInfo.InvariantCulture));
        }

        if (contract.OmitOldData)
        {
            arguments.Add("--omit-old-data");
        }

        if (contract.ValidateCredential)
        {
            arguments.Add("--validate-credential");
        }

        if (contract.ClockSkew is { } skew)
        {
            arguments.Add("--clock-skew-ms");
            arguments.Add(((long)Math.Round(skew.TotalMilliseconds)).ToString(CultureInfo.InvariantCulture));
        }

        if (contract.CredentialFrom is { } source)
        {
            arguments.Add("--credential-from");
            arguments.Add(source);
        }
    }

    private static async Task<(ServerProcess Process, Uri Url)> LaunchAsync(
        Settings settings, int port, bool waitForPort, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.StartTimeout);
        ServerProcess? process = null;
        try
        {
            while (true)
            {
                if (waitForPort)
                {
                    await WaitUntilPortIsFreeAsync(port, timeout.Token).ConfigureAwait(false);
                }

                process = ServerProcess.Start(settings.Directory, BuildArguments(settings, port), settings.Log);
                try
                {
                    var url = await process.WaitForListeningAsync(timeout.Token).ConfigureAwait(false);
                    if (port != 0 && url.Port != port)
                    {
                        throw new SkaftinDevServerException($"The dev server announced {url}, not the requested port {port}.");
                    }

                    return (process, url);
                }
                catch (SkaftinDevServerException) when (waitForPort && process.ExitCode == 1 && process.StderrContains("cannot listen"))
                {
                    // Someone bound the port between the probe and the listen, or it is not free yet: retry.
                    settings.Log.Write($"skaftin-dev-server-launcher: port {port} still in use; retrying");
                    process.Dispose();
                    process = null;
                    await Task.Delay(TimeSpan.FromMilliseconds(250), timeout.Token).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            var stderr = process?.StderrTail ?? "(no process)";
            process?.Dispose();
            throw new SkaftinDevServerException(
                $"The dev server did not start listening{(port != 0 ? $" on port {port}" : "")} within {settings.StartTimeout}. stderr:{Environment.NewLine}{stderr}");
        }
        catch
        {
            process?.Dispose();
            throw;
        }
    }

    private static async Task WaitUntilPortIsFreeAsync(int port, CancellationToken cancellationToken)
    {
        while (true)
        {
            var listener = new TcpListener(IPAddress.Loopback, port);
            try
            {
                // Node binds with SO_REUSEADDR too, so connections left in TIME_WAIT do not count as "in use".
                listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
                listener.Start();
                return;
            }
            catch (SocketException)
            {
            }
            finally
            {
                listener.Stop();
                listener.Server.Dispose();
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken).ConfigureAwait(false);
        }
    }
}
