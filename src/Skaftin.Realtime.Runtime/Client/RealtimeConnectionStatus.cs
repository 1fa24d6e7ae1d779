using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Threading;
using System.Threading.Tasks;

namespace Skaftin.Realtime;

/// <summary>
/// A bindable view of a <see cref="SkaftinRealtimeClient"/>'s connection for one subscriber (a window, a page, a
/// Blazor circuit): its <see cref="State"/>, <see cref="ReconnectAttempt"/>, <see cref="SocketId"/>,
/// <see cref="LastError"/> and the <see cref="Reason"/> of the last move, each raising
/// <see cref="PropertyChanged"/> on the subscriber's own <see cref="SynchronizationContext"/>, so several circuits
/// (each with its context) can show one client. Create one per subscriber with
/// <see cref="SkaftinRealtimeClient.CreateConnectionStatus"/> and dispose it with the subscriber.
/// </summary>
/// <remarks>
/// The values are the client's own, read on the subscriber's context after each change the client makes: a burst of
/// changes may be shown as one, but the last value shown is always the client's current one, and a property is raised
/// only when its value changed. Values and notifications change only on the context (without one, on a
/// thread-pool thread). A <see cref="PropertyChanged"/> handler that throws is reported through
/// <see cref="SkaftinRealtimeClient.OnError"/> (<see cref="RealtimeErrorKind.HandlerFailed"/>, event name
/// <c>connection-status</c>) and the other handlers still run.
/// </remarks>
public sealed class RealtimeConnectionStatus : INotifyPropertyChanged, IDisposable
{
    private static readonly SendOrPostCallback RefreshCallback = static state => ((RealtimeConnectionStatus)state!).Refresh();

    private readonly SkaftinRealtimeClient _client;
    private readonly SynchronizationContext _context;
    private readonly object _gate = new();
    private readonly Action<ConnectionStateChange> _stateChanged;
    private readonly Action _attemptChanged;
    private readonly IDisposable _errors;
    private int _refreshQueued;
    private bool _disposed;

    // What the pump told, in order with each other (under _gate): the last move's reason and the last failure.
    private string? _toldReason;
    private Exception? _toldError;

    // What the subscriber has been shown (changed only by Refresh).
    private ConnectionState _state;
    private int _reconnectAttempt;
    private string? _socketId;
    private string? _reason;
    private Exception? _lastError;

    internal RealtimeConnectionStatus(SkaftinRealtimeClient client, SynchronizationContext? context)
    {
        _client = client;
        _context = context ?? new SynchronizationContext(); // the thread pool's
        _state = client.State;
        _reconnectAttempt = client.ReconnectAttempt;
        _socketId = client.SocketId;
        _stateChanged = OnStateChanged;
        _attemptChanged = Schedule;
        client.StateChanged += _stateChanged;
        client.ReconnectAttemptChanged += _attemptChanged;
        _errors = client.OnError(OnError);

        // A change between the reads above and the subscriptions is shown by this first refresh.
        Schedule();
    }

    /// <summary>Raised on the subscriber's context when a property's value changed.</summary>
    public event PropertyChangedEventHandler? PropertyChanged;

    /// <summary>Where the connection stands.</summary>
    public ConnectionState State => _state;

    /// <summary>Whether <see cref="State"/> is <see cref="ConnectionState.Connected"/>.</summary>
    public bool IsConnected => _state == ConnectionState.Connected;

    /// <summary>The retry in progress (of a reconnect, or of a first connection), or 0.</summary>
    public int ReconnectAttempt => _reconnectAttempt;

    /// <summary>The socket id the server assigned, while connected; otherwise null.</summary>
    public string? SocketId => _socketId;

    /// <summary>Why the state last changed, when the client said (<c>heartbeat timeout</c>, <c>Gave up reconnecting after 5 attempts.</c>), else null.</summary>
    public string? Reason => _reason;

    /// <summary>
    /// The last connection failure reported (a refused token, a room not joined again on a new connection, the retry
    /// policy giving up: the <see cref="RealtimeError.Exception"/> of each <see cref="RealtimeErrorKind.ConnectionFailed"/>
    /// error), cleared when the client begins a new start or reconnect; null when there was none since.
    /// </summary>
    public Exception? LastError => _lastError;

    /// <summary>The Reconnect button; see <see cref="SkaftinRealtimeClient.ReconnectAsync"/>.</summary>
    /// <param name="cancellationToken">Abandons the wait (and a start begun by this call).</param>
    /// <returns>A task that completes when connected.</returns>
    public Task ReconnectAsync(CancellationToken cancellationToken = default) => _client.ReconnectAsync(cancellationToken);

    /// <summary>Stops following the client; no <see cref="PropertyChanged"/> is raised afterwards.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
        }

        _client.StateChanged -= _stateChanged;
        _client.ReconnectAttemptChanged -= _attemptChanged;
        _errors.Dispose();
    }

    // On the client's dispatch pump, in order with connection failures.
    private void OnStateChanged(ConnectionStateChange change)
    {
        lock (_gate)
        {
            _toldReason = change.Reason;
            if (change.Current is ConnectionState.Connecting or ConnectionState.Reconnecting)
            {
                _toldError = null;
            }
        }

        Schedule();
    }

    private void OnError(RealtimeError error)
    {
        if (error.Kind != RealtimeErrorKind.ConnectionFailed)
        {
            return;
        }

        lock (_gate)
        {
            _toldError = error.Exception;
        }

        Schedule();
    }

    // Any thread: one refresh at a time is queued; a change made after a queued refresh began queues another.
    private void Schedule()
    {
        if (Interlocked.Exchange(ref _refreshQueued, 1) == 1)
        {
            return;
        }

        // Never inline: the client may be holding its connection lock, which a handler calling the client would need.
        _context.Post(RefreshCallback, this);
    }

    // On the subscriber's context: takes the client's values now and raises what changed.
    private void Refresh()
    {
        Volatile.Write(ref _refreshQueued, 0);
        var changed = new List<string>(5);
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            var state = _client.State;
            Set(ref _state, state, nameof(State), changed);
            if (changed.Count > 0)
            {
                changed.Add(nameof(IsConnected));
            }

            Set(ref _reconnectAttempt, _client.ReconnectAttempt, nameof(ReconnectAttempt), changed);
            Set(ref _socketId, _client.SocketId, nameof(SocketId), changed);
            Set(ref _reason, _toldReason, nameof(Reason), changed);
            Set(ref _lastError, _toldError, nameof(LastError), changed);
        }

        foreach (var property in changed)
        {
            Raise(property);
        }
    }

    private static void Set<T>(ref T field, T value, string property, List<string> changed)
    {
        if (!EqualityComparer<T>.Default.Equals(field, value))
        {
            field = value;
            changed.Add(property);
        }
    }

    private void Raise(string property)
    {
        if (PropertyChanged is not { } handlers)
        {
            return;
        }

        var args = new PropertyChangedEventArgs(property);
        foreach (var handler in handlers.GetInvocationList())
        {
            try
            {
                ((PropertyChangedEventHandler)handler)(this, args);
            }
            catch (Exception ex)
            {
                _client.Router.ReportStatusHandlerFailure(property, ex);
            }
        }
    }
}
