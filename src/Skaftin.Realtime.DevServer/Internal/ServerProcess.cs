using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Skaftin.Realtime.DevServer.Internal;

/// <summary>One run of <c>node server.js</c>: its process, its output pumps and its LISTENING line.</summary>
internal sealed class ServerProcess : IDisposable
{
    internal const string ListeningPrefix = "SKAFTIN_DEV_SERVER_LISTENING ";

    private readonly Process _process;
    private readonly SafeLog _log;
    private readonly LineTail _stderr = new(40);
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _stderrPump;
    private readonly Task _stdoutPump;

    private ServerProcess(Process process, SafeLog log)
    {
        _process = process;
        _log = log;
        Id = process.Id;
        _stderrPump = Task.Run(PumpStderrAsync);
        _stdoutPump = Task.Run(PumpStdoutAsync);
    }

    public int Id { get; }

    public bool HasExited
    {
        get
        {
            try
            {
                return _process.HasExited;
            }
            catch (InvalidOperationException)
            {
                return true;
            }
        }
    }

    /// <summary>The exit code once the process has exited; otherwise null.</summary>
    public int? ExitCode => HasExited ? _process.ExitCode : null;

    /// <summary>The last lines the server wrote to stderr.</summary>
    public string StderrTail => _stderr.ToString();

    public bool StderrContains(string text) => _stderr.Contains(text);

    public static ServerProcess Start(string directory, IReadOnlyList<string> arguments, SafeLog log)
    {
        var startInfo = new ProcessStartInfo(OperatingSystem.IsWindows() ? "node.exe" : "node")
        {
            WorkingDirectory = directory,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        // Keys come only from the options: an inherited SKAFTIN_DEV_KEYS would add others.
        startInfo.Environment.Remove("SKAFTIN_DEV_KEYS");

        var process = new Process { StartInfo = startInfo };
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            process.Dispose();
            throw new SkaftinDevServerException("Could not run node to start the dev server: install Node.js 20+ and put it on PATH.", e);
        }

        log.Write($"skaftin-dev-server-launcher: started node (pid {process.Id}) {string.Join(' ', RedactKeys(arguments))}");
        return new ServerProcess(process, log);
    }

    /// <summary>Waits for the LISTENING line; throws <see cref="SkaftinDevServerException"/> if the process exits first.</summary>
    public Task<Uri> WaitForListeningAsync(CancellationToken cancellationToken) => _listening.Task.WaitAsync(cancellationToken);

    /// <summary>SIGKILL (TerminateProcess on Windows), then waits for the exit.</summary>
    public void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: false);
            }

            _process.WaitForExit(10_000);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        catch (Win32Exception)
        {
            // Exited between the check and the kill.
        }
    }

    /// <summary>Closes stdin and sends SIGTERM; kills the process if it has not exited within <paramref name="grace"/>.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        if (!HasExited)
        {
            try
            {
                _process.StandardInput.Close(); // --exit-on-stdin-close
            }
            catch (IOException)
            {
            }
            catch (InvalidOperationException)
            {
            }

            if (!OperatingSystem.IsWindows())
            {
                try
                {
                    Signals.Send(Id, Signals.SigTerm, "TERM");
                }
                catch (SkaftinDevServerException)
                {
                    // Exited meanwhile: nothing to stop.
                }
            }

            using var timeout = new CancellationTokenSource(grace);
            try
            {
                await _process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                _log.Write($"skaftin-dev-server-launcher: pid {Id} did not exit within {grace}; killing it");
                Kill();
            }
            catch (InvalidOperationException)
            {
            }
        }

        await DrainAsync().ConfigureAwait(false);
    }

    /// <summary>Waits (briefly) until the output pumps have seen the end of the streams.</summary>
    public async Task DrainAsync()
    {
        try
        {
            await Task.WhenAll(_stdoutPump, _stderrPump).WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
        }
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    internal static bool TryParseListening(string line, out Uri url)
    {
        url = null!;
        if (!line.StartsWith(ListeningPrefix, StringComparison.Ordinal))
        {
            return false;
        }

        if (!Uri.TryCreate(line.Substring(ListeningPrefix.Length).Trim(), UriKind.Absolute, out var parsed)
            || (parsed.Scheme != Uri.UriSchemeHttp && parsed.Scheme != Uri.UriSchemeHttps)
            || parsed.Port <= 0)
        {
            return false;
        }

        url = parsed;
        return true;
    }

    private static IEnumerable<string> RedactKeys(IReadOnlyList<string> arguments)
    {
        for (var i = 0; i < arguments.Count; i++)
        {
            yield return i > 0 && arguments[i - 1] == "--key" ? "***" : arguments[i];
        }
    }

    private async Task PumpStdoutAsync()
    {
        try
        {
            var reader = _process.StandardOutput;
            string? line;
            while ((line = await reader.ReadLineAsync().ConfigureAwait(false)) is not null)
            {
                if (!_listening.Task.IsCompleted && TryParseListening(line, out var url))
                {
                    _listening.TrySetResult(url);
                }

                _log.Write(line);
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException)
        {
            // The process object was disposed.
        }

        await ReportExitAsync().ConfigureAwait(false);
    }

    private async Task PumpStderrAsync()
    {
        try
        {
            var reader = _process.StandardError;
            string? line;
            while ((line = await reader.ReadLineAsync().ConfigureAwait(false)) is not null)
            {
                _stderr.Add(line);
                _log.Write(line);
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException)
        {
        }
    }

    private async Task ReportExitAsync()
    {
        if (_listening.Task.IsCompleted)
        {
            return;
        }

        // stdout closed before the LISTENING line: the process is exiting. Collect its stderr and exit code.
        string exit;
        try
        {
            await _stderrPump.WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
            exit = $"exit code {_process.ExitCode}";
        }
        catch (Exception e) when (e is TimeoutException or InvalidOperationException)
        {
            exit = "unknown exit code";
        }

        _listening.TrySetException(new SkaftinDevServerException(
            $"The dev server (pid {Id}) exited ({exit}) before it was listening. stderr:{Environment.NewLine}{_stderr}"));
    }
}
