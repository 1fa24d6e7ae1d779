'use strict';

// The Socket.IO side of the dev server: the same `socket.io` package a Skaftin backend
// runs, speaking the wire contract in ../../schemas (see schemas/README.md).

const { Server } = require('socket.io');
const { createAccess } = require('./access');
const { createContract } = require('./contract');
const { createCredentialReader } = require('./credential');

const roomOf = (projectId) => `project:${projectId}`;

const projectOfRoom = (room) => (typeof room === 'string' && room.startsWith('project:') ? room.slice('project:'.length) : null);

/**
 * Attaches a Socket.IO server to `httpServer` (an http or https server).
 * @param {import('node:http').Server} httpServer
 * @param {import('./keys').KeyRing} keyRing
 * @param {{pingInterval?: number, pingTimeout?: number, log?: (msg: string) => void,
 *          recovery?: {maxDisconnectionDuration: number} | null, adapter?: Function, nodeId?: string,
 *          contract?: ReturnType<import('./contract').createContract>,
 *          credentialFrom?: {place: 'auth'|'query'|'header', name: string}}} options
 *   `recovery` turns on socket.io's connection state recovery; `adapter` replaces the in-memory
 *   adapter (e.g. the Redis streams adapter, so several processes share rooms and sessions);
 *   `contract` (default: the dev contract) decides credentials, join answers and event shapes;
 *   `credentialFrom` (default `auth:token`) says where in the handshake the credential is read.
 */
