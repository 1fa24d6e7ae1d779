'use strict';

// `--credential-from`: the server reads the API key from the handshake place it is told (a field of
// `auth`, a query parameter, or a header), on both transports, and nowhere else. Each case is what a
// raw socket.io-client sees.

const { describe, test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { spawnSync } = require('node:child_process');
const path = require('node:path');
const { startServer, connect, recorder } = require('../test-support/harness');
const { parseCredentialSource, createCredentialReader } = require('../src/credential');

const SERVER_JS = path.join(__dirname, '..', 'server.js');
const KEYS = ['--key', 'all-key=*', '--key', 'p1-key=p1'];

/** The socket.io-client options that carry `key` in `place` under `name`, with no `auth` otherwise. */
function carrying(place, name, key) {
  if (place === 'auth') return { auth: { [name]: key } };
  if (place === 'query') return { auth: undefined, query: { [name]: key } };
  return { auth: undefined, extraHeaders: { [name]: name === 'authorization' ? `Bearer ${key}` : key } };
}

/** Whether the server took the key: a key granting only p1 gets p2's join refused; no key joins anything. */
async function joinOutcome(socket, projectId) {
  const joined = recorder(socket, 'joined-project');
  const refused = recorder(socket, 'join-project-error');
  socket.emit('join-project', projectId);
  return Promise.race([joined.next().then(() => 'joined'), refused.next().then((e) => `refused: ${e.message}`)]);
}

describe('parseCredentialSource and the reader', () => {
  test('each place reads its own bag, and nothing else', () => {
    const handshake = { auth: { token: 'a', apiKey: 'b' }, query: { apiKey: 'c' }, headers: { 'x-api-key': 'd', authorization: 'Bearer e' } };
    assert.equal(createCredentialReader()(handshake), 'a');
    assert.equal(createCredentialReader(parseCredentialSource('auth:apiKey'))(handshake), 'b');
    assert.equal(createCredentialReader(parseCredentialSource('query:apiKey'))(handshake), 'c');
    assert.equal(createCredentialReader(parseCredentialSource('header:X-Api-Key'))(handshake), 'd');
    assert.equal(createCredentialReader(parseCredentialSource('header:authorization'))(handshake), 'e');
    assert.equal(createCredentialReader(parseCredentialSource('query:token'))(handshake), undefined);
  });

  for (const bad of ['', 'token', 'cookie:x', 'auth:', 'header:a b', ':x']) {
    test(`'${bad}' is refused`, () => {
      assert.throws(() => parseCredentialSource(bad), /--credential-from must be/);
    });
  }
});

for (const [place, name] of [['auth', 'apiKey'], ['query', 'apiKey'], ['header', 'x-api-key'], ['header', 'authorization']]) {
  describe(`--credential-from ${place}:${name} (seed contract, --validate-credential)`, () => {
    let server;
    const sockets = [];
    before(async () => {
      server = await startServer({ args: [...KEYS, '--contract', 'seed', '--validate-credential', '--credential-from', `${place}:${name}`] });
    });
    after(async () => {
      for (const s of sockets) s.close();
      assert.equal((await server.stop()).code, 0, server.stderr);
    });

    for (const transport of ['websocket', 'polling']) {
      test(`${transport}: a known key there is read (its grants apply), an unknown one is refused`, async () => {
        const limited = await connect(server.url, undefined, { transports: [transport], ...carrying(place, name, 'p1-key') });
        sockets.push(limited);
        assert.equal(await joinOutcome(limited, 'p1'), 'joined');
        assert.equal(await joinOutcome(limited, 'p2'), 'refused: api key does not grant project p2');
        await assert.rejects(connect(server.url, undefined, { transports: [transport], ...carrying(place, name, 'wrong-key') }), (err) => err.message === 'invalid api key');
      });
    }

    test('a key sent anywhere else is not read: the client counts as having none', async () => {
      const elsewhere = place === 'auth' ? carrying('query', name, 'wrong-key') : carrying('auth', 'token', 'wrong-key');
      const socket = await connect(server.url, undefined, elsewhere);
      sockets.push(socket);
      assert.equal(await joinOutcome(socket, 'p2'), 'joined');
    });
  });
}

describe('--credential-from with the dev contract: the key is required there', () => {
  let server;
  before(async () => {
    server = await startServer({ args: [...KEYS, '--credential-from', 'header:x-api-key'] });
  });
  after(async () => {
    assert.equal((await server.stop()).code, 0, server.stderr);
  });

  test('a key in the header connects; the same key in auth.token is refused', async () => {
    const socket = await connect(server.url, undefined, carrying('header', 'x-api-key', 'all-key'));
    socket.close();
    await assert.rejects(connect(server.url, 'all-key'), (err) => err.message === 'invalid api key');
  });
});

test('--credential-from with a bad value exits 2', () => {
  const result = spawnSync(process.execPath, [SERVER_JS, '--port', '0', '--credential-from', 'cookie:x'], { encoding: 'utf8', timeout: 10000, input: '' });
  assert.equal(result.status, 2, result.stderr);
  assert.match(result.stderr, /--credential-from must be/);
});
