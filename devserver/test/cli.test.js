'use strict';

// The process contract C# tests rely on: one LISTENING line, clean exits, refusal of bad flags.

const { test } = require('node:test');
const assert = require('node:assert/strict');
const { spawn } = require('node:child_process');
const path = require('node:path');
const { startServer, api, connect, withTimeout } = require('../test-support/harness');

const SERVER_JS = path.join(__dirname, '..', 'server.js');

function runToExit(args, { env = {}, timeoutMs = 5000 } = {}) {
  const proc = spawn(process.execPath, [SERVER_JS, ...args], {
    env: { ...process.env, SKAFTIN_DEV_KEYS: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  proc.stdout.on('data', (d) => (stdout += d));
  proc.stderr.on('data', (d) => (stderr += d));
  const done = new Promise((resolve) => proc.once('exit', (code) => resolve({ code, stdout, stderr })));
  return withTimeout(done, timeoutMs, 'process exit').finally(() => proc.kill('SIGKILL'));
}

test('prints exactly one LISTENING line with the picked port, and /health answers', async () => {
  const server = await startServer();
  try {
    assert.match(server.stdout, /^SKAFTIN_DEV_SERVER_LISTENING http:\/\/127\.0\.0\.1:\d+\n$/);
    assert.ok(server.port > 0);
    const res = await api(server.url, undefined, 'GET', '/health');
    assert.deepEqual(res, { status: 200, body: { ok: true } });
  } finally {
    await server.stop();
  }
});

test('SIGTERM with a connected client exits 0', async () => {
  const server = await startServer();
  const socket = await connect(server.url, 'dev-key');
  const disconnected = new Promise((resolve) => socket.once('disconnect', resolve));
  const { code, signal } = await server.stop('SIGTERM');
  assert.equal(signal, null);
  assert.equal(code, 0);
  await withTimeout(disconnected, 5000, 'client disconnect');
  socket.close();
});

test('SIGINT exits 0', async () => {
  const server = await startServer();
  const { code } = await server.stop('SIGINT');
  assert.equal(code, 0);
});

test('closing stdin exits 0 when started with --exit-on-stdin-close', async () => {
  const server = await startServer();
  server.proc.stdin.end();
  const { code } = await withTimeout(server.exited, 5000, 'exit after stdin close');
  assert.equal(code, 0);
});

test('rejects unknown flags and non-loopback hosts with exit code 2', async () => {
  const unknown = await runToExit(['--port', '0', '--bogus']);
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /unknown argument: --bogus/);
  assert.equal(unknown.stdout, '');

  const host = await runToExit(['--port', '0', '--host', '0.0.0.0']);
  assert.equal(host.code, 2);
  assert.match(host.stderr, /only 127\.0\.0\.1/);
});

test('keys from SKAFTIN_DEV_KEYS replace the default key, and are never printed', async () => {
  const server = await startServer({ env: { SKAFTIN_DEV_KEYS: 'secret-a=p1;secret-b=*' }, args: ['--verbose'] });
  try {
    assert.equal((await api(server.url, 'dev-key', 'GET', '/api/projects/p1/tables')).status, 401);
    assert.equal((await api(server.url, 'secret-a', 'GET', '/api/projects/p1/tables')).status, 200);
    assert.equal((await api(server.url, 'secret-a', 'GET', '/api/projects/p2/tables')).status, 403);
    assert.equal((await api(server.url, 'secret-b', 'GET', '/api/projects/p2/tables')).status, 200);
    const socket = await connect(server.url, 'secret-a');
    socket.close();
  } finally {
    await server.stop();
  }
  assert.doesNotMatch(server.stdout + server.stderr, /secret-/);
});

test('a parent that dies without cleaning up takes the server with it (stdin closes)', async () => {
  // The "parent" spawns the server exactly as a test harness would, reports its pid, and is
  // then SIGKILLed: no handler runs, only the kernel closing its end of the stdin pipe.
  const parentScript = `
    const { spawn } = require('node:child_process');
    const child = spawn(process.execPath, [${JSON.stringify(SERVER_JS)}, '--port', '0', '--exit-on-stdin-close'],
      { stdio: ['pipe', 'pipe', 'inherit'] });
    child.stdout.on('data', (d) => { if (/LISTENING/.test(String(d))) console.log('PID ' + child.pid); });
  `;
  const parent = spawn(process.execPath, ['-e', parentScript], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const pid = await withTimeout(
      new Promise((resolve) => {
        let out = '';
        parent.stdout.on('data', (d) => {
          out += d;
          const m = /PID (\d+)/.exec(out);
          if (m) resolve(Number(m[1]));
        });
      }),
      10000,
      'the server pid',
    );
    parent.kill('SIGKILL');
    const gone = () => {
      try {
        // A zombie waiting for its (new) parent to reap it has exited all the same.
        return /^State:\s+Z/m.test(require('node:fs').readFileSync(`/proc/${pid}/status`, 'utf8'));
      } catch {
        return true;
      }
    };
    const deadline = Date.now() + 5000;
    while (!gone() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const exited = gone();
    if (!exited) process.kill(pid, 'SIGKILL');
    assert.ok(exited, 'server still running 5 s after its parent died');
  } finally {
    parent.kill('SIGKILL');
  }
});

test('--ping-interval and --ping-timeout reach the Engine.IO handshake', async () => {
  const server = await startServer({ args: ['--ping-interval', '1500', '--ping-timeout', '1200'] });
  try {
    const res = await fetch(`${server.url}/socket.io/?EIO=4&transport=polling`, { signal: AbortSignal.timeout(5000) });
    const text = await res.text();
    assert.equal(text[0], '0'); // Engine.IO OPEN packet
    const open = JSON.parse(text.slice(1));
    assert.equal(open.pingInterval, 1500);
    assert.equal(open.pingTimeout, 1200);
  } finally {
    await server.stop();
  }
});

test('--db PATH keeps tables and rows across restarts', async () => {
  const fs = require('node:fs');
  const os = require('node:os');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'skaftin-dev-db-'));
  const dbPath = path.join(dir, 'dev.sqlite');
  try {
    let server = await startServer({ args: ['--db', dbPath] });
    try {
      await api(server.url, 'dev-key', 'POST', '/api/projects/keep/tables', { name: 'notes', columns: [{ name: 'body', type: 'text' }] });
      const created = await api(server.url, 'dev-key', 'POST', '/api/projects/keep/tables/notes/rows', { body: 'still here' });
      assert.equal(created.status, 201);
    } finally {
      assert.equal((await server.stop()).code, 0);
    }
    server = await startServer({ args: ['--db', dbPath] });
    try {
      const rows = await api(server.url, 'dev-key', 'GET', '/api/projects/keep/tables/notes/rows');
      assert.deepEqual(rows.body, [{ id: 1, body: 'still here' }]);
    } finally {
      assert.equal((await server.stop()).code, 0);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
