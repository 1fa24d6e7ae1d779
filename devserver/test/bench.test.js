'use strict';

// Bench mode: POST /api/_bench/stream writes N pre-encoded database-change inserts to a room.

const { describe, test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { startServer, api, connect, recorder, schemaValidator, withTimeout } = require('../test-support/harness');
const { frameBuilder } = require('../src/bench');

const KEY = 'bench-key';
const P = 'bench';

describe('bench stream endpoint', () => {
  let server;
  const sockets = [];
  const call = (method, path, body, key = KEY) => api(server.url, key, method, path, body);

  async function joinedClient(options = {}) {
    const socket = await connect(server.url, KEY, options);
    sockets.push(socket);
    const joins = recorder(socket, 'joined-project');
    socket.emit('join-project', P);
    await joins.next();
    return socket;
  }

  /** Resolves with the first `n` database-change payloads the socket receives. */
  function collect(socket, n, ms = 10000) {
    const got = [];
    return withTimeout(
      new Promise((resolve) => {
        const onChange = (event) => {
          got.push(event);
          if (got.length === n) {
            socket.off('database-change', onChange);
            resolve(got);
          }
        };
        socket.on('database-change', onChange);
      }),
      ms,
      `${n} database-change events (got ${got.length})`,
    );
  }

  before(async () => {
    server = await startServer({ args: ['--key', `${KEY}=${P}`, '--key', 'all=*'] });
  });
  after(async () => {
    for (const s of sockets) s.close();
    const { code } = await server.stop();
    assert.equal(code, 0, server.stderr);
  });

  test('streams N schema-valid inserts in order, stamped with their send time (websocket and polling)', async () => {
    const validate = schemaValidator('database-event');
    for (const transports of [['websocket'], ['polling']]) {
      const socket = await joinedClient({ transports });
      const received = collect(socket, 50);
      const res = await call('POST', '/api/_bench/stream', { projectId: P, count: 50, tableName: 'vehicles', firstId: 7 });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.equal(res.body.room, `project:${P}`);
      assert.equal(res.body.sockets, 1);
      assert.equal(res.body.sent, 50);
      assert.equal(res.body.complete, true);
      assert.equal(res.body.ratePerSecond, null);
      const events = await received;
      const receivedAt = Date.now();
      events.forEach((event, i) => {
        assert.equal(validate(event), true, `${transports[0]}: ${JSON.stringify(validate.errors)}`);
        assert.equal(event.type, 'insert');
        assert.equal(event.projectId, P);
        assert.equal(event.tableName, 'vehicles');
        assert.equal(event.data.id, 7 + i);
        assert.equal(event.data.registration_number, `CA ${7 + i}`);
        assert.ok(['available', 'in_service', 'out_of_service'].includes(event.data.status));
        assert.equal(typeof event.data.sent_at_ms, 'number');
        // timestamp is the send time to the millisecond; sent_at_ms the same instant with more digits.
        assert.equal(Date.parse(event.timestamp), Math.floor(event.data.sent_at_ms));
        assert.match(event.timestamp, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
        assert.ok(receivedAt - event.data.sent_at_ms >= -1, 'sent_at_ms is on the wall clock, not in the future');
        assert.ok(receivedAt - event.data.sent_at_ms < 10000, 'sent_at_ms is recent');
        if (i > 0) assert.ok(event.data.sent_at_ms >= events[i - 1].data.sent_at_ms);
      });
      socket.close();
    }
  });

  test('a fixed rate spaces the events out', async () => {
    const socket = await joinedClient();
    const received = collect(socket, 40);
    const res = await call('POST', '/api/_bench/stream', { projectId: P, count: 40, ratePerSecond: 400 });
    assert.equal(res.status, 200);
    assert.equal(res.body.sent, 40);
    assert.equal(res.body.ratePerSecond, 400);
    // Event i is due at i/400 s: the 40th at 97.5 ms.
    assert.ok(res.body.elapsedMs >= 95, `elapsed ${res.body.elapsedMs} ms`);
    const events = await received;
    const spanMs = events[39].data.sent_at_ms - events[0].data.sent_at_ms;
    assert.ok(spanMs >= 90 && spanMs < 2000, `span ${spanMs} ms`);
    assert.deepEqual(events.map((e) => e.data.id), Array.from({ length: 40 }, (_, i) => i + 1));
    socket.close();
  });

  test('a large stream reaches every socket in the room, in order, without losing an event', async () => {
    const a = await joinedClient();
    const b = await joinedClient();
    const count = 20000;
    const got = [collect(a, count, 30000), collect(b, count, 30000)];
    const res = await call('POST', '/api/_bench/stream', { projectId: P, count });
    assert.equal(res.status, 200);
    assert.equal(res.body.sockets, 2);
    assert.equal(res.body.sent, count);
    assert.ok(res.body.eventsPerSecond > 0);
    for (const events of await Promise.all(got)) {
      assert.equal(events.length, count);
      assert.equal(events[0].data.id, 1);
      assert.equal(events[count - 1].data.id, count);
      assert.ok(events.every((e, i) => e.data.id === i + 1));
    }
    a.close();
    b.close();
  });

  test('an empty room gets nothing and says so', async () => {
    const res = await call('POST', '/api/_bench/stream', { projectId: 'nobody-here', count: 10 }, 'all');
    assert.equal(res.status, 200);
    assert.equal(res.body.sockets, 0);
    assert.equal(res.body.sent, 0);
    assert.equal(res.body.complete, false);
  });

  test('is key-protected and validates its input', async () => {
    const post = (body, key) => call('POST', '/api/_bench/stream', body, key);
    assert.equal((await post({ projectId: P, count: 1 }, 'wrong')).status, 401);
    assert.equal((await post({ projectId: P, count: 1 }, null)).status, 401);
    assert.equal((await post({ projectId: 'other', count: 1 })).status, 403);
    for (const bad of [
      { count: 1 },
      { projectId: P },
      { projectId: P, count: 0 },
      { projectId: P, count: 1.5 },
      { projectId: P, count: '10' },
      { projectId: P, count: 10_000_001 },
      { projectId: P, count: 1, ratePerSecond: 0 },
      { projectId: P, count: 1, ratePerSecond: -5 },
      { projectId: P, count: 1, ratePerSecond: 'fast' },
      { projectId: P, count: 1, tableName: 'no-dashes' },
      { projectId: P, count: 1, tableName: 42 },
      { projectId: P, count: 1, firstId: -1 },
      { projectId: P, count: 1, timeoutMs: 0 },
    ]) {
      const res = await post(bad);
      assert.equal(res.status, 400, JSON.stringify(bad));
      assert.equal(typeof res.body.error, 'string');
    }
    assert.equal((await call('GET', '/api/_bench/stream')).status, 405);
  });

  test('the pre-encoded frame is the same JSON the Socket.IO encoder would write', () => {
    const frameFor = frameBuilder('p"1', 'vehicles');
    const frame = frameFor(5, 1764112345678.1234);
    assert.equal(frame[0], '2');
    const [name, event] = JSON.parse(frame.slice(1));
    assert.equal(name, 'database-change');
    assert.deepEqual(event, {
      type: 'insert',
      projectId: 'p"1',
      tableName: 'vehicles',
      data: {
        id: 5,
        registration_number: 'CA 5',
        status: 'out_of_service',
        capacity: 4,
        is_electric: 1,
        odometer: '9007199254740993',
        created_at: '2025-01-31T12:00:00.000Z',
        sent_at_ms: 1764112345678.123,
      },
      timestamp: '2025-11-25T23:12:25.678Z',
    });
    assert.equal(schemaValidator('database-event')(event), true);
  });

  test('timestamp is always the millisecond of the written sent_at_ms, also where it rounds up to the next one', () => {
    const frameFor = frameBuilder('p', 'vehicles');
    // Send times just under a millisecond boundary round up when written with three decimals (the CI failure was
    // 1796114836145.9996 → "…146.000" under a timestamp of …145), and a spread of ordinary ones.
    const times = [1796114836145.9996, 1796114836145.9995, 1764112345678.99951, 1764112345678.0004];
    for (let i = 0; i < 2000; i++) times.push(1764112345678 + i * 0.0007 + (i % 7) * 0.00013);
    for (const sentAt of times) {
      const [, event] = JSON.parse(frameFor(1, sentAt).slice(1));
      assert.equal(Date.parse(event.timestamp), Math.floor(event.data.sent_at_ms), `sent at ${sentAt}`);
      assert.ok(Math.abs(event.data.sent_at_ms - sentAt) < 0.001, `sent at ${sentAt}`); // doubles near 1.8e12 are 0.00024 apart
    }
  });
});
