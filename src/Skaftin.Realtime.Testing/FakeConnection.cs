using System;
using System.Collections.Generic;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Skaftin.Realtime.Testing;

/// <summary>
/// One connection attempt of the client to a <see cref="FakeSkaftinServer"/>, through the client's public connection
/// seam (<see cref="RealtimeConnection"/>). Like the real socket library it answers on another thread: acceptance
/// after <see cref="StartAsync"/> returns, join answers after the join was sent.
/// </summary>
internal sealed class FakeConnection(FakeSkaftinServer server) : RealtimeConnection
{
    private const int Pending = 0, Open = 1, Ended = 2;

    private readonly HashSet<string> _rooms = new(StringComparer.Ordinal);
    private int _state;
    private volatile bool _closed;

    /// <summary>Whether the attempt waits for the server's answer (the server is down), and the client still waits with it.</summary>
    public bool IsPending => Volatile.Read(ref _state) == Pending && !_closed;

    /// <summary>Whether the server accepted this attempt, has not dropped it, and the client has not closed it.</summary>
    public bool IsOpen => Volatile.Read(ref _state) == Open && !_closed;

    /// <summary>The project rooms joined on this connection.</summary>
    public string[] Rooms
    {
        get
        {
            lock (_rooms)
            {
                return [.. _rooms];
            }
        }
    }

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        server.Started(this);
        return Task.CompletedTask;
    }

    /// <summary>The server accepts the attempt (on another thread, as the socket library reports it); a dropped one stays dropped.</summary>
    public void Accept()
    {
        if (Interlocked.CompareExchange(ref _state, Open, Pending) == Pending)
        {
            var id = "fake-" + Guid.NewGuid().ToString("N").Substring(0, 8);
            _ = Task.Run(() => RaiseConnected(id));
        }
    }

    public override async Task EmitAsync(string eventName, string argument, CancellationToken cancellationToken)
    {
        await Task.Yield();
        lock (_rooms)
        {
            if (eventName == EventNames.JoinProject)
            {
                _rooms.Add(argument);
            }
            else if (eventName == EventNames.LeaveProject)
            {
                _rooms.Remove(argument);
            }
        }

        if (eventName == EventNames.JoinProject)
        {
            Raise(EventNames.JoinedProject, EnvelopeJson.RoomAnswer(argument));
        }
        else if (eventName == EventNames.LeaveProject)
        {
            Raise(EventNames.LeftProject, EnvelopeJson.RoomAnswer(argument));
        }
    }

    /// <summary>A server event, handed to the client as its socket's receive thread would.</summary>
    public void Raise(string eventName, byte[] utf8Json) => RaiseEvent(eventName, utf8Json);

    /// <summary>A typed row change, handed to the table's handlers in order with the events.</summary>
    public void Raise<TRow, TKey>(RealtimeTable<TRow, TKey> table, RowChange<TRow, TKey> change, DatabaseChange envelope)
        where TRow : class => RaiseChange(table, change, envelope);

    /// <summary>The server ends the connection (a restart, a network cut): the client sees the transport close.</summary>
    public void Drop()
    {
        Volatile.Write(ref _state, Ended);
        RaiseDisconnected("transport close (dropped by the fake server)");
    }

    public override Task CloseAsync()
    {
        _closed = true;
        return Task.CompletedTask;
    }
}
