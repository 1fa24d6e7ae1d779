using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Skaftin.Realtime.Runtime.Tests;

/// <summary>
/// A scripted stand-in behind the client's one seam (<see cref="ISocketConnection"/>), for the behaviours a real
/// server cannot be made to show on demand: silence, rejections at chosen moments, floods. Each behaviour tested
/// here is also proven against the real dev server in the integration tests.
/// </summary>
internal sealed class FakeSocketServer
{
    private int _emitsInFlight;

    /// <summary>Decides for each connection attempt's token (null when none was sent): null accepts, a text rejects with that message.</summary>
    public Func<string?, string?> Authenticate { get; set; } = static _ => null;

    /// <summary>
    /// How the seam classifies the refusals <see cref="Authenticate"/> returns; null (default) as the real seam does,
    /// by <see cref="SocketIOReasons.Refusal"/>.
    /// </summary>
    public ConnectRefusalKind? RefusalKind { get; set; }

    /// <summary>When true, connection attempts get no answer at all, like a host that has gone away.</summary>
    public bool Unreachable { get; set; }

    /// <summary>When true, the server hands out recovery sessions and restores them on reconnect (same socket id).</summary>
    public bool RecoversSessions { get; set; }

    /// <summary>The session each connection attempt offered to resume.</summary>
    public List<SessionResume?> Resumes { get; } = new();

    /// <summary>Whether join-project is answered with joined-project.</summary>
    public bool AnswersJoins { get; set; } = true;

    /// <summary>
    /// When true, the next leave-project ends its connection (as a transport lost mid-send does): the emit fails with an
    /// <see cref="System.IO.IOException"/> and the server never applies the leave.
    /// </summary>
    public bool DropsOnNextLeave { get; set; }

    /// <summary>Projects whose join-project is answered with join-project-error (before the emit completes), whatever <see cref="AnswersJoins"/> says.</summary>
    public HashSet<string> RefusedProjects { get; } = new(StringComparer.Ordinal);

    /// <summary>The ping interval plus ping timeout the server announces in its open packet, if any.</summary>
    public TimeSpan? AnnouncedHeartbeat { get; set; }

    /// <summary>Whether connections say when their receive loop waits (as the websocket does): see <see cref="Connection.RaiseIdle"/>.</summary>
    public bool SignalsReceiveIdle { get; set; }

    public List<Connection> Connections { get; } = new();

    /// <summary>Connections started and not closed by the client (what would still be open in the server).</summary>
    public int OpenConnections
    {
        get
        {
            lock (Connections)
            {
                return Connections.Count(static c => c.Started && !c.Closed);
            }
        }
    }

    public ConcurrentQueue<(string Name, string Argument)> Emits { get; } = new();

    public int MaxConcurrentEmits { get; private set; }

    /// <summary>A restart: every recovery session is forgotten and the current connection is dropped.</summary>
    public void Restart()
    {
        lock (Connections)
        {
            foreach (var connection in Connections)
            {
                connection.Forgotten = true;
            }
        }

        Current.Drop(DisconnectReason.TransportClosed);
    }

    public Connection Current
    {
        get
        {
            lock (Connections)
            {
                return Connections[^1];
            }
        }
    }

    public SkaftinRealtimeClient CreateClient(Action<SkaftinRealtimeOptions>? configure = null, Func<string>? token = null)
    {
        var options = new SkaftinRealtimeOptions
        {
            AccessTokenProvider = _ => ValueTask.FromResult(token?.Invoke() ?? "token-123"),
            ConnectTimeout = TimeSpan.FromSeconds(5),
            RequestTimeout = TimeSpan.FromSeconds(5),
            RetryPolicy = new SkaftinRetryPolicy { InitialDelay = TimeSpan.FromMilliseconds(10), MaxDelay = TimeSpan.FromMilliseconds(50) },
        };
        configure?.Invoke(options);
        return new SkaftinRealtimeClient(options, (url, transport, credential, resume) =>
        {
            var connection = new Connection(this, credential, resume);
            lock (Connections)
            {
                Connections.Add(connection);
                Resumes.Add(resume);
            }

            return connection;
        });
    }

    internal sealed class Connection(FakeSocketServer server, HandshakeCredential? credential, SessionResume? resume) : ISocketConnection
    {
        public event Action<string, ReadOnlyMemory<byte>>? EventReceived;

        public event Action<FrameRejection>? FrameRejected;

        public event Action? ReceiveIdle;

        public event Action? Connected;

        public event Action<SocketDisconnect>? Disconnected;

        public event Action<ConnectRefusal>? ConnectError;

        public event Action? Heartbeat;

        // Like a socket's: everything comes as frames.
        public event Action<Action>? LocalDelivery { add { } remove { } }

        public string? Token => Credential?.Value;

        /// <summary>The credential the client offered and where it put it, or null when it sent none.</summary>
        public HandshakeCredential? Credential { get; } = credential;

