'use strict';

// --tls-cert / --tls-key: HTTPS and WSS with a certificate made here by openssl.

const { describe, test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { execFileSync, spawn } = require('node:child_process');
const fs = require('node:fs');
const https = require('node:https');
const os = require('node:os');
const path = require('node:path');
const { startServer, connect, recorder, emitWithAck, withTimeout } = require('../test-support/harness');

const SERVER_JS = path.join(__dirname, '..', 'server.js');
const KEY = 'tls-key';
const P = 'secure';

function openssl(args, cwd) {
  execFileSync('openssl', args, { cwd, stdio: ['ignore', 'ignore', 'pipe'], timeout: 30000 });
}

function haveOpenssl() {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore', timeout: 5000 });
    return true;
  } catch {
    return false;
  }
}

/** GET over https, trusting `ca`; resolves with {status, body}. */
function httpsGet(url, options) {
  return withTimeout(
    new Promise((resolve, reject) => {
      const req = https.get(url, options, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode, body: JSON.parse(text) }));
      });
      req.on('error', reject);
    }),
    5000,
    `GET ${url}`,
  );
}

function runToExit(args, timeoutMs = 5000) {
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

describe('TLS (--tls-cert, --tls-key)', { skip: haveOpenssl() ? false : 'openssl is not installed (apt-get install -y openssl)' }, () => {
  let dir;
  const certs = {};
  const servers = [];
  const sockets = [];

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'skaftin-tls-'));
    // 1. A self-signed certificate for 127.0.0.1 (the quick setup).
    openssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=127.0.0.1',
      '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', 'self.key', '-out', 'self.crt'], dir);
    // 2. A CA, and a server certificate it signs (what a real deployment looks like).
    openssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=Skaftin Test CA',
      '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign',
      '-keyout', 'ca.key', '-out', 'ca.crt'], dir);
    openssl(['req', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=127.0.0.1', '-keyout', 'leaf.key', '-out', 'leaf.csr'], dir);
    fs.writeFileSync(path.join(dir, 'leaf.ext'), 'subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n');
    openssl(['x509', '-req', '-in', 'leaf.csr', '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial', '-days', '2',
      '-extfile', 'leaf.ext', '-out', 'leaf.crt'], dir);
    for (const name of ['self.crt', 'self.key', 'ca.crt', 'leaf.crt', 'leaf.key']) certs[name] = fs.readFileSync(path.join(dir, name));
  });

  after(async () => {
    for (const s of sockets) s.close();
    for (const server of servers) assert.equal((await server.stop()).code, 0, server.stderr);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function tlsServer(cert, key) {
    const server = await startServer({ args: ['--tls-cert', path.join(dir, cert), '--tls-key', path.join(dir, key), '--key', `${KEY}=*`] });
    servers.push(server);
    return server;
  }

  async function roundTrip(server, options) {
    const socket = await connect(server.url, KEY, options);
    sockets.push(socket);
    const events = recorder(socket, 'project-event');
    assert.equal((await emitWithAck(socket, 'join-project', P)).ok, true);
    const res = await withTimeout(
      fetchJsonOverTls(server.url, `/api/projects/${P}/events`, { type: 'over-tls', data: { n: 1 } }, options.ca),
      5000,
      'POST over https',
    );
    assert.equal(res.status, 200);
    const event = await events.next();
    assert.equal(event.type, 'over-tls');
    assert.deepEqual(event.data, { n: 1 });
    assert.equal(socket.io.engine.transport.name, options.transports ? options.transports[0] : 'websocket');
    socket.close();
  }

  function fetchJsonOverTls(base, urlPath, body, ca) {
    return new Promise((resolve, reject) => {
      const text = JSON.stringify(body);
      const req = https.request(
        base + urlPath,
        { method: 'POST', ca, rejectUnauthorized: Boolean(ca), headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), 'x-api-key': KEY } },
        (res) => {
          let out = '';
          res.on('data', (d) => (out += d));
          res.on('end', () => resolve({ status: res.statusCode, body: JSON.parse(out) }));
        },
      );
      req.on('error', reject);
      req.end(text);
    });
  }

  test('prints an https:// LISTENING line and serves the API over HTTPS', async () => {
    const server = await tlsServer('self.crt', 'self.key');
    assert.match(server.stdout, /^SKAFTIN_DEV_SERVER_LISTENING https:\/\/127\.0\.0\.1:\d+\n$/);
    assert.deepEqual(await httpsGet(`${server.url}/health`, { ca: certs['self.crt'] }), { status: 200, body: { ok: true } });
    // Plain HTTP to the TLS port gets no API answer.
    await assert.rejects(fetch(`http://127.0.0.1:${server.port}/health`, { signal: AbortSignal.timeout(3000) }));
  });

  test('socket.io-client trusting the self-signed certificate (ca) gets events over WSS and HTTPS polling', async () => {
    const server = await tlsServer('self.crt', 'self.key');
    await roundTrip(server, { ca: certs['self.crt'] });
    await roundTrip(server, { ca: certs['self.crt'], transports: ['polling'] });
  });

  test('a certificate signed by a CA the client trusts', async () => {
    const server = await tlsServer('leaf.crt', 'leaf.key');
    await roundTrip(server, { ca: certs['ca.crt'] });
    await roundTrip(server, { ca: certs['ca.crt'], transports: ['polling'] });
  });

  test('rejectUnauthorized: false connects without trusting anything; a client that trusts nothing is refused', async () => {
    const server = await tlsServer('self.crt', 'self.key');
    await roundTrip(server, { rejectUnauthorized: false });
    await assert.rejects(connect(server.url, KEY, { transports: ['websocket'] }), (err) => {
      assert.match(err.message, /websocket error/);
      return true;
    });
    // The wrong CA is refused as well.
    await assert.rejects(connect(server.url, KEY, { transports: ['websocket'], ca: certs['ca.crt'] }));
  });

  test('bad TLS flags exit 2', async () => {
    const onlyCert = await runToExit(['--tls-cert', path.join(dir, 'self.crt')]);
    assert.equal(onlyCert.code, 2);
    assert.match(onlyCert.stderr, /--tls-cert and --tls-key go together/);
    const missing = await runToExit(['--tls-cert', path.join(dir, 'nope.crt'), '--tls-key', path.join(dir, 'self.key')]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /cannot read TLS certificate or key/);
    assert.equal(missing.stdout, '');
  });
});
