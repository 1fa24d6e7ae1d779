'use strict';

// Shared helpers for the dev server's tests. Lives outside test/ because `node --test test/`
// treats every .js file under a `test` folder as a test file.
//
// Everything here is bounded in time: a server that never prints its LISTENING line, a
// socket that never connects or an event that never arrives fails the test, never hangs it.

const { spawn } = require('node:child_process');
const path = require('node:path');
const fs = require('node:fs');
const { io } = require('socket.io-client');
const Ajv2020 = require('ajv/dist/2020');
const addFormats = require('ajv-formats');

const SERVER_JS = path.join(__dirname, '..', 'server.js');
const SCHEMAS_DIR = path.join(__dirname, '..', '..', 'schemas');
const LISTENING = /^SKAFTIN_DEV_SERVER_LISTENING (https?:\/\/127\.0\.0\.1:(\d+))$/m;
const DEFAULT_TIMEOUT = 5000;

function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Starts `node server.js --port 0 --exit-on-stdin-close ...args` and resolves once it prints
 * its LISTENING line. `stop()` sends SIGTERM and resolves with the exit code (SIGKILL after 5 s).
 */
async function startServer({ args = [], env = {}, timeoutMs = 10000 } = {}) {
  const proc = spawn(process.execPath, [SERVER_JS, '--port', '0', '--exit-on-stdin-close', ...args], {
    env: { ...process.env, SKAFTIN_DEV_KEYS: '', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  proc.stdout.setEncoding('utf8');
  proc.stderr.setEncoding('utf8');
  proc.stderr.on('data', (d) => {
    stderr += d;
  });
  const exited = new Promise((resolve) => proc.once('exit', (code, signal) => resolve({ code, signal })));
  const listening = new Promise((resolve, reject) => {
    proc.stdout.on('data', (d) => {
      stdout += d;
      const m = LISTENING.exec(stdout);
      if (m) resolve({ url: m[1], port: Number(m[2]) });
    });
    exited.then(({ code, signal }) => reject(new Error(`server exited (code ${code}, signal ${signal}) before listening: ${stderr}`)));
  });
  let info;
  try {
    info = await withTimeout(listening, timeoutMs, 'the LISTENING line');
  } catch (e) {
    proc.kill('SIGKILL');
    throw e;
  }
  const server = {
    ...info,
    proc,
    exited,
    get stdout() {
      return stdout;
    },
    get stderr() {
      return stderr;
    },
    async stop(signal = 'SIGTERM') {
      if (proc.exitCode !== null || proc.signalCode !== null) return exited;
      proc.kill(signal);
      const killer = setTimeout(() => proc.kill('SIGKILL'), 5000);
      const result = await exited;
      clearTimeout(killer);
      return result;
    },
  };
  return server;
}

/** Calls the HTTP API; resolves `{status, body}` (body parsed when it is JSON). */
async function api(baseUrl, key, method, urlPath, body, { rawBody, headers = {} } = {}) {
  const h = { ...headers };
  if (key !== undefined && key !== null) h['x-api-key'] = key;
  let payload;
  if (rawBody !== undefined) payload = rawBody;
  else if (body !== undefined) payload = JSON.stringify(body);
  if (payload !== undefined) h['content-type'] = 'application/json';
  const res = await fetch(baseUrl + urlPath, { method, headers: h, body: payload, signal: AbortSignal.timeout(DEFAULT_TIMEOUT) });
  const text = await res.text();
  let parsed = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    /* keep text */
  }
  return { status: res.status, body: parsed };
}

/**
 * Opens a socket.io-client connection and resolves once connected; rejects with the
 * connect_error (e.g. "invalid api key") otherwise. Reconnection is off unless asked for,
 * so a refused client does not keep retrying in the background.
 */
function connect(baseUrl, token, options = {}) {
  const auth = token === undefined ? {} : { token };
  const socket = io(baseUrl, {
    auth,
    transports: ['websocket', 'polling'],
    reconnection: false,
    timeout: DEFAULT_TIMEOUT,
    forceNew: true,
    ...options,
  });
  const connected = new Promise((resolve, reject) => {
    // Both listeners go once settled, so a later connect_error (a reconnect attempt that fails)
    // does not close a socket that is meant to keep trying.
    const onConnect = () => {
      socket.off('connect_error', onError);
      resolve(socket);
    };
    const onError = (err) => {
      socket.off('connect', onConnect);
      socket.close();
      reject(err);
    };
    socket.once('connect', onConnect);
    socket.once('connect_error', onError);
  });
  return withTimeout(connected, DEFAULT_TIMEOUT, 'socket connect').catch((e) => {
    socket.close();
    throw e;
  });
}

/**
 * Records every occurrence of `event` on `socket`, so a test can wait for "the next one"
 * without racing the server (events that arrive before the wait are not lost).
 */
function recorder(socket, event) {
  const seen = [];
  const waiters = [];
  socket.on(event, (...args) => {
    seen.push(args.length === 1 ? args[0] : args);
    for (const w of waiters.splice(0)) w();
  });
  let cursor = 0;
  return {
    seen,
    /** Resolves with the next recorded payload matching `predicate` (default: any). */
    async next(predicate = () => true, ms = DEFAULT_TIMEOUT) {
      const find = () => {
        while (cursor < seen.length) {
          const item = seen[cursor++];
          if (predicate(item)) return { item };
        }
        return null;
      };
      return withTimeout(
        new Promise((resolve) => {
          const check = () => {
            const hit = find();
            if (hit) resolve(hit.item);
            else waiters.push(check);
          };
          check();
        }),
        ms,
        `event ${event}`,
      );
    },
    /** Asserts nothing (more) arrives within `ms`. Resolves with what did arrive. */
    async none(ms = 300) {
      const before = seen.length;
      await new Promise((r) => setTimeout(r, ms));
      return seen.slice(before);
    },
  };
}

/** Emits `join-project` with an ack and resolves with the ack's argument. */
function emitWithAck(socket, event, arg) {
  return withTimeout(new Promise((resolve) => socket.emit(event, arg, (res) => resolve(res))), DEFAULT_TIMEOUT, `${event} ack`);
}

/**
 * Drops the client's transport as a network failure would (the server sees "transport close");
 * resolves with the client's disconnect reason once the server (asked with `key`) has let go.
 */
async function dropTransportOf(server, key, socket) {
  const id = socket.id;
  const disconnected = new Promise((resolve) => socket.once('disconnect', resolve));
  socket.io.engine.close();
  const reason = await withTimeout(disconnected, 5000, 'client disconnect');
  for (let i = 0; i < 100; i++) {
    const { body } = await api(server.url, key, 'GET', '/api/_test/sockets');
    if (!body.sockets.includes(id)) return reason;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`server still lists socket ${id}`);
}

/** Reconnects a client made with reconnection: false; resolves on connect, rejects on connect_error. */
function reconnect(socket) {
  const result = new Promise((resolve, reject) => {
    const onConnect = () => {
      socket.off('connect_error', onError);
      resolve(socket);
    };
    const onError = (err) => {
      socket.off('connect', onConnect);
      reject(err);
    };
    socket.once('connect', onConnect);
    socket.once('connect_error', onError);
  });
  socket.connect();
  return withTimeout(result, 5000, 'reconnect');
}

let ajvInstance;
/** Returns an ajv validator for `schemas/<name>.schema.json` (draft 2020-12, formats on). */
function schemaValidator(name) {
  if (!ajvInstance) {
    ajvInstance = new Ajv2020({ allErrors: true, strictSchema: true, strictNumbers: true, strictTuples: true, strictTypes: false, strictRequired: false });
    addFormats(ajvInstance);
    for (const file of fs.readdirSync(SCHEMAS_DIR).filter((f) => f.endsWith('.schema.json'))) {
      ajvInstance.addSchema(JSON.parse(fs.readFileSync(path.join(SCHEMAS_DIR, file), 'utf8')));
    }
  }
  const validate = ajvInstance.getSchema(`https://skaftin.dev/schemas/${name}.schema.json`);
  if (!validate) throw new Error(`no schema ${name}`);
  return validate;
}

/** Throws with ajv's errors when `value` does not follow schema `name`. */
function assertSchema(name, value) {
  const validate = schemaValidator(name);
  if (!validate(value)) {
    throw new Error(`${name}: ${ajvInstance.errorsText(validate.errors)}\n${JSON.stringify(value, null, 2)}`);
  }
}

module.exports = { startServer, api, connect, recorder, emitWithAck, schemaValidator, assertSchema, withTimeout, dropTransportOf, reconnect, DEFAULT_TIMEOUT };
