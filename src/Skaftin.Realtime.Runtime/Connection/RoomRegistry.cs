using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace Skaftin.Realtime;

/// <summary>
/// The project rooms the app holds, which outlive any one socket. Each room is joined on the live socket exactly
/// once: when the app first asks (or, asked before or while connecting, as soon as a socket is accepted), and again
/// on every new socket, whoever made it (an automatic reconnect, the app's start, a restart). Holders of one project
/// share one join; the last one out leaves. Joins and leaves go out in the order they were decided, so a leave can
/// never overtake the join that follows it.
/// </summary>
internal sealed class RoomRegistry
{
    private readonly object _gate = new();
    private readonly Dictionary<string, Room> _rooms = new(StringComparer.Ordinal);

    // Rooms released while no socket was live that the lost session may have joined (a join was sent on it, confirmed
    // or not): a recovered session may still hold them, so it leaves them. Each entry is stamped, and only the leave
    // sent for that very entry, once sent, removes it.
    private readonly Dictionary<string, long> _releasedWhileDetached = new(StringComparer.Ordinal);
    private long _releaseStamps;
    private readonly SkaftinRealtimeOptions _options;
    private readonly Action<Exception> _reportFailure;
    private readonly ILogger _logger;
    private ISocketConnection? _live;
    private int _serverAnswered;
    private int _fellBackToEmit;
    private Task _sends = Task.CompletedTask;
    private bool _closed;

    public RoomRegistry(SkaftinRealtimeOptions options, Action<Exception> reportFailure, ILogger logger)
    {
        _options = options;
        _reportFailure = reportFailure;
        _logger = logger;
    }

    /// <summary>
    /// Whether joins count as done once sent: with <see cref="JoinConfirmation.OnEmit"/>, or with
    /// <see cref="JoinConfirmation.Auto"/> once a join was left unanswered by a server that never answered one.
    /// </summary>
    public bool ConfirmsOnEmit =>
        _options.JoinConfirmation == JoinConfirmation.OnEmit
        || (_options.JoinConfirmation == JoinConfirmation.Auto && Volatile.Read(ref _fellBackToEmit) == 1);

