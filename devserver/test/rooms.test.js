'use strict';

// Handshake auth and project rooms: who may connect, who may join which room.

const { describe, test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { startServer, api, connect, recorder, emitWithAck, assertSchema, withTimeout } = require('../test-support/harness');

describe('auth and rooms', () => {
  let server;
  const sockets = [];
  const open = async (token, options) => {
    const s = await connect(server.url, token, options);
    sockets.push(s);
    return s;
  };

  before(async () => {
    server = await startServer({ args: ['--key', 'all-key=*', '--key', 'p1-key=p1'] });
  });
  after(async () => {
    for (const s of sockets) s.close();
    const { code } = await server.stop();
    assert.equal(code, 0, server.stderr);
  });

  test('a good key connects over websocket', async () => {
    const socket = await open('all-key');
    assert.equal(socket.connected, true);
    assert.equal(socket.io.engine.transport.name, 'websocket');
  });

  test('a good key connects over long-polling too', async () => {
    const socket = await open('all-key', { transports: ['polling'] });
    assert.equal(socket.io.engine.transport.name, 'polling');
    const joined = recorder(socket, 'joined-project');
    socket.emit('join-project', 'poll-project');
    assert.deepEqual(await joined.next(), { projectId: 'poll-project', room: 'project:poll-project' });
  });

  test('a bad key gets connect_error "invalid api key"', async () => {
    await assert.rejects(connect(server.url, 'wrong-key'), (err) => err.message === 'invalid api key');
  });

  test('a missing token gets connect_error "invalid api key"', async () => {
    await assert.rejects(connect(server.url, undefined), (err) => err.message === 'invalid api key');
  });

  test('join-project granted: joined-project event and ack', async () => {
    const socket = await open('p1-key');
    const joined = recorder(socket, 'joined-project');
    socket.emit('join-project', 'p1');
    const event = await joined.next();
    assertSchema('room-membership', event);
    assert.deepEqual(event, { projectId: 'p1', room: 'project:p1' });

    const ack = await emitWithAck(socket, 'join-project', 'p1');
    assertSchema('join-project-ack', ack);
    assert.deepEqual(ack, { ok: true, projectId: 'p1', room: 'project:p1' });
  });

  test('join-project refused for a project the key does not grant', async () => {
    const socket = await open('p1-key');
    const refused = recorder(socket, 'join-project-error');
    const joined = recorder(socket, 'joined-project');
    socket.emit('join-project', 'p2');
    const event = await refused.next();
    assertSchema('join-project-error', event);
    assert.equal(event.projectId, 'p2');
    assert.match(event.message, /does not grant project p2/);

    const ack = await emitWithAck(socket, 'join-project', 'p2');
    assertSchema('join-project-ack', ack);
    assert.equal(ack.ok, false);
    assert.deepEqual(await joined.none(100), []);

    const rooms = await api(server.url, 'all-key', 'GET', '/api/_test/rooms/p2');
    assert.ok(!rooms.body.members.includes(socket.id));
  });

  test('join-project with a non-string projectId is refused', async () => {
    const socket = await open('all-key');
    const refused = recorder(socket, 'join-project-error');
    socket.emit('join-project', { id: 'p1' });
    const event = await refused.next();
    assertSchema('join-project-error', event);
    assert.equal(event.projectId, null);
    const ack = await emitWithAck(socket, 'join-project', 42);
    assert.equal(ack.ok, false);
  });

  test('room member listing and leave-project', async () => {
    const a = await open('all-key');
    const b = await open('p1-key');
    await emitWithAck(a, 'join-project', 'rooms-p');
    await emitWithAck(b, 'join-project', 'p1');

    let rooms = await api(server.url, 'all-key', 'GET', '/api/_test/rooms/rooms-p');
    assert.equal(rooms.status, 200);
    assert.deepEqual(rooms.body, { room: 'project:rooms-p', members: [a.id] });

    const left = recorder(a, 'left-project');
    a.emit('leave-project', 'rooms-p');
    const event = await left.next();
    assertSchema('room-membership', event);
    assert.deepEqual(event, { projectId: 'rooms-p', room: 'project:rooms-p' });
    rooms = await api(server.url, 'all-key', 'GET', '/api/_test/rooms/rooms-p');
    assert.deepEqual(rooms.body.members, []);

    // After leaving, the room's changes no longer reach the socket.
    const projectEvents = recorder(a, 'project-event');
    const sent = await api(server.url, 'all-key', 'POST', '/api/projects/rooms-p/events', { type: 'ping' });
    assert.equal(sent.status, 200);
    assert.deepEqual(await projectEvents.none(150), []);

    const ack = await emitWithAck(a, 'leave-project', 'rooms-p');
    assert.deepEqual(ack, { ok: true, projectId: 'rooms-p', room: 'project:rooms-p' });

    // The listing is key-protected like everything else.
    assert.equal((await api(server.url, 'p1-key', 'GET', '/api/_test/rooms/rooms-p')).status, 403);
    assert.equal((await api(server.url, undefined, 'GET', '/api/_test/rooms/rooms-p')).status, 401);
  });

  test('socket listing and server-side disconnect-all', async () => {
    const a = await open('all-key');
    const b = await open('p1-key');
    const list = await api(server.url, 'all-key', 'GET', '/api/_test/sockets');
    assert.equal(list.status, 200);
    assert.ok(list.body.sockets.includes(a.id));
    assert.ok(list.body.sockets.includes(b.id));
    assert.equal(list.body.count, list.body.sockets.length);

    const reasons = Promise.all([a, b].map((s) => new Promise((resolve) => s.once('disconnect', resolve))));
    const res = await api(server.url, 'all-key', 'POST', '/api/_test/disconnect-all');
    assert.equal(res.status, 200);
    assert.ok(res.body.disconnected >= 2);
    assert.deepEqual(await withTimeout(reasons, 5000, 'disconnects'), ['io server disconnect', 'io server disconnect']);
    const after = await api(server.url, 'all-key', 'GET', '/api/_test/sockets');
    assert.deepEqual(after.body.sockets, []);
  });

  test('HTTP auth: 401 without or with a bad key, 403 for another project, Bearer accepted', async () => {
    assert.equal((await api(server.url, undefined, 'GET', '/api/projects/p1/tables')).status, 401);
    assert.equal((await api(server.url, 'nope', 'GET', '/api/projects/p1/tables')).status, 401);
    const forbidden = await api(server.url, 'p1-key', 'GET', '/api/projects/p2/tables');
    assert.equal(forbidden.status, 403);
    assert.equal(typeof forbidden.body.error, 'string');
    const bearer = await api(server.url, undefined, 'GET', '/api/projects/p1/tables', undefined, {
      headers: { authorization: 'Bearer p1-key' },
    });
    assert.deepEqual(bearer, { status: 200, body: [] });
    assert.equal((await api(server.url, 'p1-key', 'GET', '/api/nothing-here')).status, 404);
    assert.equal((await api(server.url, 'p1-key', 'PUT', '/api/projects/p1/tables')).status, 405);
  });
});
