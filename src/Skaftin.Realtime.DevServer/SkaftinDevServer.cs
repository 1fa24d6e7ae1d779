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
public sealed partial class SkaftinDevServer : IAsyncDisposable
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
}
