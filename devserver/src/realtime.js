'use strict';

// The Socket.IO side of the dev server: the same `socket.io` package a Skaftin backend
// runs, speaking the wire contract in ../../schemas (see schemas/README.md).

const { Server } = require('socket.io');

const roomOf = (projectId) => `project:${projectId}`;

/**
 * Attaches a Socket.IO server to `httpServer`.
 * @param {import('node:http').Server} httpServer
 * @param {import('./keys').KeyRing} keyRing
 * @param {{pingInterval?: number, pingTimeout?: number, log?: (msg: string) => void}} options
 */
function createRealtime(httpServer, keyRing, options = {}) {
  const log = options.log || (() => {});
  const serverOptions = { path: '/socket.io', serveClient: false };
  if (options.pingInterval) serverOptions.pingInterval = options.pingInterval;
  if (options.pingTimeout) serverOptions.pingTimeout = options.pingTimeout;
  const io = new Server(httpServer, serverOptions);

  // Auth happens in the handshake, as on Skaftin: a rejected client gets a connect_error
  // whose message is exactly "invalid api key". The key is kept on the socket (never logged)
  // so that each join can be checked against the projects it grants.
  io.use((socket, next) => {
    const auth = socket.handshake.auth || {};
    const token = typeof auth.token === 'string' ? auth.token : undefined;
    if (!keyRing.isValid(token)) return next(new Error('invalid api key'));
    socket.data.apiKey = token;
    return next();
  });

  io.on('connection', (socket) => {
    log(`socket ${socket.id} connected (${socket.conn.transport.name})`);

    // Clients may send an ack callback or not; when they do it is always the last argument.
    const splitAck = (args) => {
      const ack = typeof args[args.length - 1] === 'function' ? args.pop() : null;
      return { projectId: args[0], ack };
    };

    socket.on('join-project', (...args) => {
      const { projectId, ack } = splitAck(args);
      let message = null;
      if (typeof projectId !== 'string' || projectId.length === 0) message = 'projectId must be a non-empty string';
      else if (!keyRing.allows(socket.data.apiKey, projectId)) message = `api key does not grant project ${projectId}`;
      if (message) {
        const reported = typeof projectId === 'string' ? projectId : null;
        socket.emit('join-project-error', { projectId: reported, message });
        if (ack) ack({ ok: false, projectId: reported, message });
        return;
      }
      const room = roomOf(projectId);
      socket.join(room);
      log(`socket ${socket.id} joined ${room}`);
      socket.emit('joined-project', { projectId, room });
      if (ack) ack({ ok: true, projectId, room });
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
      const event = { type, projectId, tableName: tableName ?? null };
      if (data !== undefined) event.data = data;
      if (oldData !== undefined) event.oldData = oldData;
      event.timestamp = new Date().toISOString();
      io.to(roomOf(projectId)).emit('database-change', event);
      return event;
    },

    /** Emits a ProjectEvent (schemas/project-event.schema.json) to the project's room only. */
    emitProjectEvent(projectId, type, data) {
      const event = { type, projectId, data: data === undefined ? null : data, timestamp: new Date().toISOString() };
      io.to(roomOf(projectId)).emit('project-event', event);
      return event;
    },

    /** Emits any event with any arguments to the room (test hook). Throws on reserved names. */
    emitAny(projectId, event, args) {
      io.to(roomOf(projectId)).emit(event, ...args);
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

    /** Server-side disconnect of every socket: the client sees "io server disconnect". */
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

module.exports = { createRealtime, roomOf };
