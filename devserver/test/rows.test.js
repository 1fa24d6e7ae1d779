'use strict';

// Row changes: written to SQLite, read back, and announced as schema-valid `database-change` events.

const { describe, test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { startServer, api, connect, recorder, emitWithAck, assertSchema } = require('../test-support/harness');

const KEY = 'rows-key';
const P = 'fleet';

describe('row events', () => {
  let server;
  let socket;
  let other; // a socket in another project's room: must see none of P's changes
  let changes;
  let otherChanges;
  const call = (method, path, body, opts) => api(server.url, KEY, method, path, body, opts);
  const nextChange = async (type) => {
    const event = await changes.next((e) => e.type === type);
    assertSchema('database-event', event);
    return event;
  };

  before(async () => {
    server = await startServer({ args: ['--key', `${KEY}=*`] });
    socket = await connect(server.url, KEY);
    other = await connect(server.url, KEY);
    changes = recorder(socket, 'database-change');
    otherChanges = recorder(other, 'database-change');
    assert.equal((await emitWithAck(socket, 'join-project', P)).ok, true);
    assert.equal((await emitWithAck(other, 'join-project', 'elsewhere')).ok, true);
  });
  after(async () => {
    socket.close();
    other.close();
    const { code } = await server.stop();
    assert.equal(code, 0, server.stderr);
  });

  test('create table announces create_table with the columns, including the generated id', async () => {
    const res = await call('POST', `/api/projects/${P}/tables`, {
      name: 'vehicles',
      columns: [
        { name: 'registration_number', type: 'text', nullable: false },
        { name: 'status', type: 'text' },
        { name: 'capacity', type: 'integer' },
        { name: 'is_electric', type: 'boolean' },
        { name: 'odometer', type: 'bigint' },
        { name: 'price', type: 'numeric' },
        { name: 'rating', type: 'real' },
        { name: 'specs', type: 'json' },
        { name: 'created_at', type: 'timestamp', default: 'now' },
      ],
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    const event = await nextChange('create_table');
    assert.equal(event.projectId, P);
    assert.equal(event.tableName, 'vehicles');
    assert.equal(event.data.primaryKey, 'id');
    assert.deepEqual(event.data.columns[0], { name: 'id', type: 'integer', primaryKey: true, nullable: false });
    assert.equal(event.data.columns.length, 10);
    assert.ok(!Number.isNaN(Date.parse(event.timestamp)));
  });

  let insertedId;
  test('insert: 201 with the stored row; the event carries the full row as a JS backend encodes it', async () => {
    const res = await call('POST', `/api/projects/${P}/tables/vehicles/rows`, {
      registration_number: 'CA 123-456',
      status: 'active',
      capacity: 4,
      is_electric: true,
      odometer: '9007199254740993', // 2^53 + 1: only survives as a string
      price: '1999.90',
      rating: 4.5,
      specs: { seats: [1, 2], colour: 'red' },
    });
    assert.equal(res.status, 201);
    const event = await nextChange('insert');
    insertedId = event.data.id;
    assert.equal(typeof insertedId, 'number');
    assert.deepEqual(event.data, res.body);
    assert.equal(event.tableName, 'vehicles');
    assert.equal(event.oldData, undefined);
    const { created_at: createdAt, ...rest } = event.data;
    assert.deepEqual(rest, {
      id: insertedId,
      registration_number: 'CA 123-456',
      status: 'active',
      capacity: 4,
      is_electric: 1,
      odometer: '9007199254740993',
      price: '1999.90',
      rating: 4.5,
      specs: { seats: [1, 2], colour: 'red' },
    });
    assert.match(createdAt, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  test('nullable columns come out as null, booleans false as 0, and the read API agrees', async () => {
    const res = await call('POST', `/api/projects/${P}/tables/vehicles/rows`, { registration_number: 'GP 1', is_electric: false });
    const event = await nextChange('insert');
    assert.equal(event.data.is_electric, 0);
    assert.equal(event.data.capacity, null);
    assert.equal(event.data.specs, null);
    assert.equal(event.data.odometer, null);
    const one = await call('GET', `/api/projects/${P}/tables/vehicles/rows/${res.body.id}`);
    assert.deepEqual(one, { status: 200, body: event.data });
    const all = await call('GET', `/api/projects/${P}/tables/vehicles/rows`);
    assert.equal(all.status, 200);
    assert.deepEqual(all.body.map((r) => r.id), [insertedId, res.body.id]);
  });

  test('update: data is the new full row, oldData the previous full row', async () => {
    const before = (await call('GET', `/api/projects/${P}/tables/vehicles/rows/${insertedId}`)).body;
    const res = await call('PATCH', `/api/projects/${P}/tables/vehicles/rows/${insertedId}`, {
      status: 'maintenance',
      is_electric: false,
      odometer: 12,
    });
    assert.equal(res.status, 200);
    const event = await nextChange('update');
    assert.deepEqual(event.oldData, before);
    assert.deepEqual(event.data, { ...before, status: 'maintenance', is_electric: 0, odometer: '12' });
    assert.deepEqual(res.body, event.data);
  });

  test('delete: data is the full old row', async () => {
    const created = await call('POST', `/api/projects/${P}/tables/vehicles/rows`, { registration_number: 'DEL 1', capacity: 2 });
    await nextChange('insert');
    const res = await call('DELETE', `/api/projects/${P}/tables/vehicles/rows/${created.body.id}`);
    assert.equal(res.status, 200);
    const event = await nextChange('delete');
    assert.deepEqual(event.data, created.body);
    assert.equal((await call('GET', `/api/projects/${P}/tables/vehicles/rows/${created.body.id}`)).status, 404);
  });

  test('delete with ?keyOnly=1: data holds only the primary key', async () => {
    const created = await call('POST', `/api/projects/${P}/tables/vehicles/rows`, { registration_number: 'DEL 2' });
    await nextChange('insert');
    await call('DELETE', `/api/projects/${P}/tables/vehicles/rows/${created.body.id}?keyOnly=1`);
    const event = await nextChange('delete');
    assert.deepEqual(event.data, { id: created.body.id });
  });

  test('uuid and text primary keys: generated uuid, key-only delete by text key', async () => {
    await call('POST', `/api/projects/${P}/tables`, {
      name: 'drivers',
      columns: [
        { name: 'driver_id', type: 'uuid', primaryKey: true },
        { name: 'name', type: 'text' },
      ],
    });
    await nextChange('create_table');
    const created = await call('POST', `/api/projects/${P}/tables/drivers/rows`, { name: 'Thandi' });
    assert.equal(created.status, 201);
    assert.match(created.body.driver_id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.deepEqual((await nextChange('insert')).data, created.body);

    await call('POST', `/api/projects/${P}/tables`, {
      name: 'depots',
      columns: [
        { name: 'code', type: 'text', primaryKey: true },
        { name: 'open', type: 'boolean', nullable: false, default: true },
      ],
    });
    await nextChange('create_table');
    const depot = await call('POST', `/api/projects/${P}/tables/depots/rows`, { code: 'JHB' });
    assert.deepEqual(depot.body, { code: 'JHB', open: 1 });
    await nextChange('insert');
    await call('DELETE', `/api/projects/${P}/tables/depots/rows/JHB?keyOnly=true`);
    assert.deepEqual((await nextChange('delete')).data, { code: 'JHB' });

    const duplicate = await call('POST', `/api/projects/${P}/tables/drivers/rows`, created.body);
    assert.equal(duplicate.status, 409, JSON.stringify(duplicate.body));
  });

  test('events go to the project room only', async () => {
    assert.deepEqual(otherChanges.seen, []);
  });

  test('bad input gets clear 4xx errors and emits nothing', async () => {
    const before = changes.seen.length;
    const bad = [
      [await call('POST', `/api/projects/${P}/tables/vehicles/rows`, undefined, { rawBody: '{"registration_number": ' }), 400],
      [await call('POST', `/api/projects/${P}/tables/vehicles/rows`, [1, 2]), 400],
      [await call('POST', `/api/projects/${P}/tables/vehicles/rows`, { no_such_column: 1 }), 400],
      [await call('POST', `/api/projects/${P}/tables/vehicles/rows`, { registration_number: 'X', capacity: 'four' }), 400],
      [await call('POST', `/api/projects/${P}/tables/vehicles/rows`, { registration_number: 'X', is_electric: 'maybe' }), 400],
      [await call('POST', `/api/projects/${P}/tables/vehicles/rows`, { status: 'no registration' }), 400], // NOT NULL
      [await call('PATCH', `/api/projects/${P}/tables/vehicles/rows/999999`, { status: 'x' }), 404],
      [await call('DELETE', `/api/projects/${P}/tables/vehicles/rows/999999`), 404],
      [await call('GET', `/api/projects/${P}/tables/vehicles/rows/not-a-number`), 404],
      [await call('GET', `/api/projects/${P}/tables/nope/rows`), 404],
      [await call('POST', `/api/projects/bad-project/tables`, { name: 't', columns: [] }), 400],
      [await call('POST', `/api/projects/${P}/tables`, { name: 'bad name', columns: [] }), 400],
      [await call('POST', `/api/projects/${P}/tables`, { name: 'ok', columns: [{ name: 'x;drop', type: 'text' }] }), 400],
      [await call('POST', `/api/projects/${P}/tables`, { name: 'ok', columns: [{ name: 'x', type: 'money' }] }), 400],
      [await call('POST', `/api/projects/${P}/tables`, { name: 'vehicles', columns: [] }), 409],
    ];
    for (const [res, status] of bad) {
      assert.equal(res.status, status, JSON.stringify(res.body));
      assert.equal(typeof res.body.error, 'string');
    }
    assert.deepEqual(await changes.none(150), []);
    assert.equal(changes.seen.length, before);
  });
});
