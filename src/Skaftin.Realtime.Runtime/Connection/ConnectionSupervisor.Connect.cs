using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace Skaftin.Realtime;

// Connecting: the retry loop, one attempt under the connection lock, joining the rooms, and the waits between attempts.
internal sealed partial class ConnectionSupervisor : IAsyncDisposable
{
    // Connects, retrying as the policy says. Returns null once connected, or why it did not (never throws: this is
    // a stored task that stop awaits).
    private async Task<Exception?> ConnectLoopAsync(ConnectionState phase, RetryReason reason, TimeSpan? firstDelay, CancellationToken run)
    {
        var startedAt = _options.TimeProvider.GetTimestamp();
        var retries = 0;
        Exception? error = null;
        var delay = firstDelay;
        var attemptNow = phase == ConnectionState.Connecting;
        while (true)
        {
            try
            {
                if (!attemptNow)
                {
                    delay ??= _policy.NextRetryDelay(new RetryContext(retries, _options.TimeProvider.GetElapsedTime(startedAt), reason, error));
                    if (delay is not { } wait)
                    {
                        return await GiveUpAsync(phase, retries, error).ConfigureAwait(false);
                    }

                    retries++;
                    SetReconnectAttempt(retries);
                    Log.Reconnecting(_logger, retries, wait.TotalMilliseconds);
                    await DelayOrRetryNowAsync(wait, run).ConfigureAwait(false);
                    delay = null;
                }

                attemptNow = false;

                // The app's token provider runs before the connection lock is taken: stop, dispose and the provider
                // itself may then call into the client, and a provider that never returns cannot hold up a stop.
                var credential = await CredentialAsync(run).ConfigureAwait(false);

                // So is the connection made (the app's ConfigureWebSocket or RealtimeConnector runs here): no app code
                // runs under the connection lock. A loss sets the session to resume before this loop runs.
                var resume = Volatile.Read(ref _resume);
                var socket = _factory(_options.ApiUrl, _options.Transport, credential, resume);
                var locked = false;
                try
                {
                    await _connectionLock.WaitAsync(run).ConfigureAwait(false);
                    locked = true;
                    if (State != phase)
                    {
                        await socket.CloseAsync().ConfigureAwait(false);
                        return new OperationCanceledException("The connection was stopped.");
                    }

                    await ConnectOnceAsync(phase, socket, resume, run).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!locked)
                {
                    await socket.CloseAsync().ConfigureAwait(false);
                    throw;
                }
                finally
                {
                    if (locked)
                    {
                        _connectionLock.Release();
                    }
                }

                return null;
            }
            catch (OperationCanceledException ex) when (run.IsCancellationRequested)
            {
                return ex;
            }
            catch (Exception ex)
            {
                error = ex;
                reason = ex switch
                {
                    SkaftinAuthenticationException => RetryReason.CredentialsRefused,
                    SkaftinConnectionRefusedException { ServerMessage: null } => RetryReason.UnexplainedRefusal,
                    SkaftinConnectionRefusedException or SkaftinRedirectRefusedException => RetryReason.ConnectionRefused,
                    TokenProviderException => RetryReason.TokenProviderFailed,
                    _ => RetryReason.ServerUnreachable,
                };
                if (retries == 0)
                {
                    Log.FirstConnectFailed(_logger, ex.Message); // only a first connection tries before any wait
                }
                else
                {
                    Log.ReconnectFailed(_logger, retries, ex.Message);
                }
                if (phase == ConnectionState.Connecting && !_options.RetryInitialConnection)
                {
                    return await GiveUpAsync(phase, 0, ex).ConfigureAwait(false);
                }

                if (reason != RetryReason.ServerUnreachable)
                {
                    // A refusal or a failing token provider needs the app's attention even while retrying goes on.
                    _pump.PostConnectionFailure(ex);
                }
            }
        }
    }