function createRealtime(httpServer, keyRing, options = {}) {
  const log = options.log || (() => {});
  const contract = options.contract || createContract();
  const access = createAccess(keyRing, contract.accessPolicy);
  const readCredential = createCredentialReader(options.credentialFrom);
  const serverOptions = { path: '/socket.io', serveClient: false };
  if (options.pingInterval) serverOptions.pingInterval = options.pingInterval;
  if (options.pingTimeout) serverOptions.pingTimeout = options.pingTimeout;
  if (options.recovery) {
    serverOptions.connectionStateRecovery = {
      maxDisconnectionDuration: options.recovery.maxDisconnectionDuration,
      // socket.io's default (true) would let a recovered session in without running the auth
      // middleware below. With false the middleware runs on every connect, recovered or not.
      skipMiddlewares: false,
    };
  }
  if (options.adapter) serverOptions.adapter = options.adapter;
  // A browser app served from another origin (the seed's React app, a Blazor WebAssembly app) may use long-polling:
  // like a backend a browser talks to, answer any origin (see ./cors.js for the REST API).
  serverOptions.cors = { origin: true, credentials: true };
  const io = new Server(httpServer, serverOptions);
  if (options.recovery) guardRecovery(io.of('/'), access, readCredential, log);

  // Auth happens in the handshake, as on Skaftin: a rejected client gets a connect_error
  // whose message is exactly "invalid api key". The key is kept on the socket (never logged)
  // so that each join can be checked against the projects it grants. The seed contract needs
  // no key (./access.js). Where the key travels is `credentialFrom` (./credential.js).
  io.use((socket, next) => {
    const token = readCredential(socket.handshake);
    if (!access.accepts(token)) return next(new Error('invalid api key'));
    socket.data.apiKey = access.credentialOf(token);
    return next();
  });

  io.on('connection', (socket) => {
    log(`socket ${socket.id} connected (${socket.conn.transport.name}${socket.recovered ? ', recovered' : ''})`);

    // Clients may send an ack callback or not; when they do it is always the last argument.
    const splitAck = (args) => {
      const ack = typeof args[args.length - 1] === 'function' ? args.pop() : null;
      return { projectId: args[0], ack };
    };

    socket.on('join-project', (...args) => {
      const { projectId, ack } = splitAck(args);
      let message = null;
      if (typeof projectId !== 'string' || projectId.length === 0) message = 'projectId must be a non-empty string';
      else if (!access.allows(socket.data.apiKey ?? undefined, projectId)) message = `api key does not grant project ${projectId}`;
      if (message) {
        const reported = typeof projectId === 'string' ? projectId : null;
        socket.emit('join-project-error', { projectId: reported, message });
        if (ack) ack({ ok: false, projectId: reported, message });
        return;
      }
      const room = roomOf(projectId);
      socket.join(room);
      log(`socket ${socket.id} joined ${room}`);
      const answer = () => {
        socket.emit('joined-project', { projectId, room });
        if (ack) ack({ ok: true, projectId, room });
      };
      const delay = contract.joinAnswerDelay(projectId);
      if (delay === null) log(`socket ${socket.id}: join of ${room} not answered (silent join)`);
      else if (delay === 0) answer();
      else setTimeout(() => socket.connected && answer(), delay);
    });

    socket.on('leave-project', (...args) => {
      const { projectId, ack } = splitAck(args);
      if (typeof projectId !== 'string' || projectId.length === 0) {
        const message = 'projectId must be a non-empty string';
        socket.emit('join-project-error', { projectId: null, message });
        if (ack) ack({ ok: false, projectId: null, message });
        return;
      }
      // Leaving a room the socket is not in is harmless, so it is acknowledged the same way.
      const room = roomOf(projectId);
      socket.leave(room);
      log(`socket ${socket.id} left ${room}`);
      socket.emit('left-project', { projectId, room });
      if (ack) ack({ ok: true, projectId, room });
    });

    socket.on('disconnect', (reason) => log(`socket ${socket.id} disconnected: ${reason}`));
  });

  const localSocketsIn = (room) => {
    const ids = io.of('/').adapter.rooms.get(room);
    return ids ? [...ids].map((id) => io.of('/').sockets.get(id)).filter(Boolean) : [];
  };

  return {
    io,
    roomOf,

    /** Emits a DatabaseEvent (schemas/database-event.schema.json) to the project's room only. */
    emitDatabaseChange(projectId, type, tableName, data, oldData) {
      const event = { type, projectId, ...contract.tableNameField(tableName) };
      if (data !== undefined) event.data = data;
      if (oldData !== undefined) event.oldData = oldData;
      event.timestamp = contract.timestamp();
      io.to(roomOf(projectId)).emit('database-change', event);
      return event;
    },

    /** Emits a ProjectEvent (schemas/project-event.schema.json) to the project's room only. */
    emitProjectEvent(projectId, type, data) {
      const event = { type, projectId, data: data === undefined ? null : data, timestamp: contract.timestamp() };
      io.to(roomOf(projectId)).emit('project-event', event);
      return event;
    },

    /**
     * Emits any event with any arguments to the room (test hook). Throws on reserved names.
     * `binary` appends a 3-byte Buffer (the client gets a BINARY_EVENT with one attachment);
     * `ack` asks every client for an acknowledgement (the frame carries an ack id, and with
     * connection state recovery the server neither stores it nor appends an offset).
     */
    emitAny(projectId, event, args, { ack = false, binary = false } = {}) {
      const all = binary ? [...args, Buffer.from([1, 2, 3])] : args;
      if (ack) io.to(roomOf(projectId)).timeout(1000).emit(event, ...all, () => {});
      else io.to(roomOf(projectId)).emit(event, ...all);
      return localSocketsIn(roomOf(projectId)).length;
    },

    /**
     * Writes `frame` as the payload of one Engine.IO "message" packet to every socket in the
     * room, bypassing the Socket.IO encoder, so tests can send what no well-behaved server
     * would (truncated JSON, wrong shapes). `2[...]` is a Socket.IO EVENT on namespace "/".
     */
    emitRaw(projectId, frame) {
      const sockets = localSocketsIn(roomOf(projectId));
      for (const s of sockets) s.conn.write(frame);
      return sockets.length;
    },

    roomMembers(projectId) {
      const room = roomOf(projectId);
      return { room, members: localSocketsIn(room).map((s) => s.id) };
    },

    socketIds() {
      return [...io.of('/').sockets.keys()];
    },

    /** This process's sockets: id, whether the session was recovered, project rooms, transport. */
    socketDetails() {
      return [...io.of('/').sockets.values()].map(describeSocket);
    },

    /** One socket of this process, or null when it is not connected here. */
    socketDetail(id) {
      const socket = io.of('/').sockets.get(id);
      return socket ? describeSocket(socket) : null;
    },

    nodeId: options.nodeId,
    recovery: Boolean(options.recovery),
    contract,

    /** Server-side disconnect of every socket: the client sees "io server disconnect". */
    // Closes every socket's underlying connection without a Socket.IO disconnect, as a network failure would:
    // clients reconnect on their own and, with recovery on, get their session back.
    dropTransports() {
      let count = 0;
      for (const socket of io.of('/').sockets.values()) {
        socket.conn.close();
        count += 1;
      }
      return count;
    },

    disconnectAll() {
      const count = io.of('/').sockets.size;
      io.disconnectSockets(true);
      return count;
    },

    close() {
      return new Promise((resolve) => io.close(() => resolve()));
    },
  };
}

