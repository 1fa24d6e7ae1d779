'use strict';

// `--contract seed`: the server behaves as a backend written from the seed may (DESIGN.md section 2).
// Every assertion is on what a raw socket.io-client receives, and every event is checked against schemas/.

const { describe, test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { spawnSync } = require('node:child_process');
const path = require('node:path');
const { startServer, api, connect, recorder, emitWithAck, assertSchema, withTimeout, dropTransportOf, reconnect } = require('../test-support/harness');

const KEY = 'seed-key';
const SERVER_JS = path.join(__dirname, '..', 'server.js');

/** Connects with no `auth` option at all, as the seed's client does (CONNECT packet `40`, no payload). */
const connectBare = (url) => connect(url, undefined, { auth: undefined });

/** Resolves once `socketId` is a member of the project's room (a silent or late join gives no other sign). */
async function waitForMember(url, projectId, socketId) {
  return withTimeout(
    (async () => {
      for (;;) {
        const { body } = await api(url, KEY, 'GET', `/api/_test/rooms/${projectId}`);
        if (body.members.includes(socketId)) return;
        await new Promise((r) => setTimeout(r, 25));
      }
    })(),
    5000,
    `${socketId} in the room of ${projectId}`,
  );
}

async function createVehicles(url, projectId) {
  const res = await api(url, KEY, 'POST', `/api/projects/${projectId}/tables`, {
    name: 'vehicles',
    columns: [
      { name: 'registration_number', type: 'text' },
      { name: 'status', type: 'text' },
      { name: 'capacity', type: 'integer' },
    ],
  });
  assert.equal(res.status, 201, JSON.stringify(res.body));
}

/**
 * Registers before/after hooks that start one server with `args` and close every socket opened
 * through `open` (a connect promise). Returns accessors for the describe block's tests.
 */
function serverPerDescribe(args) {
  const state = { server: null, sockets: [] };
  before(async () => {
    state.server = await startServer({ args });
  });
  after(async () => {
    for (const s of state.sockets) s.close();
    const { code } = await state.server.stop();
    assert.equal(code, 0, state.server.stderr);
  });
  return {
    get url() {
      return state.server.url;
    },
    async open(connecting) {
      const socket = await connecting;
      state.sockets.push(socket);
      return socket;
    },
  };
}

const nextValid = async (changes, type) => {
  const event = await changes.next((e) => e.type === type);
  assertSchema('database-event', event);
  return event;
};

describe('seed contract: credentials, joins, rows, tableName', () => {
  const server = serverPerDescribe(['--key', `${KEY}=*`, '--contract', 'seed', '--silent-joins', 'quiet,hushed']);
  const open = (connecting) => server.open(connecting);

  test('a client with no credential at all connects and joins', async () => {
    const socket = await open(connectBare(server.url));
    assert.equal(socket.connected, true);
    const joined = recorder(socket, 'joined-project');
    socket.emit('join-project', 'open-project');
    const event = await joined.next();
    assertSchema('room-membership', event);
    assert.deepEqual(event, { projectId: 'open-project', room: 'project:open-project' });
  });

  test('an unknown credential is ignored, not refused', async () => {
    const socket = await open(connect(server.url, 'not-a-key'));
    assert.equal(socket.connected, true);
    assert.equal((await emitWithAck(socket, 'join-project', 'any-project')).ok, true);
  });

  test('a silent project gets neither joined-project nor an ack, yet the room is joined and changes arrive', async () => {
    const socket = await open(connectBare(server.url));
    const joined = recorder(socket, 'joined-project');
    const changes = recorder(socket, 'database-change');
    let acked = false;
    socket.emit('join-project', 'quiet', () => {
      acked = true;
    });
    await waitForMember(server.url, 'quiet', socket.id);
    await createVehicles(server.url, 'quiet');
    const created = await nextValid(changes, 'create_table');
    assert.equal(created.tableName, 'vehicles');
    assert.deepEqual(await joined.none(300), []);
    assert.equal(acked, false);
    // A project not in the list is still answered on the same connection.
    socket.emit('join-project', 'loud');
    assert.deepEqual(await joined.next(), { projectId: 'loud', room: 'project:loud' });
  });

  test('an update carries the key and only the changed columns; oldData the whole previous row', async () => {
    const socket = await open(connectBare(server.url));
    const changes = recorder(socket, 'database-change');
    assert.equal((await emitWithAck(socket, 'join-project', 'rows')).ok, true);
    await createVehicles(server.url, 'rows');
    const inserted = await api(server.url, KEY, 'POST', '/api/projects/rows/tables/vehicles/rows', { registration_number: 'CA 1', status: 'active', capacity: 4 });
    assert.equal(inserted.status, 201);
    const insert = await nextValid(changes, 'insert');
    assert.deepEqual(insert.data, { id: 1, registration_number: 'CA 1', status: 'active', capacity: 4 });

    // capacity is sent with its current value: not a change, so not in data.
    const res = await api(server.url, KEY, 'PATCH', '/api/projects/rows/tables/vehicles/rows/1', { status: 'maintenance', capacity: 4 });
    assert.equal(res.status, 200);
    assert.deepEqual(res.body, { id: 1, registration_number: 'CA 1', status: 'maintenance', capacity: 4 }, 'the HTTP answer stays the full row');
    const update = await nextValid(changes, 'update');
    assert.deepEqual(update.data, { id: 1, status: 'maintenance' });
    assert.deepEqual(update.oldData, { id: 1, registration_number: 'CA 1', status: 'active', capacity: 4 });
  });

  test('a bulk insert is one insert event whose data is the array of stored rows', async () => {
    const socket = await open(connectBare(server.url));
    const changes = recorder(socket, 'database-change');
    assert.equal((await emitWithAck(socket, 'join-project', 'bulk')).ok, true);
    await createVehicles(server.url, 'bulk');
    const rows = [
      { registration_number: 'B 1', status: 'active', capacity: 2 },
      { registration_number: 'B 2', status: 'active', capacity: 3 },
      { registration_number: 'B 3', status: 'idle', capacity: 5 },
    ];
    const res = await api(server.url, KEY, 'POST', '/api/projects/bulk/tables/vehicles/rows/bulk', rows);
    assert.equal(res.status, 201, JSON.stringify(res.body));
    const insert = await nextValid(changes, 'insert');
    assert.deepEqual(insert.data, rows.map((r, i) => ({ id: i + 1, ...r })));
    assert.deepEqual(res.body, insert.data);

    const updated = await api(server.url, KEY, 'PATCH', '/api/projects/bulk/tables/vehicles/rows/bulk', [
      { id: 1, status: 'idle' },
      { id: 3, capacity: 6 },
    ]);
    assert.equal(updated.status, 200, JSON.stringify(updated.body));
    const update = await nextValid(changes, 'update');
    assert.deepEqual(update.data, [
      { id: 1, status: 'idle' },
      { id: 3, capacity: 6 },
    ]);
    assert.deepEqual(update.oldData, [insert.data[0], insert.data[2]]);
    // One event per bulk call: nothing else followed.
    assert.deepEqual((await changes.none(300)).filter((e) => e.type === 'insert' || e.type === 'update'), []);
  });

  test('a bulk write that fails on one row changes nothing and announces nothing', async () => {
    const socket = await open(connectBare(server.url));
    const changes = recorder(socket, 'database-change');
    assert.equal((await emitWithAck(socket, 'join-project', 'atomic')).ok, true);
    await createVehicles(server.url, 'atomic');
    await nextValid(changes, 'create_table');
    const res = await api(server.url, KEY, 'POST', '/api/projects/atomic/tables/vehicles/rows/bulk', [{ status: 'ok' }, { no_such_column: 1 }]);
    assert.equal(res.status, 400);
    assert.deepEqual((await api(server.url, KEY, 'GET', '/api/projects/atomic/tables/vehicles/rows')).body, []);
    assert.deepEqual(await changes.none(300), []);
  });

  test('cron and import_dump events carry no tableName at all', async () => {
    const socket = await open(connectBare(server.url));
    const changes = recorder(socket, 'database-change');
    assert.equal((await emitWithAck(socket, 'join-project', 'ops')).ok, true);
    const job = await api(server.url, KEY, 'POST', '/api/projects/ops/cron-jobs', { name: 'nightly', schedule: '0 2 * * *' });
    assert.equal(job.status, 201);
    const created = await nextValid(changes, 'create_cron_job');
    assert.equal('tableName' in created, false, JSON.stringify(created));
    assert.equal((await api(server.url, KEY, 'POST', '/api/projects/ops/import-dump', { tables: [] })).status, 200);
    const dump = await nextValid(changes, 'import_dump');
    assert.equal('tableName' in dump, false, JSON.stringify(dump));
  });
});

describe('seed contract: --omit-old-data, --join-delay-ms, --validate-credential', () => {
  const server = serverPerDescribe(['--key', `${KEY}=*`, '--key', 'p1-key=p1', '--contract', 'seed', '--omit-old-data', '--join-delay-ms', '3000', '--validate-credential']);
  const open = (connecting) => server.open(connecting);

  test('with --validate-credential: none still connects, an unknown one is refused, a known one is checked on join', async () => {
    await open(connectBare(server.url));
    await assert.rejects(connect(server.url, 'wrong-key'), (err) => err.message === 'invalid api key');
    const limited = await open(connect(server.url, 'p1-key'));
    const errors = recorder(limited, 'join-project-error');
    limited.emit('join-project', 'p2');
    const refused = await errors.next();
    assertSchema('join-project-error', refused);
    assert.deepEqual(refused, { projectId: 'p2', message: 'api key does not grant project p2' });
  });

  test('a late answer: the room is joined at once, so a change arrives before joined-project', async () => {
    const socket = await open(connectBare(server.url));
    const order = [];
    socket.on('joined-project', (e) => order.push(`joined-project ${e.projectId}`));
    socket.on('database-change', (e) => order.push(`database-change ${e.type}`));
    const joined = recorder(socket, 'joined-project');
    socket.emit('join-project', 'late');
    await waitForMember(server.url, 'late', socket.id);
    await createVehicles(server.url, 'late');
    assert.deepEqual(await joined.next(() => true, 10000), { projectId: 'late', room: 'project:late' });
    assert.deepEqual(order, ['database-change create_table', 'joined-project late']);
  });

  test('with --omit-old-data an update has no oldData', async () => {
    const socket = await open(connectBare(server.url));
    const changes = recorder(socket, 'database-change');
    socket.emit('join-project', 'old');
    await waitForMember(server.url, 'old', socket.id);
    await createVehicles(server.url, 'old');
    await api(server.url, KEY, 'POST', '/api/projects/old/tables/vehicles/rows', { status: 'a' });
    await api(server.url, KEY, 'PATCH', '/api/projects/old/tables/vehicles/rows/1', { status: 'b' });
    const update = await nextValid(changes, 'update');
    assert.deepEqual(update.data, { id: 1, status: 'b' });
    assert.equal('oldData' in update, false, JSON.stringify(update));
  });
});

describe('seed contract with --recovery: a client with no credential recovers its session', () => {
  const server = serverPerDescribe(['--key', `${KEY}=*`, '--contract', 'seed', '--recovery', '--silent-joins', '*']);

  test('a dropped transport is recovered with no credential: same id, room kept, the missed change replayed', async () => {
    const socket = await server.open(connectBare(server.url));
    const changes = recorder(socket, 'database-change');
    socket.emit('join-project', 'rec');
    await waitForMember(server.url, 'rec', socket.id);
    await createVehicles(server.url, 'rec');
    await changes.next();
    const id = socket.id;
    assert.equal(await dropTransportOf(server, KEY, socket), 'forced close');
    const missed = (await api(server.url, KEY, 'POST', '/api/projects/rec/tables/vehicles/rows', { status: 'while away' })).body;
    await reconnect(socket);
    assert.equal(socket.recovered, true);
    assert.equal(socket.id, id);
    const [replayed, offset] = await changes.next();
    assertSchema('database-event', replayed);
    assert.deepEqual(replayed.data, missed);
    assert.equal(typeof offset, 'string');
  });
});

describe('--clock-skew-ms: two servers disagree about the time', () => {
  let fast;
  let slow;
  const sockets = [];

  before(async () => {
    fast = await startServer({ args: ['--key', `${KEY}=*`, '--contract', 'seed'] });
    slow = await startServer({ args: ['--key', `${KEY}=*`, '--contract', 'seed', '--clock-skew-ms', '-60000'] });
  });
  after(async () => {
    for (const s of sockets) s.close();
    assert.equal((await fast.stop()).code, 0, fast.stderr);
    assert.equal((await slow.stop()).code, 0, slow.stderr);
  });

  test('a change made later on the skewed server carries an earlier timestamp', async () => {
    const changesOf = async (server) => {
      const socket = await connectBare(server.url);
      sockets.push(socket);
      const changes = recorder(socket, 'database-change');
      assert.equal((await emitWithAck(socket, 'join-project', 'clock')).ok, true);
      return changes;
    };
    const fastChanges = await changesOf(fast);
    const slowChanges = await changesOf(slow);
    await createVehicles(fast.url, 'clock');
    const first = await nextValid(fastChanges, 'create_table');
    await createVehicles(slow.url, 'clock');
    const second = await nextValid(slowChanges, 'create_table');
    const project = await api(slow.url, KEY, 'POST', '/api/projects/clock/events', { type: 'ping' });
    assertSchema('project-event', project.body);
    assert.ok(Date.parse(second.timestamp) < Date.parse(first.timestamp) - 50000, `${second.timestamp} vs ${first.timestamp}`);
    assert.ok(Date.parse(project.body.timestamp) < Date.parse(first.timestamp) - 50000, 'project events are skewed too');
  });
});

describe('dev contract (default) keeps its strict shapes', () => {
  let server;
  let socket;

  before(async () => {
    server = await startServer({ args: ['--key', `${KEY}=*`] });
    socket = await connect(server.url, KEY);
  });
  after(async () => {
    socket.close();
    assert.equal((await server.stop()).code, 0, server.stderr);
  });

  test('no credential is refused; a bulk write is one full-row event per row; cron events say tableName null', async () => {
    await assert.rejects(connectBare(server.url), (err) => err.message === 'invalid api key');
    const changes = recorder(socket, 'database-change');
    assert.equal((await emitWithAck(socket, 'join-project', 'dev')).ok, true);
    await createVehicles(server.url, 'dev');
    const res = await api(server.url, KEY, 'POST', '/api/projects/dev/tables/vehicles/rows/bulk', [{ status: 'a' }, { status: 'b' }]);
    assert.equal(res.status, 201);
    assert.deepEqual((await nextValid(changes, 'insert')).data, { id: 1, registration_number: null, status: 'a', capacity: null });
    assert.deepEqual((await nextValid(changes, 'insert')).data, { id: 2, registration_number: null, status: 'b', capacity: null });
    await api(server.url, KEY, 'PATCH', '/api/projects/dev/tables/vehicles/rows/bulk', [{ id: 2, status: 'c' }]);
    const update = await nextValid(changes, 'update');
    assert.deepEqual(update.data, { id: 2, registration_number: null, status: 'c', capacity: null });
    assert.deepEqual(update.oldData, { id: 2, registration_number: null, status: 'b', capacity: null });
    await api(server.url, KEY, 'POST', '/api/projects/dev/cron-jobs', { name: 'n', schedule: '* * * * *' });
    assert.equal((await nextValid(changes, 'create_cron_job')).tableName, null);
  });
});

describe('contract flags on the command line', () => {
  const run = (args, env = {}) =>
    spawnSync(process.execPath, [SERVER_JS, '--port', '0', ...args], { env: { ...process.env, SKAFTIN_DEV_KEYS: '', ...env }, encoding: 'utf8', timeout: 10000, input: '' });

  for (const args of [['--contract', 'other'], ['--silent-joins', 'p1'], ['--join-delay-ms', '10'], ['--omit-old-data'], ['--validate-credential'], ['--clock-skew-ms', '1.5'], ['--contract', 'seed', '--join-delay-ms', '-1']]) {
    test(`${args.join(' ')} exits 2`, () => {
      const result = run(args);
      assert.equal(result.status, 2, result.stderr);
      assert.match(result.stderr, /^skaftin-dev-server: /);
    });
  }

  test('SKAFTIN_DEV_CONTRACT=seed turns the seed contract on', async () => {
    const server = await startServer({ env: { SKAFTIN_DEV_CONTRACT: 'seed' } });
    try {
      const socket = await connectBare(server.url);
      assert.equal(socket.connected, true);
      socket.close();
    } finally {
      assert.equal((await server.stop()).code, 0, server.stderr);
    }
  });
});