    private async Task<Exception> GiveUpAsync(ConnectionState phase, int retries, Exception? error)
    {
        var failure = retries == 0 && error is not null
            ? error
            : new SkaftinConnectionException($"Gave up {(phase == ConnectionState.Connecting ? "connecting" : "reconnecting")} after {retries} attempts.", error);
        await _connectionLock.WaitAsync().ConfigureAwait(false);
        try
        {
            if (!TryChangeState(phase, ConnectionState.Disconnected, failure.Message))
            {
                return new OperationCanceledException("The connection was stopped.");
            }

            SetReconnectAttempt(0);
        }
        finally
        {
            _connectionLock.Release();
        }

        // Reported even when a start throws it too: a start may run unawaited (the hosted service's).
        _pump.PostConnectionFailure(failure);
        return failure;
    }

    // Outside the connection lock. The provider's wait is bounded by ConnectTimeout and abandoned when the connection
    // is stopped, whether or not the provider honours the token it is given. A provider that answers at once (a key,
    // a cached token) costs no async state machine and no timed wait: at cold start each one is JIT work.
    private ValueTask<HandshakeCredential?> CredentialAsync(CancellationToken run)
    {
        // No provider and no key: no credential is sent, as a server without keys expects none.
        if (_options.AccessTokenProvider is not { } provider)
        {
            return new ValueTask<HandshakeCredential?>(HandshakeCredential.From(_options.Credential, _options.ApiKey));
        }

        ValueTask<string> pending;
        try
        {
            pending = provider(run);
            if (pending.IsCompletedSuccessfully)
            {
                return new ValueTask<HandshakeCredential?>(HandshakeCredential.From(_options.Credential, pending.Result));
            }
        }
        catch (Exception ex) when (!(ex is OperationCanceledException && run.IsCancellationRequested))
        {
            throw new TokenProviderException(ex);
        }

        return new ValueTask<HandshakeCredential?>(AwaitCredentialAsync(pending, run));
    }

    private async Task<HandshakeCredential?> AwaitCredentialAsync(ValueTask<string> pending, CancellationToken run)
    {
        try
        {
            var token = await pending.AsTask().WaitAsync(_options.ConnectTimeout, _options.TimeProvider, run).ConfigureAwait(false);
            return HandshakeCredential.From(_options.Credential, token);
        }
        catch (TimeoutException ex)
        {
            throw new TokenProviderException(new TimeoutException(
                $"AccessTokenProvider did not return a token within ConnectTimeout ({_options.ConnectTimeout.TotalSeconds:0.#} s).", ex));
        }
        catch (Exception ex) when (!(ex is OperationCanceledException && run.IsCancellationRequested))
        {
            throw new TokenProviderException(ex);
        }
    }

