'use strict';

// Schema, cron-job, import_dump and project-level events.

const { describe, test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { startServer, api, connect, recorder, emitWithAck, assertSchema } = require('../test-support/harness');

const KEY = 'schema-key';
const P = 'shop';

describe('schema, cron, import and project events', () => {
  let server;
  let socket;
  let changes;
  let projectEvents;
  const call = (method, path, body) => api(server.url, KEY, method, path, body);
  const expectChange = async (type, tableName) => {
    const event = await changes.next((e) => e.type === type);
    assertSchema('database-event', event);
    assert.equal(event.projectId, P);
    if (tableName === null) assert.ok(event.tableName === null || event.tableName === undefined);
    else assert.equal(event.tableName, tableName);
    return event;
  };

  before(async () => {
    server = await startServer({ args: ['--key', `${KEY}=${P}`] });
    socket = await connect(server.url, KEY);
    changes = recorder(socket, 'database-change');
    projectEvents = recorder(socket, 'project-event');
    assert.equal((await emitWithAck(socket, 'join-project', P)).ok, true);
  });
  after(async () => {
    socket.close();
    const { code } = await server.stop();
    assert.equal(code, 0, server.stderr);
  });

  test('table and column changes', async () => {
    let res = await call('POST', `/api/projects/${P}/tables`, {
      name: 'products',
      columns: [
        { name: 'sku', type: 'text', primaryKey: true },
        { name: 'title', type: 'text' },
      ],
    });
    assert.equal(res.status, 201);
    let event = await expectChange('create_table', 'products');
    assert.equal(event.data.primaryKey, 'sku');
    assert.deepEqual(event.data.columns.map((c) => c.name), ['sku', 'title']);

    res = await call('POST', `/api/projects/${P}/tables/products/columns`, { name: 'stock', type: 'integer', nullable: false, default: 0 });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    event = await expectChange('add_column', 'products');
    assert.deepEqual(event.data.column, { name: 'stock', type: 'integer', primaryKey: false, nullable: false, default: 0 });

    // The new column is real: rows get its default.
    const row = await call('POST', `/api/projects/${P}/tables/products/rows`, { sku: 'A1', title: 'Kettle' });
    assert.deepEqual(row.body, { sku: 'A1', title: 'Kettle', stock: 0 });
    await expectChange('insert', 'products');

    res = await call('PATCH', `/api/projects/${P}/tables/products/columns/stock`, { type: 'bigint' });
    assert.equal(res.status, 200);
    event = await expectChange('alter_column', 'products');
    assert.equal(event.data.column.type, 'bigint');
    assert.equal(event.oldData.column.type, 'integer');
    // The logical type drives encoding: a bigint column now reads as a string.
    assert.deepEqual((await call('GET', `/api/projects/${P}/tables/products/rows/A1`)).body.stock, '0');

    res = await call('POST', `/api/projects/${P}/tables/products/constraints`, { name: 'uq_title', type: 'unique', columns: ['title'] });
    assert.equal(res.status, 201);
    event = await expectChange('create_constraint', 'products');
    assert.equal(event.data.constraint.name, 'uq_title');
    // The unique constraint is enforced by SQLite.
    const dup = await call('POST', `/api/projects/${P}/tables/products/rows`, { sku: 'A2', title: 'Kettle' });
    assert.equal(dup.status, 409);

    res = await call('DELETE', `/api/projects/${P}/tables/products/constraints/uq_title`);
    assert.equal(res.status, 200);
    event = await expectChange('drop_constraint', 'products');
    assert.equal(event.data.constraint.name, 'uq_title');
    assert.equal((await call('POST', `/api/projects/${P}/tables/products/rows`, { sku: 'A2', title: 'Kettle' })).status, 201);
    await expectChange('insert', 'products');

    res = await call('DELETE', `/api/projects/${P}/tables/products/columns/title`);
    assert.equal(res.status, 200);
    event = await expectChange('drop_column', 'products');
    assert.equal(event.data.column.name, 'title');
    assert.deepEqual((await call('GET', `/api/projects/${P}/tables/products/rows/A1`)).body, { sku: 'A1', stock: '0' });

    res = await call('POST', `/api/projects/${P}/tables/products/rename`, { newName: 'items' });
    assert.equal(res.status, 200);
    event = await expectChange('rename_table', 'products');
    assert.deepEqual(event.data, { oldName: 'products', newName: 'items' });
    assert.equal((await call('GET', `/api/projects/${P}/tables/items/rows`)).body.length, 2);
    assert.equal((await call('GET', `/api/projects/${P}/tables/products/rows`)).status, 404);

    res = await call('DELETE', `/api/projects/${P}/tables/items`);
    assert.equal(res.status, 200);
    event = await expectChange('drop_table', 'items');
    assert.deepEqual(event.data, { table: 'items' });
    assert.deepEqual((await call('GET', `/api/projects/${P}/tables`)).body, []);
  });

  test('cron job events carry the job (and the previous job on update/toggle), tableName null', async () => {
    let res = await call('POST', `/api/projects/${P}/cron-jobs`, { name: 'nightly', schedule: '0 2 * * *', command: 'vacuum' });
    assert.equal(res.status, 201);
    const id = res.body.id;
    let event = await expectChange('create_cron_job', null);
    assert.deepEqual(event.data, res.body);
    assert.equal(event.data.enabled, true);
    assert.equal(event.data.command, 'vacuum');

    res = await call('PATCH', `/api/projects/${P}/cron-jobs/${id}`, { schedule: '0 3 * * *' });
    assert.equal(res.status, 200);
    event = await expectChange('update_cron_job', null);
    assert.equal(event.data.schedule, '0 3 * * *');
    assert.equal(event.oldData.schedule, '0 2 * * *');

    res = await call('POST', `/api/projects/${P}/cron-jobs/${id}/toggle`);
    assert.equal(res.status, 200);
    event = await expectChange('toggle_cron_job', null);
    assert.equal(event.data.enabled, false);
    assert.equal(event.oldData.enabled, true);

    res = await call('DELETE', `/api/projects/${P}/cron-jobs/${id}`);
    assert.equal(res.status, 200);
    event = await expectChange('delete_cron_job', null);
    assert.equal(event.data.id, id);
    assert.equal((await call('DELETE', `/api/projects/${P}/cron-jobs/${id}`)).status, 404);
    assert.equal((await call('POST', `/api/projects/${P}/cron-jobs`, { name: 'no schedule' })).status, 400);
  });

  test('import_dump replaces every table of the project with one event', async () => {
    await call('POST', `/api/projects/${P}/tables`, { name: 'old_stuff', columns: [{ name: 'v', type: 'text' }] });
    await expectChange('create_table', 'old_stuff');
    const res = await call('POST', `/api/projects/${P}/import-dump`, {
      tables: [
        {
          name: 'customers',
          columns: [
            { name: 'name', type: 'text' },
            { name: 'vip', type: 'boolean' },
          ],
          rows: [{ name: 'Ann', vip: true }, { name: 'Bo' }],
        },
      ],
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const event = await expectChange('import_dump', null);
    assert.deepEqual(event.data, { droppedTables: ['old_stuff'], tables: ['customers'], rows: 2 });
    assert.deepEqual((await call('GET', `/api/projects/${P}/tables/customers/rows`)).body, [
      { id: 1, name: 'Ann', vip: 1 },
      { id: 2, name: 'Bo', vip: null },
    ]);
    // No per-row or per-table events for an import: one import_dump says it all.
    await changes.none(150);
    assert.ok(!changes.seen.some((e) => e.tableName === 'customers' || (e.type === 'drop_table' && e.tableName === 'old_stuff')));
  });

  test('project-event is delivered as {type, projectId, data, timestamp}', async () => {
    const res = await call('POST', `/api/projects/${P}/events`, { type: 'deployment_finished', data: { version: '1.2.3', ok: true } });
    assert.equal(res.status, 200);
    const event = await projectEvents.next();
    assertSchema('project-event', event);
    assert.equal(event.type, 'deployment_finished');
    assert.equal(event.projectId, P);
    assert.deepEqual(event.data, { version: '1.2.3', ok: true });
    assert.deepEqual(event, res.body);

    await call('POST', `/api/projects/${P}/events`, { type: 'no_data' });
    const bare = await projectEvents.next();
    assertSchema('project-event', bare);
    assert.equal(bare.data, null);

    assert.equal((await call('POST', `/api/projects/${P}/events`, { data: 1 })).status, 400);
  });
});
