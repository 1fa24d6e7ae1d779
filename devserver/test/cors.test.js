'use strict';

// CORS: a browser app on another origin can use the REST API and Socket.IO's long-polling, as against
// a Skaftin backend; a request without an Origin gets no CORS headers.

const { describe, test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { startServer } = require('../test-support/harness');

const KEY = 'cors-key';
const ORIGIN = 'http://127.0.0.1:5999';

describe('CORS for browser apps on another origin', () => {
  let server;
  before(async () => {
    server = await startServer({ args: ['--key', `${KEY}=*`] });
  });
  after(async () => {
    await server.stop();
  });

  test('a preflight for a write with the key header is allowed, and never reaches a route', async () => {
    const res = await fetch(`${server.url}/api/projects/p1/tables/vehicles/rows`, {
      method: 'OPTIONS',
      headers: { origin: ORIGIN, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, x-api-key' },
    });
    assert.equal(res.status, 204);
    assert.equal(res.headers.get('access-control-allow-origin'), ORIGIN);
    assert.match(res.headers.get('access-control-allow-methods'), /POST/);
    assert.equal(res.headers.get('access-control-allow-headers'), 'content-type, x-api-key');
  });

  test('an API answer to another origin carries its allow-origin; one without Origin carries none', async () => {
    const cross = await fetch(`${server.url}/api/projects/p1/tables/vehicles/rows`, { headers: { origin: ORIGIN, 'x-api-key': KEY } });
    assert.equal(cross.headers.get('access-control-allow-origin'), ORIGIN);
    const refused = await fetch(`${server.url}/api/projects/p1/tables/vehicles/rows`, { headers: { origin: ORIGIN } });
    assert.equal(refused.status, 401);
    assert.equal(refused.headers.get('access-control-allow-origin'), ORIGIN, 'a browser app can read why it was refused');
    const same = await fetch(`${server.url}/api/projects/p1/tables/vehicles/rows`, { headers: { 'x-api-key': KEY } });
    assert.equal(same.headers.get('access-control-allow-origin'), null);
  });

  test("socket.io's long-polling handshake answers another origin", async () => {
    const res = await fetch(`${server.url}/socket.io/?EIO=4&transport=polling`, { headers: { origin: ORIGIN } });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('access-control-allow-origin'), ORIGIN);
    assert.match(await res.text(), /"sid"/);
  });
});
