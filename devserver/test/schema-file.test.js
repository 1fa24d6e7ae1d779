'use strict';

// --schema FILE: the tables of a schema snapshot (schemas/schema-snapshot.v1.schema.json) exist from the start.

const { test } = require('node:test');
const assert = require('node:assert/strict');
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { startServer, api, withTimeout } = require('../test-support/harness');

const SERVER_JS = path.join(__dirname, '..', 'server.js');
const VEHICLES = path.join(__dirname, '..', '..', 'schemas', 'fixtures', 'snapshots', 'valid-vehicles.json');
const QUICKSTART = path.join(__dirname, '..', '..', 'samples', 'QuickStart', 'skaftin.schema.json');

function tempDir() {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'skaftin-schema-'));
}

let written = 0;
function writeSnapshot(dir, snapshot) {
  written += 1;
  const file = path.join(dir, `snapshot-${written}.json`);
  fs.writeFileSync(file, JSON.stringify(snapshot, null, 2) + '\n');
  return file;
}

function runToExit(args, { timeoutMs = 10000 } = {}) {
  const proc = spawn(process.execPath, [SERVER_JS, '--port', '0', ...args], {
    env: { ...process.env, SKAFTIN_DEV_KEYS: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  proc.stdout.on('data', (d) => (stdout += d));
  proc.stderr.on('data', (d) => (stderr += d));
  const done = new Promise((resolve) => proc.once('exit', (code) => resolve({ code, stdout, stderr })));
  return withTimeout(done, timeoutMs, 'process exit').finally(() => proc.kill('SIGKILL'));
}

/** The snapshot's view of a table the server describes: name, primaryKey, columns (primaryKey only when true). */
function asSnapshotTable(t) {
  return {
    name: t.table,
    primaryKey: t.primaryKey,
    columns: t.columns.map(({ primaryKey, ...c }) => (primaryKey ? { name: c.name, type: c.type, nullable: c.nullable, primaryKey: true } : c)),
    constraints: t.constraints.map(({ index, ...c }) => c),
  };
}

test('--schema creates the snapshot\'s tables in its project before listening', async () => {
  const snapshot = JSON.parse(fs.readFileSync(VEHICLES, 'utf8'));
  const server = await startServer({ args: ['--schema', VEHICLES] });
  try {
    assert.match(server.stdout, /^SKAFTIN_DEV_SERVER_LISTENING http:\/\/127\.0\.0\.1:\d+\n$/);
    const res = await api(server.url, 'dev-key', 'GET', `/api/projects/${snapshot.projectId}/tables`);
    assert.equal(res.status, 200);
    assert.deepEqual(res.body.map(asSnapshotTable), snapshot.tables);
    // The table works: the default applies, and the unique constraint holds.
    const inserted = await api(server.url, 'dev-key', 'POST', `/api/projects/demo/tables/vehicles/rows`, { registration_number: 'AB-1' });
    assert.equal(inserted.status, 201, JSON.stringify(inserted.body));
    assert.equal(inserted.body.status, 'in_service');
    const duplicate = await api(server.url, 'dev-key', 'POST', `/api/projects/demo/tables/vehicles/rows`, { registration_number: 'AB-1' });
    assert.equal(duplicate.status, 409);
    assert.match(server.stderr, /schema .*valid-vehicles\.json: project demo: created vehicles/);
  } finally {
    await server.stop();
  }
});

test('with --db, a restart keeps the tables and their rows (same columns: kept, not recreated)', async () => {
  const dir = tempDir();
  const db = path.join(dir, 'dev.db');
  try {
    const first = await startServer({ args: ['--schema', VEHICLES, '--db', db] });
    try {
      const res = await api(first.url, 'dev-key', 'POST', '/api/projects/demo/tables/vehicles/rows', { registration_number: 'KEEP-1' });
      assert.equal(res.status, 201);
    } finally {
      await first.stop();
    }
    const second = await startServer({ args: ['--schema', VEHICLES, '--db', db] });
    try {
      const rows = await api(second.url, 'dev-key', 'GET', '/api/projects/demo/tables/vehicles/rows');
      assert.equal(rows.status, 200);
      assert.deepEqual(rows.body.map((r) => r.registration_number), ['KEEP-1']);
      assert.match(second.stderr, /created no table; kept vehicles \(already there with the same columns\)/);
    } finally {
      await second.stop();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a table that exists with other columns stops the start with exit 1 and says which', async () => {
  const dir = tempDir();
  const db = path.join(dir, 'dev.db');
  try {
    const first = await startServer({ args: ['--db', db] });
    try {
      const res = await api(first.url, 'dev-key', 'POST', '/api/projects/demo/tables', {
        name: 'vehicles',
        columns: [{ name: 'registration_number', type: 'text', nullable: true }],
      });
      assert.equal(res.status, 201);
    } finally {
      await first.stop();
    }
    const { code, stdout, stderr } = await runToExit(['--schema', VEHICLES, '--db', db]);
    assert.equal(code, 1);
    assert.equal(stdout, '');
    assert.match(stderr, /--schema .*valid-vehicles\.json: table vehicles already exists in project demo with other columns/);
    assert.match(stderr, /database: id integer primary key, registration_number text null; file: id integer primary key, registration_number text not null/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a file that is not a usable snapshot stops the start with exit 1 and nothing created', async () => {
  const dir = tempDir();
  try {
    const base = JSON.parse(fs.readFileSync(VEHICLES, 'utf8'));
    const cases = [
      [path.join(dir, 'missing.json'), /cannot read the file \(ENOENT\)/],
      [writeSnapshot(dir, { ...base, formatVersion: 2 }), /formatVersion must be 1 \(got 2\)/],
      [writeSnapshot(dir, { ...base, tables: [{ ...base.tables[0], primaryKey: null }] }), /table vehicles: the dev server needs a primary key column/],
    ];
    const unknownType = structuredClone(base);
    unknownType.tables[0].columns[3].type = 'geography';
    cases.push([writeSnapshot(path.join(dir), unknownType), /table vehicles: column capacity: unknown type "geography"/]);
    for (const [file, message] of cases) {
      const { code, stdout, stderr } = await runToExit(['--schema', file]);
      assert.equal(code, 1, stderr);
      assert.equal(stdout, '');
      assert.match(stderr, message);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('the QuickStart sample\'s snapshot starts a server with its table', async () => {
  const snapshot = JSON.parse(fs.readFileSync(QUICKSTART, 'utf8'));
  const server = await startServer({ args: ['--schema', QUICKSTART] });
  try {
    const res = await api(server.url, 'dev-key', 'GET', `/api/projects/${snapshot.projectId}/tables`);
    assert.deepEqual(res.body.map(asSnapshotTable), snapshot.tables);
  } finally {
    await server.stop();
  }
});