    // Under the connection lock: the attempt's socket accepted, its rooms joined, then Connected.
    private async Task ConnectOnceAsync(ConnectionState phase, ISocketConnection socket, SessionResume? resume, CancellationToken run)
    {
        var accepted = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        socket.Connected += () => accepted.TrySetResult(true);
        socket.ConnectError += refusal => accepted.TrySetException(RefusalError(refusal));
        var closed = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        socket.Disconnected += disconnect =>
        {
            accepted.TrySetException(new SkaftinConnectionException($"The connection closed before it was accepted: {disconnect.Description}"));
            closed.TrySetResult(true);
            OnSocketClosed(socket, disconnect.Description, disconnect.Reason == DisconnectReason.ServerDisconnect ? null : RetryReason.ConnectionLost);
        };
        socket.Heartbeat += () => Touch(socket);
        socket.EventReceived += (name, payload) => OnEvent(socket, name, payload);
        socket.LocalDelivery += work => OnLocalDelivery(socket, work);
        socket.FrameRejected += _pump.PostFrameRejected;
        socket.ReceiveIdle += _pump.OnReceiveIdle;
        Volatile.Write(ref _socket, socket);
        try
        {
            var starting = socket.StartAsync(run);
            _ = starting.ContinueWith(
                // A failure the connection already explained (a refused redirect or certificate, neither transport
                // connecting) goes to the app as itself.
                static (t, state) => ((TaskCompletionSource<bool>)state!).TrySetException(t.Exception!.InnerException is SkaftinConnectionException explained
                    ? explained
                    : new SkaftinConnectionException("The connection failed to start.", t.Exception!.GetBaseException())),
                accepted,
                CancellationToken.None,
                TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
            await accepted.Task.WaitAsync(_options.ConnectTimeout, _options.TimeProvider, run).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // Nothing half-made survives a failed or abandoned attempt.
            Volatile.Write(ref _socket, null);
            await socket.CloseAsync().ConfigureAwait(false);
            if (ex is TimeoutException)
            {
                throw new SkaftinConnectionException($"Could not connect to {_options.ApiUrl} within {_options.ConnectTimeout.TotalSeconds:0.#} s.", ex);
            }

            throw;
        }

        // A recovered session keeps its socket id and rooms, and the server replays what was missed.
        var recovered = resume is not null && _lostSocketId is not null && socket.Id == _lostSocketId;
        var resync = _everConnected && !recovered;
        _everConnected = true;
        Volatile.Write(ref _recovered, recovered ? 1 : 0);
        SetReconnectAttempt(0);
        ArmWatchdog(socket.AnnouncedHeartbeat ?? _options.HeartbeatTimeout);
        Touch(socket);
        Log.Connected(_logger, _options.ApiUrl, socket.Id);
        if (phase == ConnectionState.Reconnecting)
        {
            _pump.Router.Metrics.Reconnects.Add(1);
        }

        // Self-check: the client says it is live only once every held room is joined on this socket (or its failure
        // reported), so Connected never stands for a socket that is not in its rooms.
        await JoinRoomsAsync(socket, recovered, closed.Task, run).ConfigureAwait(false);
        TryChangeState(phase, ConnectionState.Connected, phase == ConnectionState.Connecting ? null : recovered ? "recovered" : "reconnected");
        if (resync)
        {
            // In order with the events: handlers see the signal after everything received before it.
            _pump.PostResync(new ResyncRequired(ResyncReason.ConnectionRestored, null, null, _options.TimeProvider.GetUtcNow()));
        }
    }

    // Under the connection lock. A socket that closes (or a start that is cancelled) while its rooms are being joined
    // is an attempt that failed: nothing of it stays open, and the connect loop decides what comes next.
    private async Task JoinRoomsAsync(ISocketConnection socket, bool recovered, Task closed, CancellationToken run)
    {
        try
        {
            var joins = _rooms.AttachAsync(socket, recovered, run);
            if (joins.Status == TaskStatus.RanToCompletion)
            {
                return; // no room to join (a first connection): nothing to race against the socket closing
            }

            if (await Task.WhenAny(joins, closed).ConfigureAwait(false) != joins)
            {
                throw new SkaftinConnectionException("The connection closed while its rooms were being joined.");
            }

            await joins.ConfigureAwait(false);
        }
        catch
        {
            _rooms.Detach(socket);
            Volatile.Write(ref _socket, null);
            await socket.CloseAsync().ConfigureAwait(false);
            throw;
        }
    }

    // Each kind of refusal is its own typed error, so the retry policy (through RetryContext.Reason) and OnError tell a
    // refused credential from any other refusal; what happens next is the policy's decision.
    private static Exception RefusalError(ConnectRefusal refusal) => refusal.Kind switch
    {
        ConnectRefusalKind.Authentication => new SkaftinAuthenticationException(refusal.Message),
        ConnectRefusalKind.Unknown => new SkaftinConnectionRefusedException(null),
        _ => new SkaftinConnectionRefusedException(refusal.Message),
    };

    // The wait between two attempts, which ReconnectAsync ends early (then the next wait is the policy's again).
    private async Task DelayOrRetryNowAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        var retryNow = Volatile.Read(ref _retryNow);
        if (!retryNow.Task.IsCompleted)
        {
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var delayed = DelayAsync(delay, wait.Token);
            if (await Task.WhenAny(delayed, retryNow.Task).ConfigureAwait(false) == delayed)
            {
                await delayed.ConfigureAwait(false); // throws when the run was cancelled
                return;
            }

            wait.Cancel();
            cancellationToken.ThrowIfCancellationRequested();
        }

        Interlocked.CompareExchange(ref _retryNow, NewRetryNow(), retryNow);
    }

    private Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken) =>
#if NET8_0_OR_GREATER
        Task.Delay(delay, _options.TimeProvider, cancellationToken);
#else
        _options.TimeProvider.Delay(delay, cancellationToken);
#endif
}
