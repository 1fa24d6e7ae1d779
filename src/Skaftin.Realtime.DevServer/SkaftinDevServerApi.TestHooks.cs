using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Skaftin.Realtime.DevServer;

public sealed partial class SkaftinDevServerApi
{
    // ---- test hooks ----

    /// <summary>Emits any event with any arguments to the project's room (test hook <c>POST /api/_test/emit</c>).</summary>
    /// <param name="projectId">The project.</param>
    /// <param name="eventName">The event's name; reserved names such as <c>connect</c> are refused (400).</param>
    /// <param name="args">The event's arguments; a null array means one null argument.</param>
    /// <returns>How many sockets were in the room.</returns>
    public Task<int> EmitAsync(string projectId, string eventName, params object?[] args)
    {
        args ??= new object?[] { null };
        foreach (var arg in args)
        {
            if (arg is CancellationToken)
            {
                throw new ArgumentException(
                    "A CancellationToken is not an event argument: use the overload taking IEnumerable<object?> args and a CancellationToken.",
                    nameof(args));
            }
        }

        return EmitAsync(projectId, eventName, args, CancellationToken.None);
    }

    /// <summary>Emits any event with any arguments to the project's room (test hook <c>POST /api/_test/emit</c>).</summary>
    /// <param name="projectId">The project.</param>
    /// <param name="eventName">The event's name; reserved names such as <c>connect</c> are refused (400).</param>
    /// <param name="args">The event's arguments.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>How many sockets were in the room.</returns>
    public async Task<int> EmitAsync(string projectId, string eventName, IEnumerable<object?> args, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        var result = await SendAsync(HttpMethod.Post, "/api/_test/emit", new { projectId, @event = eventName, args }, cancellationToken).ConfigureAwait(false);
        return result.GetProperty("sockets").GetInt32();
    }

    /// <summary>
    /// Emits an event whose arguments are given as JSON text, through the server's own encoder, so it is stored for
    /// connection state recovery like any event (test hook <c>POST /api/_test/emit</c> with <c>argsJson</c>). The text
    /// may hold what a .NET serializer refuses to write: unpaired surrogates (<c>"\ud800"</c>), any nesting depth.
    /// </summary>
    /// <param name="projectId">The project.</param>
    /// <param name="eventName">The event's name; reserved names such as <c>connect</c> are refused (400).</param>
    /// <param name="argsJson">The arguments as a JSON array.</param>
    /// <param name="withAck">Ask every client for an acknowledgement (the frame carries an ack id; the server does not store it for recovery).</param>
    /// <param name="withBinary">Append a 3-byte binary argument (the frame becomes a binary event with one attachment).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>How many sockets were in the room.</returns>
    public async Task<int> EmitJsonAsync(string projectId, string eventName, string argsJson, bool withAck = false, bool withBinary = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(argsJson);
        var result = await SendAsync(HttpMethod.Post, "/api/_test/emit", new { projectId, @event = eventName, argsJson, ack = withAck, binary = withBinary }, cancellationToken).ConfigureAwait(false);
        return result.GetProperty("sockets").GetInt32();
    }

    /// <summary>
    /// Writes <paramref name="frame"/> as one raw Engine.IO message to every socket in the project's room, bypassing
    /// the encoder (test hook <c>POST /api/_test/emit-raw</c>); <c>2[...]</c> is a Socket.IO EVENT.
    /// </summary>
    /// <param name="projectId">The project.</param>
    /// <param name="frame">The message, possibly malformed on purpose.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>How many sockets were in the room.</returns>
    public async Task<int> EmitRawAsync(string projectId, string frame, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var result = await SendAsync(HttpMethod.Post, "/api/_test/emit-raw", new { projectId, frame }, cancellationToken).ConfigureAwait(false);
        return result.GetProperty("sockets").GetInt32();
    }

    /// <summary>The Socket.IO ids of the sockets in the project's room.</summary>
    /// <param name="projectId">The project.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The socket ids.</returns>
    public async Task<IReadOnlyList<string>> GetRoomMembersAsync(string projectId, CancellationToken cancellationToken = default)
    {
        var result = await SendAsync(HttpMethod.Get, $"/api/_test/rooms/{E(projectId)}", null, cancellationToken).ConfigureAwait(false);
        return Strings(result.GetProperty("members"));
    }

    /// <summary>The Socket.IO ids of every connected socket.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The socket ids.</returns>
    public async Task<IReadOnlyList<string>> GetSocketsAsync(CancellationToken cancellationToken = default)
    {
        var result = await SendAsync(HttpMethod.Get, "/api/_test/sockets", null, cancellationToken).ConfigureAwait(false);
        return Strings(result.GetProperty("sockets"));
    }

    /// <summary>The transport the server sees a connected socket on: <c>websocket</c> or <c>polling</c>.</summary>
    /// <param name="socketId">The socket's id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The transport's name.</returns>
    public async Task<string?> GetSocketTransportAsync(string socketId, CancellationToken cancellationToken = default)
    {
        var result = await SendAsync(HttpMethod.Get, $"/api/_test/sockets/{E(socketId)}", null, cancellationToken).ConfigureAwait(false);
        return result.GetProperty("transport").GetString();
    }

    /// <summary>Disconnects every socket from the server side (clients see <c>io server disconnect</c>).</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>How many sockets were disconnected.</returns>
    public async Task<int> DisconnectAllAsync(CancellationToken cancellationToken = default)
    {
        var result = await SendAsync(HttpMethod.Post, "/api/_test/disconnect-all", null, cancellationToken).ConfigureAwait(false);
        return result.GetProperty("disconnected").GetInt32();
    }

    /// <summary>
    /// Closes every socket's connection without a Socket.IO disconnect, as a network failure would: clients
    /// reconnect by themselves and, when the server runs with recovery, get their session back.
    /// </summary>
    /// <param name="cancellationToken">Abandons the call.</param>
    /// <returns>How many connections were closed.</returns>
    public async Task<int> DropTransportsAsync(CancellationToken cancellationToken = default)
    {
        var result = await SendAsync(HttpMethod.Post, "/api/_test/drop-transports", null, cancellationToken).ConfigureAwait(false);
        return result.GetProperty("dropped").GetInt32();
    }
}