    /// <summary>
    /// Takes a share of <paramref name="projectId"/>'s room. With a live socket it completes when the server confirms
    /// (or, with <see cref="JoinConfirmation.OnEmit"/>, once the join is sent); without one the room is remembered and
    /// joined when the next socket is accepted.
    /// </summary>
    public async Task AcquireAsync(string projectId, CancellationToken cancellationToken)
    {
        Task? send = null;
        ISocketConnection? sentOn = null;
        Task joined;
        lock (_gate)
        {
            if (_closed)
            {
                throw new ObjectDisposedException(nameof(SkaftinRealtimeClient));
            }

            if (!_rooms.TryGetValue(projectId, out var room))
            {
                // Taken back while detached: the lost session may still hold the room, so releasing it again before a
                // recovered session must still leave it there (a recovered session joins it again, which confirms it).
                room = new Room(projectId) { MayBeJoinedOnServer = _releasedWhileDetached.Remove(projectId) };
                _rooms[projectId] = room;
            }

            room.Holders++;
            if (_live is null)
            {
                return;
            }

            if (room.SentOn != _live)
            {
                room.SentOn = sentOn = _live;
                room.JoinedOnServer = false;
                room.Problem = null;
                room.MayBeJoinedOnServer = true;
                // Not the caller's token: a send cut half-way would end the connection; the caller's wait honours it.
                send = Send(_live, EventNames.JoinProject, projectId, CancellationToken.None);
            }

            joined = room.Joined.Task;
        }

        try
        {
            if (send is not null)
            {
                // The send goes on (bounded by SendTimeout) when the caller stops waiting: a queued send is never torn.
                await SentAsync(send, EventNames.JoinProject, projectId, cancellationToken).ConfigureAwait(false);
                ConfirmIfEmitted(projectId, sentOn!);
            }

            await AnsweredAsync(projectId, joined, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            // A join given up (timed out, cancelled) may still have been joined by the server, its answer lost or late:
            // the last share leaves the room like any release, or remembers it for a recovered session.
            // A cancelled caller does not wait for that leave's write either (it still goes out, bounded by SendTimeout).
            await ReleaseAsync(projectId, sendLeave: true, cancellationToken).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Gives up one share; the last one leaves the room (on the live socket, if it was joined there).</summary>
    public async ValueTask ReleaseAsync(string projectId, bool sendLeave, CancellationToken cancellationToken)
    {
        Task? send = null;
        lock (_gate)
        {
            if (!_rooms.TryGetValue(projectId, out var room) || --room.Holders > 0)
            {
                return;
            }

            _rooms.Remove(projectId);
            if (sendLeave && _live is not null && room.SentOn == _live && room.MayBeJoinedOnServer)
            {
                send = Send(_live, EventNames.LeaveProject, projectId, CancellationToken.None);
            }
            else if (_live is null && room.MayBeJoinedOnServer)
            {
                _releasedWhileDetached[projectId] = ++_releaseStamps;
            }
        }

        if (send is null)
        {
            return;
        }

        try
        {
            await SentAsync(send, EventNames.LeaveProject, projectId, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The caller stopped waiting; the leave still goes out (bounded by SendTimeout) or goes with the connection.
        }
        catch (SkaftinConnectionException)
        {
            // The transport is going (a long-polling send fails at once where a websocket one is still buffered): the
            // room goes with the connection, unless the server recovers the session, which then leaves it.
            lock (_gate)
            {
                if (!_rooms.ContainsKey(projectId))
                {
                    _releasedWhileDetached[projectId] = ++_releaseStamps;
                }
            }
        }
    }

    /// <summary>
    /// A socket was accepted: every held room is joined on it. When the server recovered the session it still holds
    /// the rooms the lost socket had joined: those count as joined (and those released meanwhile are left), the rest
    /// are joined. Completes when each join is confirmed (or sent, with <see cref="JoinConfirmation.OnEmit"/>); the
    /// joins are awaited together, so a server that never answers costs one <see cref="SkaftinRealtimeOptions.RequestTimeout"/>,
    /// not one per room. A join that fails is reported, not thrown.
    /// </summary>
    public async Task AttachAsync(ISocketConnection socket, bool recovered, CancellationToken cancellationToken)
    {
        var pending = new List<(string ProjectId, Task Send, Task Joined)>();
        var leaves = new List<(string ProjectId, long Stamp, Task Send)>();
        lock (_gate)
        {
            _live = socket;
            // Sends are ordered per socket: the new one's must not wait behind writes still stuck on a lost one (a peer
            // that stopped reading holds them until SendTimeout).
            _sends = Task.CompletedTask;
            if (recovered)
            {
                foreach (var released in _releasedWhileDetached)
                {
                    leaves.Add((released.Key, released.Value, Send(socket, EventNames.LeaveProject, released.Key, cancellationToken)));
                }
            }
            else
            {
                // A new session holds none of the lost one's rooms.
                _releasedWhileDetached.Clear();
            }

            foreach (var room in _rooms.Values)
            {
                room.SentOn = socket;
                if (recovered && room.JoinedOnServer)
                {
                    room.Joined.TrySetResult(true);
                }
                else
                {
                    room.JoinedOnServer = false;
                    room.MayBeJoinedOnServer = true;
                    room.Problem = null;
                    pending.Add((room.ProjectId, Send(socket, EventNames.JoinProject, room.ProjectId, cancellationToken), room.Joined.Task));
                }
            }
        }

        foreach (var (projectId, stamp, leave) in leaves)
        {
            try
            {
                await leave.ConfigureAwait(false);
            }
            catch (Exception)
            {
                // The socket is already gone again before the leave went out: the entry stays, so the next recovery of
                // this session leaves the room (a new session clears it, holding none of this one's rooms).
                continue;
            }

            lock (_gate)
            {
                // Unless the room was taken back (and maybe released again) meanwhile, which made the entry another one.
                if (_releasedWhileDetached.TryGetValue(projectId, out var current) && current == stamp)
                {
                    _releasedWhileDetached.Remove(projectId);
                }
            }
        }

        await Task.WhenAll(pending.Select(p => RejoinAsync(socket, p.ProjectId, p.Send, p.Joined, cancellationToken))).ConfigureAwait(false);
    }

    private async Task RejoinAsync(ISocketConnection socket, string projectId, Task send, Task joined, CancellationToken cancellationToken)
    {
        try
        {
            await SentAsync(send, EventNames.JoinProject, projectId, cancellationToken).ConfigureAwait(false);
            ConfirmIfEmitted(projectId, socket);
            await AnsweredAsync(projectId, joined, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && !(ex is ObjectDisposedException) && IsLive(socket))
        {
            NoteProblem(projectId, socket, ex is TimeoutException
                ? $"the server did not answer the join within {_options.RequestTimeout.TotalSeconds:0.###} s"
                : ex.Message);
            // The first connection's joins come here as well as a reconnect's: the words say neither "again" nor "new".
            _reportFailure(new SkaftinConnectionException($"Project '{projectId}' was not joined on this connection: {ex.Message}", ex));
        }
    }

    /// <summary>
    /// Waits for a send of this registry's, with the caller's token. Whatever made the send fail inside the transport
    /// (an internal object disposed with the socket, a write past SendTimeout, a closed websocket) reaches the app as
    /// one documented type, <see cref="SkaftinConnectionException"/>, naming the operation.
    /// </summary>
    private async Task SentAsync(Task send, string eventName, string projectId, CancellationToken cancellationToken)
    {
        try
        {
            await send.WaitAsync(Timeout.InfiniteTimeSpan, _options.TimeProvider, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is not SkaftinConnectionException)
        {
            throw new SkaftinConnectionException($"{eventName} '{projectId}' could not be sent: the connection was lost or closed ({ex.Message}).", ex);
        }
    }

    // Waits for the server's answer to a join that was sent. With Auto, a server that never answered any join and leaves
    // this one unanswered while the join stands on the live socket is taken for one that never answers (reported once).
    private async Task AnsweredAsync(string projectId, Task joined, CancellationToken cancellationToken)
    {
        try
        {
            await joined.WaitAsync(_options.RequestTimeout, _options.TimeProvider, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException ex) when (!cancellationToken.IsCancellationRequested)
        {
            if (_options.JoinConfirmation == JoinConfirmation.Auto && TryFallBackToEmit(projectId))
            {
                return;
            }

            throw new TimeoutException(
                $"join-project '{projectId}' was not confirmed within {_options.RequestTimeout.TotalSeconds:0.###} s (RequestTimeout). " +
                (_options.JoinConfirmation == JoinConfirmation.ServerAnswer
                    ? "The server may not answer joins: set JoinConfirmation = Auto (the default) or OnEmit for such a server, or raise RequestTimeout for a slow one."
                    : "The connection was lost meanwhile or the server answers other joins but not this one: the room is released; join it again, or raise RequestTimeout for a slow server."),
                ex);
        }
    }

    private bool TryFallBackToEmit(string projectId)
    {
        var first = false;
        lock (_gate)
        {
            if (Volatile.Read(ref _serverAnswered) == 1 || _live is null
                || !_rooms.TryGetValue(projectId, out var room) || room.SentOn != _live)
            {
                return false;
            }

            first = Interlocked.Exchange(ref _fellBackToEmit, 1) == 0;
            // Every join standing on the live socket counts as done, as with OnEmit.
            foreach (var standing in _rooms.Values)
            {
                if (standing.SentOn == _live && standing.Joined.TrySetResult(true))
                {
                    standing.JoinedOnServer = true;
                }
            }
        }

        if (first)
        {
            Log.JoinsConfirmedOnEmit(_logger, projectId, _options.RequestTimeout.TotalSeconds);
        }

        return true;
    }

    // With OnEmit (or Auto after its fall-back) a join sent on the socket the room was last sent on counts as joined (the
    // server will not say so); otherwise only the server's joined-project does.
    private void ConfirmIfEmitted(string projectId, ISocketConnection socket)
    {
        if (!ConfirmsOnEmit)
        {
            return;
        }

        lock (_gate)
        {
            // A refusal that came before the send completed stands: the room is not joined.
            if (_rooms.TryGetValue(projectId, out var room) && room.SentOn == socket && room.Joined.TrySetResult(true))
            {
                room.JoinedOnServer = true;
            }
        }
    }

    // A join that failed on a socket that is gone meanwhile is not an error: the next socket joins again.
    private bool IsLive(ISocketConnection socket)
    {
        lock (_gate)
        {
            return _live == socket;
        }
    }

    /// <summary>The socket is gone: every room must be confirmed again on the next one.</summary>
    public void Detach(ISocketConnection socket)
    {
        lock (_gate)
        {
            if (_live != socket)
            {
                return;
            }

            _live = null;
            foreach (var room in _rooms.Values)
            {
                room.AwaitNextConfirmation();
            }
        }
    }

    /// <summary>
    /// The server answered a join: <paramref name="refusal"/> is null when it confirmed. A refusal no waiter takes (the
    /// join already counted as done when sent, with <see cref="JoinConfirmation.OnEmit"/>) is reported instead.
    /// </summary>
    public void CompleteJoin(string projectId, SkaftinJoinException? refusal)
    {
        var unheard = false;
        Volatile.Write(ref _serverAnswered, 1);
        lock (_gate)
        {
            if (!_rooms.TryGetValue(projectId, out var room))
            {
                return;
            }

            if (refusal is null)
            {
                room.Problem = null;
                room.JoinedOnServer = true;
                room.Joined.TrySetResult(true);
            }
            else
            {
                room.JoinedOnServer = false;
                room.MayBeJoinedOnServer = false;
                room.Problem = $"the server refused the join: {refusal.ServerMessage}";
                unheard = !room.Joined.TrySetException(refusal);
            }
        }

        if (unheard)
        {
            _reportFailure(refusal!);
        }
    }

    /// <summary>The client is disposed: every waiting join ends, and nothing is joined again.</summary>
    public void Close()
    {
        lock (_gate)
        {
            _closed = true;
            _live = null;
            foreach (var room in _rooms.Values)
            {
                room.Joined.TrySetException(new ObjectDisposedException(nameof(SkaftinRealtimeClient)));
            }

            _rooms.Clear();
        }
    }

    /// <summary>
    /// The held rooms the live socket did not join, each with why (refused, or not answered within
    /// <see cref="SkaftinRealtimeOptions.RequestTimeout"/>): read by the health check. Empty while no socket is live.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string>> JoinProblems()
    {
        lock (_gate)
        {
            return _live is null
                ? Array.Empty<KeyValuePair<string, string>>()
                : _rooms.Values
                    .Where(r => r.Problem is not null && r.SentOn == _live)
                    .Select(static r => new KeyValuePair<string, string>(r.ProjectId, r.Problem!))
                    .OrderBy(static p => p.Key, StringComparer.Ordinal)
                    .ToArray();
        }
    }

    private void NoteProblem(string projectId, ISocketConnection socket, string problem)
    {
        lock (_gate)
        {
            if (_rooms.TryGetValue(projectId, out var room) && room.SentOn == socket && !room.JoinedOnServer)
            {
                room.Problem ??= problem;
            }
        }
    }

    public IReadOnlyDictionary<string, int> Snapshot()
    {
        lock (_gate)
        {
            return _rooms.ToDictionary(static r => r.Key, static r => r.Value.Holders, StringComparer.Ordinal);
        }
    }

    // Under the gate: sends go out one at a time on each socket (SocketIOClient misroutes acknowledgements of concurrent
    // emits) and in the order they were decided here.
    private Task Send(ISocketConnection socket, string eventName, string projectId, CancellationToken cancellationToken)
    {
        var send = _sends.ContinueWith(
            _ => socket.EmitAsync(eventName, projectId, cancellationToken),
            CancellationToken.None,
            TaskContinuationOptions.None,
            TaskScheduler.Default).Unwrap();
        _sends = send;
        return send;
    }

    private sealed class Room(string projectId)
    {
        public string ProjectId { get; } = projectId;

        public int Holders { get; set; }

        /// <summary>The socket this room's join was last sent on.</summary>
        public ISocketConnection? SentOn { get; set; }

        /// <summary>Whether the server confirmed the join on the live (or, while detached, the lost) socket.</summary>
        public bool JoinedOnServer { get; set; }

        /// <summary>
        /// Whether the server may hold the room in the live (or lost) session: a join was sent there and not refused,
        /// confirmed or not (its answer may be lost or late). Such a room released is left, never silently kept.
        /// </summary>
        public bool MayBeJoinedOnServer { get; set; }

        /// <summary>Why the join sent on <see cref="SentOn"/> did not take (refused or unanswered); null otherwise.</summary>
        public string? Problem { get; set; }

        public TaskCompletionSource<bool> Joined { get; private set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        // Waiters on a confirmation still pending keep waiting: the next socket's join completes it.
        public void AwaitNextConfirmation()
        {
            SentOn = null;
            if (Joined.Task.IsCompleted)
            {
                Joined = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }
    }
}
