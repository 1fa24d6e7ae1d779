'use strict';

// Test hooks that let SDK tests send what a well-behaved server never would.

const { describe, test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { startServer, api, connect, recorder, schemaValidator } = require('../test-support/harness');

const KEY = 'emit-key';
const P = 'chaos';
const TS = '2025-01-31T12:00:00.000Z';

describe('emit and emit-raw test hooks', () => {
  let server;
  const sockets = [];
  const call = (method, path, body, key = KEY) => api(server.url, key, method, path, body);

  /** A client that re-joins P on every (re)connect, as an SDK must: rooms are server state. */
  async function joinedClient(options = {}) {
    const socket = await connect(server.url, KEY, options);
    sockets.push(socket);
    const joins = recorder(socket, 'joined-project');
    socket.on('connect', () => socket.emit('join-project', P));
    socket.emit('join-project', P);
    await joins.next();
    return { socket, joins };
  }

  before(async () => {
    server = await startServer({ args: ['--key', `${KEY}=${P}`, '--key', 'all=*'] });
  });
  after(async () => {
    for (const s of sockets) s.close();
    const { code } = await server.stop();
    assert.equal(code, 0, server.stderr);
  });

  test('emit sends any event with any JSON args to the room', async () => {
    const { socket } = await joinedClient();
    const changes = recorder(socket, 'database-change');
    const custom = recorder(socket, 'custom-event');

    const unknownType = { type: 'truncate_table', projectId: P, tableName: 't', timestamp: TS, extra: [1] };
    let res = await call('POST', '/api/_test/emit', { projectId: P, event: 'database-change', args: [unknownType] });
    assert.deepEqual(res, { status: 200, body: { room: `project:${P}`, event: 'database-change', sockets: 1 } });
    assert.deepEqual(await changes.next(), unknownType);
    // An unknown type is valid by the contract: the schema has no enum.
    assert.equal(schemaValidator('database-event')(unknownType), true);

    res = await call('POST', '/api/_test/emit', { projectId: P, event: 'custom-event', args: [1, 'two', null, { three: 3 }] });
    assert.equal(res.status, 200);
    assert.deepEqual(await custom.next(), [1, 'two', null, { three: 3 }]);

    assert.equal((await call('POST', '/api/_test/emit', { projectId: P, event: 'connect', args: [] })).status, 400);
    assert.equal((await call('POST', '/api/_test/emit', { projectId: P, event: 'x', args: 'nope' })).status, 400);
    assert.equal((await call('POST', '/api/_test/emit', { event: 'x' })).status, 400);
    assert.equal((await call('POST', '/api/_test/emit', { projectId: 'other', event: 'x' })).status, 403);
    assert.equal((await call('POST', '/api/_test/emit', { projectId: P, event: 'x' }, 'wrong')).status, 401);
  });

  test('emit takes args as JSON text, and can ask for an ack or attach binary', async () => {
    const { socket } = await joinedClient();
    const custom = recorder(socket, 'custom-event');
    socket.on('acked-event', (_arg, ack) => ack('ok'));
    const acked = recorder(socket, 'acked-event');

    let res = await call('POST', '/api/_test/emit', { projectId: P, event: 'custom-event', argsJson: '["\\ud800",[[[[1]]]]]' });
    assert.equal(res.status, 200);
    assert.deepEqual(await custom.next(), ['\ud800', [[[[1]]]]]);

    res = await call('POST', '/api/_test/emit', { projectId: P, event: 'custom-event', args: [1], binary: true });
    assert.equal(res.status, 200);
    const [one, bytes] = await custom.next();
    assert.equal(one, 1);
    assert.deepEqual([...bytes], [1, 2, 3]);

    res = await call('POST', '/api/_test/emit', { projectId: P, event: 'acked-event', args: [2], ack: true });
    assert.equal(res.status, 200);
    assert.equal((await acked.next())[0], 2);

    assert.equal((await call('POST', '/api/_test/emit', { projectId: P, event: 'x', argsJson: '[' })).status, 400);
    assert.equal((await call('POST', '/api/_test/emit', { projectId: P, event: 'x', argsJson: 5 })).status, 400);
  });

  test('emit-raw writes a well-formed frame that arrives as a normal event (websocket and polling)', async () => {
    for (const transports of [['websocket'], ['polling']]) {
      const { socket } = await joinedClient({ transports });
      const changes = recorder(socket, 'database-change');
      const event = { type: 'insert', projectId: P, tableName: 'raw', data: { id: 1 }, timestamp: TS };
      const res = await call('POST', '/api/_test/emit-raw', { projectId: P, frame: `2${JSON.stringify(['database-change', event])}` });
      assert.equal(res.status, 200);
      assert.ok(res.body.sockets >= 1);
      assert.deepEqual(await changes.next(), event, transports[0]);
      socket.close();
    }
  });

  test('a frame that parses but breaks the contract reaches the client as-is, connection intact', async () => {
    const { socket } = await joinedClient();
    const changes = recorder(socket, 'database-change');
    const disconnects = recorder(socket, 'disconnect');
    const validate = schemaValidator('database-event');

    for (const frame of [
      '2["database-change","not an object"]',
      '2["database-change",{"type":42,"projectId":"chaos"}]',
      '2["database-change",{"type":"insert","projectId":"chaos","tableName":"t","data":[1,2],"timestamp":"yesterday"}]',
    ]) {
      await call('POST', '/api/_test/emit-raw', { projectId: P, frame });
      const got = await changes.next();
      assert.equal(validate(got), false, `schema should reject ${frame}`);
    }

    const good = { type: 'delete', projectId: P, tableName: 't', data: { id: 9 }, timestamp: TS };
    await call('POST', '/api/_test/emit', { projectId: P, event: 'database-change', args: [good] });
    assert.deepEqual(await changes.next(), good);
    assert.deepEqual(disconnects.seen, []);
  });

  test('after a malformed frame the client still gets the next valid emit', async () => {
    // socket.io-client 4.8.4 treats an undecodable packet as a broken transport: it closes
    // with reason "parse error" and, with reconnection on, reconnects. A client that re-joins
    // its rooms on connect (as every Skaftin client must) then gets the next valid event.
    const { socket, joins } = await joinedClient({ reconnection: true, reconnectionDelay: 50, reconnectionDelayMax: 100 });
    const changes = recorder(socket, 'database-change');
    const disconnects = recorder(socket, 'disconnect');

    const res = await call('POST', '/api/_test/emit-raw', { projectId: P, frame: '2["database-change",{"type":' });
    assert.equal(res.status, 200);
    assert.ok(res.body.sockets >= 1);
    const [reason, details] = await disconnects.next();
    assert.equal(reason, 'parse error');
    assert.match(String(details && details.message), /invalid payload/);
    await joins.next(); // re-joined after the automatic reconnect
    const rooms = await call('GET', `/api/_test/rooms/${P}`);
    assert.ok(rooms.body.members.includes(socket.id));

    const valid = { type: 'insert', projectId: P, tableName: 'vehicles', data: { id: 1, registration_number: 'OK 1' }, timestamp: TS };
    await call('POST', '/api/_test/emit', { projectId: P, event: 'database-change', args: [valid] });
    assert.deepEqual(await changes.next(), valid);
    assert.equal(changes.seen.length, 1, 'the malformed frame must not surface as an event');
  });

  test('emit-raw to an empty room reaches nobody', async () => {
    const res = await call('POST', '/api/_test/emit-raw', { projectId: 'empty', frame: '2["x"]' }, 'all');
    assert.deepEqual(res, { status: 200, body: { room: 'project:empty', sockets: 0 } });
    assert.equal((await call('POST', '/api/_test/emit-raw', { projectId: P, frame: 42 })).status, 400);
  });
});