        public string? Id { get; private set; }

        public string? SessionId { get; private set; }

        public string? LastOffset { get; set; }

        public bool Closed { get; private set; }

        public bool Started { get; private set; }

        public TimeSpan? AnnouncedHeartbeat => server.AnnouncedHeartbeat;

        public bool SignalsReceiveIdle => server.SignalsReceiveIdle;

        /// <summary>The rooms joined on this connection (join adds, leave removes).</summary>
        public HashSet<string> Rooms { get; } = new(StringComparer.Ordinal);

        private readonly HashSet<string> _inherited = new(StringComparer.Ordinal);

        /// <summary>Joins sent for a room this connection had already joined.</summary>
        public int DuplicateJoins { get; private set; }

        public Task StartAsync(CancellationToken cancellationToken)
        {
            Started = true;
            // Like the real library, acceptance arrives after StartAsync returns, on another thread.
            _ = Task.Run(() =>
            {
                if (server.Unreachable)
                {
                    return;
                }

                if (server.Authenticate(Token) is { } refusal)
                {
                    ConnectError?.Invoke(server.RefusalKind is { } kind ? new ConnectRefusal(kind, refusal) : SocketIOReasons.Refusal(refusal));
                }
                else
                {
                    // A restored session keeps its socket id, as socket.io's connection state recovery does.
                    Connection? restored = null;
                    if (server.RecoversSessions && resume is not null)
                    {
                        lock (server.Connections)
                        {
                            restored = server.Connections.FindLast(c => c.SessionId == resume.SessionId && !c.Forgotten);
                        }
                    }

                    if (restored is not null)
                    {
                        // The server kept the session's rooms.
                        lock (restored.Rooms)
                        {
                            lock (Rooms)
                            {
                                Rooms.UnionWith(restored.Rooms);
                                _inherited.UnionWith(restored.Rooms);
                            }
                        }
                    }

                    Id = restored?.Id ?? "fake-" + Guid.NewGuid().ToString("N")[..6];
                    SessionId = server.RecoversSessions ? restored?.SessionId ?? "session-" + Guid.NewGuid().ToString("N")[..6] : null;
                    Connected?.Invoke();
                }
            });
            return Task.CompletedTask;
        }

        public async Task EmitAsync(string eventName, string argument, CancellationToken cancellationToken)
        {
            var inFlight = Interlocked.Increment(ref server._emitsInFlight);
            server.MaxConcurrentEmits = Math.Max(server.MaxConcurrentEmits, inFlight);
            await Task.Delay(1, cancellationToken);
            if (eventName == EventNames.LeaveProject && server.DropsOnNextLeave)
            {
                server.DropsOnNextLeave = false;
                Interlocked.Decrement(ref server._emitsInFlight);
                Drop(DisconnectReason.TransportClosed);
                throw new System.IO.IOException("The transport closed while the leave was being sent.");
            }

            server.Emits.Enqueue((eventName, argument));
            lock (Rooms)
            {
                // Joining again a room the recovered session inherited is a retry of an unconfirmed join, not a duplicate.
                if (eventName == EventNames.JoinProject && !Rooms.Add(argument) && !_inherited.Remove(argument))
                {
                    DuplicateJoins++;
                }
                else if (eventName == EventNames.LeaveProject)
                {
                    Rooms.Remove(argument);
                    _inherited.Remove(argument);
                }
            }

            Interlocked.Decrement(ref server._emitsInFlight);
            if (eventName == EventNames.JoinProject && server.RefusedProjects.Contains(argument))
            {
                Raise(EventNames.JoinProjectError, $$"""{"projectId":"{{argument}}","message":"refused"}""");
            }
            else if (eventName == EventNames.JoinProject && server.AnswersJoins)
            {
                Raise(EventNames.JoinedProject, $$"""{"projectId":"{{argument}}","room":"project:{{argument}}"}""");
            }
        }

        public void Raise(string name, string json) => EventReceived?.Invoke(name, Encoding.UTF8.GetBytes(json));

        /// <summary>The receive loop has raised what arrived together and waits for more, on the calling thread.</summary>
        public void RaiseIdle() => ReceiveIdle?.Invoke();

        public void Reject(FrameRejection rejection) => FrameRejected?.Invoke(rejection);

        /// <summary>Whether the server ended this connection (<see cref="Drop"/>).</summary>
        public bool Dropped { get; private set; }

        /// <summary>Whether the server forgot this connection's recovery session (it restarted).</summary>
        public bool Forgotten { get; set; }

        public void Drop(DisconnectReason reason)
        {
            Dropped = true;
            Disconnected?.Invoke(new SocketDisconnect(reason, reason.ToString()));
        }

        public void Ping() => Heartbeat?.Invoke();

        public Task CloseAsync()
        {
            Closed = true;
            return Task.CompletedTask;
        }

        public ValueTask DisposeAsync() => new(CloseAsync());
    }
}
