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

/// <summary>
/// A running instance of the bundled Skaftin dev server (<c>devserver/server.js</c>, Node 20+), for integration
/// tests and samples. Start one with <see cref="StartAsync"/>, talk to it through <see cref="Url"/> (Socket.IO) and
/// <see cref="Api"/> (HTTP), and dispose it to stop it. The server exits by itself when this process dies.
/// </summary>
/// <remarks>
/// The server listens on 127.0.0.1 only and keeps its data in memory unless
/// <see cref="SkaftinDevServerOptions.DatabasePath"/> is set. <see cref="Kill"/>, <see cref="Freeze"/>,
/// <see cref="Resume"/> and <see cref="RestartAsync"/> simulate failures for tests.
/// </remarks>
public sealed class SkaftinDevServer : IAsyncDisposable
{
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(5);

    private readonly Settings _settings;
    private readonly HttpClient _http;
    private readonly SemaphoreSlim _lifecycle = new(1, 1);
    private readonly object _sync = new();
    private ServerProcess _process;
    private bool _frozen;
    private int _disposed;

    private SkaftinDevServer(Settings settings, ServerProcess process, Uri url)
    {
        _settings = settings;
        _process = process;
        Url = url;
        Port = url.Port;
        DefaultApiKey = settings.DefaultApiKey;
        DevServerDirectory = settings.Directory;
        var handler = new SocketsHttpHandler
        {
            UseProxy = false, // loopback only; an HTTP(S)_PROXY from the environment must not interfere
            ConnectTimeout = TimeSpan.FromSeconds(10),
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(15),
        };
        if (settings.TlsCertificatePath is { } certificatePath)
        {
            // The launcher's own API calls trust exactly the certificate it started the server with.
            var expected = System.Security.Cryptography.X509Certificates.X509Certificate2.CreateFromPem(System.IO.File.ReadAllText(certificatePath)).RawData;
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, _) =>
                certificate is not null && certificate.GetRawCertData().AsSpan().SequenceEqual(expected);
        }

