using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace Skaftin.Realtime;

// Joining the held rooms on a new socket and waiting for (or inferring) the server's answers.
internal sealed partial class RoomRegistry
{
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

        if (pending.Count > 0)
        {
            await Task.WhenAll(pending.Select(p => RejoinAsync(socket, p.ProjectId, p.Send, p.Joined, cancellationToken))).ConfigureAwait(false);
        }
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
}
