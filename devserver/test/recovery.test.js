'use strict';

// --recovery: socket.io connection state recovery on one dev server (in-memory adapter).
// Cluster-wide recovery through Redis is in cluster.test.js.

const { describe, test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { spawn } = require('node:child_process');
const path = require('node:path');
const { startServer, api, connect, recorder, emitWithAck, withTimeout, dropTransportOf, reconnect } = require('../test-support/harness');

const SERVER_JS = path.join(__dirname, '..', 'server.js');
const KEY = 'rec-key';
const OTHER_KEY = 'other-key'; // valid, but grants only project "elsewhere"
const P = 'rec';
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const dropTransport = (server, socket) => dropTransportOf(server, KEY, socket);

function insertRow(server, n) {
  return api(server.url, KEY, 'POST', `/api/projects/${P}/tables/items/rows`, { n });
}

function runToExit(args, timeoutMs = 5000) {
  const proc = spawn(process.execPath, [SERVER_JS, '--port', '0', ...args], {
    env: { ...process.env, SKAFTIN_DEV_KEYS: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  let stdout = '';
  proc.stdout.on('data', (d) => (stdout += d));
  proc.stderr.on('data', (d) => (stderr += d));
  const done = new Promise((resolve) => proc.once('exit', (code) => resolve({ code, stdout, stderr })));
  return withTimeout(done, timeoutMs, 'process exit').finally(() => proc.kill('SIGKILL'));
}

describe('connection state recovery (--recovery)', () => {
  let server;
  const sockets = [];

  async function joined(options = {}, key = KEY) {
    const socket = await connect(server.url, key, options);
    sockets.push(socket);
    const ack = await emitWithAck(socket, 'join-project', P);
    assert.equal(ack.ok, true);
    return socket;
  }

  before(async () => {
    server = await startServer({ args: ['--recovery', '--key', `${KEY}=*`, '--key', `${OTHER_KEY}=elsewhere`] });
    const res = await api(server.url, KEY, 'POST', `/api/projects/${P}/tables`, { name: 'items', columns: [{ name: 'n', type: 'integer' }] });
    assert.equal(res.status, 201);
  });
  after(async () => {
    for (const s of sockets) s.close();
    const { code } = await server.stop();
    assert.equal(code, 0, server.stderr);
  });

  test('every event the server emits carries an offset string as its extra last argument; acks do not', async () => {
    const socket = await connect(server.url, KEY);
    sockets.push(socket);
    const joins = recorder(socket, 'joined-project');
    const changes = recorder(socket, 'database-change');
    const projectEvents = recorder(socket, 'project-event');
    const ack = await emitWithAck(socket, 'join-project', P);
    assert.deepEqual(ack, { ok: true, projectId: P, room: `project:${P}` }); // the ack: no offset

    const [joinedPayload, joinOffset] = await joins.next();
    assert.deepEqual(joinedPayload, { projectId: P, room: `project:${P}` });
    assert.equal(typeof joinOffset, 'string');

    await insertRow(server, 1);
    const [change, changeOffset] = await changes.next();
    assert.equal(change.type, 'insert');
    assert.deepEqual(change.data, { id: change.data.id, n: 1 });
    assert.equal(typeof changeOffset, 'string');

    await api(server.url, KEY, 'POST', `/api/projects/${P}/events`, { type: 'ping', data: 1 });
    const [event, eventOffset] = await projectEvents.next();
    assert.equal(event.type, 'ping');
    assert.equal(typeof eventOffset, 'string');
    assert.equal(new Set([joinOffset, changeOffset, eventOffset]).size, 3);

    const listing = await api(server.url, KEY, 'GET', '/api/_test/sockets');
    assert.equal(listing.body.recovery, true);
    assert.equal(listing.body.nodeId, undefined);
    assert.deepEqual(listing.body.details.find((d) => d.id === socket.id), {
      id: socket.id,
      recovered: false,
      rooms: [`project:${P}`],
      transport: 'websocket',
    });
    assert.equal(socket.recovered, false);
    socket.close();
  });

  for (const transports of [['websocket'], ['polling']]) {
    test(`a dropped ${transports[0]} transport is recovered: same id, rooms kept, missed events replayed once, in order`, async () => {
      const socket = await joined({ transports });
      const changes = recorder(socket, 'database-change');
      await insertRow(server, 100);
      await changes.next();
      const id = socket.id;

      for (let round = 1; round <= 2; round++) {
        // engine.close() is "forced close" for the client; the server sees "transport close",
        // one of the reasons socket.io keeps a session for.
        assert.equal(await dropTransport(server, socket), 'forced close');
        const missed = [];
        for (let i = 0; i < 3; i++) missed.push((await insertRow(server, round * 1000 + i)).body);
        await reconnect(socket);
        assert.equal(socket.recovered, true, `round ${round}`);
        assert.equal(socket.id, id);

        const replayed = [];
        for (let i = 0; i < 3; i++) replayed.push(await changes.next());
        assert.deepEqual(
          replayed.map(([e]) => e.data),
          missed,
        );
        for (const [, offset] of replayed) assert.equal(typeof offset, 'string');
        assert.deepEqual(await changes.none(300), [], 'nothing replayed twice');

        const detail = await api(server.url, KEY, 'GET', `/api/_test/sockets/${encodeURIComponent(id)}`);
        assert.deepEqual(detail, { status: 200, body: { id, recovered: true, rooms: [`project:${P}`], transport: transports[0] } });

        // The room is still joined: a new change arrives without a new join-project.
        const live = (await insertRow(server, round * 1000 + 99)).body;
        assert.deepEqual((await changes.next())[0].data, live);
      }
      socket.close();
    });
  }

  test('a recovery attempt with an unknown key gets "invalid api key" and none of the missed events', async () => {
    const socket = await joined();
    const changes = recorder(socket, 'database-change');
    await insertRow(server, 200);
    await changes.next();
    await dropTransport(server, socket);
    const missed = (await insertRow(server, 201)).body;

    socket.auth = { token: 'not-a-key' };
    await assert.rejects(reconnect(socket), { message: 'invalid api key' });
    assert.deepEqual(await changes.none(300), [], 'no missed event leaked before the refusal');

    // The session was not touched by the refused attempt: with a valid key it is recovered.
    socket.auth = { token: KEY };
    await reconnect(socket);
    assert.equal(socket.recovered, true);
    assert.deepEqual((await changes.next())[0].data, missed);
    assert.deepEqual(await changes.none(300), []);
    socket.close();
  });

  test('a key that does not grant the session\'s rooms gets a fresh session, without rooms or missed events', async () => {
    const socket = await joined();
    const changes = recorder(socket, 'database-change');
    await insertRow(server, 300);
    await changes.next();
    const id = socket.id;
    await dropTransport(server, socket);
    await insertRow(server, 301);

    socket.auth = { token: OTHER_KEY };
    await reconnect(socket);
    assert.equal(socket.recovered, false);
    assert.notEqual(socket.id, id);
    const detail = await api(server.url, KEY, 'GET', `/api/_test/sockets/${encodeURIComponent(socket.id)}`);
    assert.deepEqual(detail.body.rooms, []);
    assert.equal(detail.body.recovered, false);
    assert.deepEqual(await changes.none(300), []);
    // And the rooms are checked again on join, as for any new session.
    const ack = await emitWithAck(socket, 'join-project', P);
    assert.equal(ack.ok, false);
    socket.close();
  });

  test('the old socket id is unknown once the client has gone for good', async () => {
    const res = await api(server.url, KEY, 'GET', '/api/_test/sockets/no-such-socket');
    assert.equal(res.status, 404);
    assert.equal((await api(server.url, 'bad', 'GET', '/api/_test/sockets/x')).status, 401);
  });
});

describe('recovery window and defaults', () => {
  test('a session is not recovered after --recovery MS', async () => {
    const server = await startServer({ args: ['--recovery', '300', '--key', `${KEY}=*`] });
    try {
      const socket = await connect(server.url, KEY);
      const changes = recorder(socket, 'project-event');
      await emitWithAck(socket, 'join-project', P);
      await api(server.url, KEY, 'POST', `/api/projects/${P}/events`, { type: 'a' });
      await changes.next();
      await dropTransport(server, socket);
      await sleep(700);
      await reconnect(socket);
      assert.equal(socket.recovered, false);
      socket.close();
    } finally {
      assert.equal((await server.stop()).code, 0);
    }
  });

  test('without --recovery: no offset argument, and a reconnect is a new session without rooms', async () => {
    const server = await startServer({ args: ['--key', `${KEY}=*`] });
    try {
      const socket = await connect(server.url, KEY);
      const joins = recorder(socket, 'joined-project');
      const events = recorder(socket, 'project-event');
      await emitWithAck(socket, 'join-project', P);
      assert.deepEqual(await joins.next(), { projectId: P, room: `project:${P}` }); // one argument
      await api(server.url, KEY, 'POST', `/api/projects/${P}/events`, { type: 'a' });
      assert.equal((await events.next()).type, 'a'); // one argument, not [event, offset]
      assert.equal((await api(server.url, KEY, 'GET', '/api/_test/sockets')).body.recovery, false);
      const id = socket.id;
      await dropTransport(server, socket);
      await api(server.url, KEY, 'POST', `/api/projects/${P}/events`, { type: 'b' });
      await reconnect(socket);
      assert.ok(!socket.recovered); // socket.io-client leaves it undefined when the server sends no pid
      assert.notEqual(socket.id, id);
      assert.deepEqual(await events.none(300), []);
      socket.close();
    } finally {
      assert.equal((await server.stop()).code, 0);
    }
  });

  test('--recovery takes an optional duration; a bad one exits 2', async () => {
    const server = await startServer({ args: ['--recovery', '--verbose'] }); // no value: the next flag is a flag
    await server.stop();
    const zero = await runToExit(['--recovery=0']);
    assert.equal(zero.code, 2);
    assert.match(zero.stderr, /--recovery must be at least 1 ms/);
    const word = await runToExit(['--recovery', 'soon']);
    assert.equal(word.code, 2);
    assert.match(word.stderr, /unknown argument: soon/);
  });
});