        _http = new HttpClient(handler)
        {
            Timeout = TimeSpan.FromSeconds(30),
        };
        Api = new SkaftinDevServerApi(_http, url, DefaultApiKey);
    }

    /// <summary>The server's base URL, <c>http://127.0.0.1:&lt;port&gt;/</c>, for Socket.IO clients and HTTP calls.</summary>
    public Uri Url { get; }

    /// <summary>The port the server listens on; it stays the same across <see cref="RestartAsync"/>.</summary>
    public int Port { get; }

    /// <summary>The first configured API key (by default <c>dev-key</c>), used by <see cref="Api"/>.</summary>
    public string DefaultApiKey { get; }

    /// <summary>The dev server folder that was started.</summary>
    public string DevServerDirectory { get; }

    /// <summary>The current node process's id; it changes on <see cref="RestartAsync"/>.</summary>
    public int ProcessId
    {
        get
        {
            lock (_sync)
            {
                return _process.Id;
            }
        }
    }

    /// <summary>Whether the node process is alive (a frozen process counts as running).</summary>
    public bool IsRunning
    {
        get
        {
            lock (_sync)
            {
                return !_process.HasExited;
            }
        }
    }

    /// <summary>A client for the server's HTTP API that authenticates with <see cref="DefaultApiKey"/>.</summary>
    public SkaftinDevServerApi Api { get; }

    /// <summary>
    /// Starts a dev server: installs its npm packages first when they are missing (<c>npm ci</c>, once per process,
    /// never concurrently with another process), then runs <c>node server.js</c> and waits for its LISTENING line.
    /// </summary>
    /// <param name="options">How to start it; null for the defaults (any free port, key <c>dev-key=*</c>).</param>
    /// <param name="cancellationToken">Cancels the start; a half-started server is killed.</param>
    /// <returns>The running server. Dispose it to stop it.</returns>
    /// <exception cref="SkaftinDevServerException">
    /// The dev server folder was not found, node or npm is missing, <c>npm ci</c> failed, the server exited early (for
    /// example because a fixed <see cref="SkaftinDevServerOptions.Port"/> is in use) or did not listen in time.
    /// </exception>
    public static async Task<SkaftinDevServer> StartAsync(SkaftinDevServerOptions? options = null, CancellationToken cancellationToken = default)
    {
        var settings = Settings.From(options ?? new SkaftinDevServerOptions());
        await NpmInstaller.EnsureInstalledAsync(settings.Directory, settings.Log, cancellationToken).ConfigureAwait(false);
        var (process, url) = await LaunchAsync(settings, settings.Port, waitForPort: false, cancellationToken).ConfigureAwait(false);
        return new SkaftinDevServer(settings, process, url);
    }

    /// <summary>A client for the HTTP API that authenticates with another key (for example to test 401 and 403).</summary>
    /// <param name="apiKey">The key to send as <c>x-api-key</c>.</param>
    /// <returns>A client sharing this server's connection pool; it stops working when the server is disposed.</returns>
    public SkaftinDevServerApi CreateApi(string apiKey)
    {
        ArgumentNullException.ThrowIfNull(apiKey);
        ThrowIfDisposed();
        return new SkaftinDevServerApi(_http, Url, apiKey);
    }

    /// <summary>Kills the server abruptly (SIGKILL: no goodbye to clients) and waits until it has exited.</summary>
    public void Kill()
    {
        ThrowIfDisposed();
        lock (_sync)
        {
            _process.Kill();
            _frozen = false;
        }

        Log($"killed pid {ProcessId}");
    }

    /// <summary>
    /// Stops the server process (SIGSTOP): it keeps its sockets open but answers nothing, like a hung server.
    /// Undo with <see cref="Resume"/>. POSIX only.
    /// </summary>
    /// <exception cref="PlatformNotSupportedException">On Windows.</exception>
    /// <exception cref="InvalidOperationException">The server is not running.</exception>
    public void Freeze()
    {
        ThrowIfDisposed();
        lock (_sync)
        {
            EnsureRunning();
            Signals.Send(_process.Id, Signals.SigStop, "STOP");
            _frozen = true;
        }
    }

    /// <summary>Continues a server stopped by <see cref="Freeze"/> (SIGCONT). POSIX only.</summary>
    /// <exception cref="PlatformNotSupportedException">On Windows.</exception>
    /// <exception cref="InvalidOperationException">The server is not running.</exception>
    public void Resume()
    {
        ThrowIfDisposed();
        lock (_sync)
        {
            EnsureRunning();
            Signals.Send(_process.Id, Signals.SigCont, "CONT");
            _frozen = false;
        }
    }

    /// <summary>
    /// Starts the server again on the same <see cref="Port"/>, typically after <see cref="Kill"/> or
    /// <see cref="StopAsync"/>; a server that is still running is killed first. Waits until the port can be bound
    /// again and retries while it is in use, for at most <see cref="SkaftinDevServerOptions.StartTimeout"/>.
    /// Without <see cref="SkaftinDevServerOptions.DatabasePath"/> the restarted server starts with no tables.
    /// </summary>
    /// <param name="cancellationToken">Cancels the restart.</param>
    /// <returns>A task that completes once the server is listening again.</returns>
    /// <exception cref="SkaftinDevServerException">The server could not listen on the port again in time.</exception>
    public async Task RestartAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        await _lifecycle.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ThrowIfDisposed();
            ServerProcess old;
            lock (_sync)
            {
                old = _process;
                old.Kill();
                _frozen = false;
            }

            await old.DrainAsync().ConfigureAwait(false);
            var (process, url) = await LaunchAsync(_settings, Port, waitForPort: true, cancellationToken).ConfigureAwait(false);
            if (url.Port != Port)
            {
                process.Dispose();
                throw new SkaftinDevServerException($"The restarted dev server listens on {url} instead of port {Port}.");
            }

            lock (_sync)
            {
                _process = process;
            }

            old.Dispose();
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    /// <summary>
    /// Stops the server gracefully: resumes it if frozen, closes its stdin and sends SIGTERM, waits up to 5 seconds,
    /// then kills it. It can be started again with <see cref="RestartAsync"/>.
    /// </summary>
    /// <returns>A task that completes once the process has exited.</returns>
    public async Task StopAsync()
    {
        if (Volatile.Read(ref _disposed) != 0)
        {
            return;
        }

        await _lifecycle.WaitAsync().ConfigureAwait(false);
        try
        {
            await StopCoreAsync().ConfigureAwait(false);
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    /// <summary>Stops the server (as <see cref="StopAsync"/>) and releases its resources. Safe to call more than once.</summary>
    /// <returns>A task that completes once the process has exited.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _lifecycle.WaitAsync().ConfigureAwait(false);
        try
        {
            await StopCoreAsync().ConfigureAwait(false);
            lock (_sync)
            {
                _process.Dispose();
            }

            _http.Dispose();
        }
        finally
        {
            _lifecycle.Release();
        }
    }

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

    private async Task StopCoreAsync()
    {
        ServerProcess process;
        lock (_sync)
        {
            process = _process;
            if (_frozen && !process.HasExited)
            {
                try
                {
                    Signals.Send(process.Id, Signals.SigCont, "CONT");
                }
                catch (SkaftinDevServerException)
                {
                }
            }

            _frozen = false;
        }

        await process.StopAsync(StopGrace).ConfigureAwait(false);
    }

    private void EnsureRunning()
    {
        if (_process.HasExited)
        {
            throw new InvalidOperationException("The dev server is not running.");
        }
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);

    private void Log(string message) => _settings.Log.Write("skaftin-dev-server-launcher: " + message);

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