function describeSocket(socket) {
  return {
    id: socket.id,
    recovered: socket.recovered === true,
    rooms: [...socket.rooms].filter((r) => projectOfRoom(r) !== null),
    transport: socket.conn && socket.conn.transport ? socket.conn.transport.name : null,
  };
}

/**
 * Keeps the API key meaningful when a session is recovered.
 *
 * socket.io restores a session (rooms, socket.data) and writes the missed packets to the client
 * in the Socket constructor, before any middleware runs. So even with `skipMiddlewares: false`
 * a client presenting `{pid, offset}` with a bad key would receive the missed events and only
 * then get `connect_error`. Two wrappers close that gap (socket.io 4.8.4 internals, pinned):
 *  - Namespace#_createSocket: a recovery attempt with an unknown key is stripped of pid/offset,
 *    so nothing is restored and the auth middleware refuses it as usual ("invalid api key").
 *  - adapter.restoreSession: a session whose project rooms are not all granted to the key now
 *    presented (a client may swap keys between reconnects) is not restored: the client gets a
 *    fresh session (recovered = false) and has to join again, where each join is checked.
 */
function guardRecovery(nsp, access, readCredential, log) {
  const createSocket = nsp._createSocket;
  const adapter = nsp.adapter;
  if (typeof createSocket !== 'function' || !adapter || typeof adapter.restoreSession !== 'function') {
    throw new Error('socket.io internals changed: cannot guard connection state recovery');
  }
  const tokens = new Map(); // pid -> key presented with the recovery attempt in flight
  nsp._createSocket = function guardedCreateSocket(client, auth) {
    const a = auth && typeof auth === 'object' ? auth : {};
    if (typeof a.pid !== 'string' || typeof a.offset !== 'string') return createSocket.call(this, client, a);
    const request = client.request || {};
    const token = readCredential({ auth: a, query: request._query || {}, headers: request.headers || {} });
    if (!access.accepts(token)) {
      log('session recovery refused: invalid api key');
      const { pid: _pid, offset: _offset, ...rest } = a;
      return createSocket.call(this, client, rest);
    }
    tokens.set(a.pid, token);
    return Promise.resolve(createSocket.call(this, client, a)).finally(() => tokens.delete(a.pid));
  };
  const restore = adapter.restoreSession.bind(adapter);
  adapter.restoreSession = async (pid, offset) => {
    const attempted = tokens.has(pid);
    const token = tokens.get(pid);
    const session = await restore(pid, offset);
    if (!session) return session;
    const refused = (session.rooms || []).filter((r) => projectOfRoom(r) !== null && !access.allows(token, projectOfRoom(r)));
    if (!attempted || refused.length > 0) {
      log(`session recovery refused: the api key does not grant ${refused.join(', ') || 'this session'}`);
      return null;
    }
    return session;
  };
}

module.exports = { createRealtime, roomOf };
