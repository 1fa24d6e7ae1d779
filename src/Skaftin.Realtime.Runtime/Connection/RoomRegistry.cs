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
internal sealed partial class RoomRegistry
{
    private readonly object _gate = new();
    private readonly Dictionary<string, Room> _rooms = new(StringComparer.Ordinal);

    // Rooms released while no socket was live that the lost session may have joined (a join was sent on it, confirmed
    // or not): a recovered session may still hold them, so it leaves them. Each entry is stamped, and only the leave
    // sent for that very entry, once sent, removes it.
    private readonly Dictionary<string, long> _releasedWhileDetached = new(StringComparer.Ordinal);
    private long _releaseStamps;
    private readonly ClientSettings _options;
    private readonly Action<Exception> _reportFailure;
    private readonly ILogger _logger;
    private ISocketConnection? _live;
    private int _serverAnswered;
    private int _fellBackToEmit;
    private Task _sends = Task.CompletedTask;
    private bool _closed;

    public RoomRegistry(ClientSettings options, Action<Exception> reportFailure, ILogger logger)
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
