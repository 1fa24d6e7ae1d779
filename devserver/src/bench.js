'use strict';

// Bench mode: streams N `database-change` insert events of a vehicles-like row to a project's
// room, fast enough that the server is not what a client benchmark measures.
//
// The Socket.IO EVENT packet is encoded once, as a template split around the parts that change
// per event (the row id, its registration, its status, the send time); each event is spliced
// from those pieces and written to every socket's Engine.IO connection, skipping socket.io's
// per-emit encoder and room lookup. On a websocket the Engine.IO message (`4` + packet) goes
// straight to the connection's ws socket, and the TCP socket is corked for each batch so a
// batch leaves in one writev instead of one syscall per event; other transports get
// `socket.conn.write(packet)`. The wire shape is an ordinary DatabaseEvent
// (schemas/database-event.schema.json):
//
//   2["database-change",{"type":"insert","projectId":"p","tableName":"vehicles",
//     "data":{"id":1,"registration_number":"CA 1","status":"available","capacity":4,"is_electric":1,
//             "odometer":"9007199254740993","created_at":"2025-01-31T12:00:00.000Z","sent_at_ms":1764112345678.123},
//     "timestamp":"2025-11-26T02:32:25.678Z"}]
//
// `timestamp` is the real send time (ISO, ms) and `data.sent_at_ms` the same instant as Unix
// milliseconds with microsecond digits, on the machine's wall clock (CLOCK_REALTIME), so a client
// on the same machine computes its dispatch latency as (its wall clock) - sent_at_ms. The wall
// clock is read as a monotonic clock plus an offset calibrated at the start of every stream
// (see calibrateWallClock), which gives sub-millisecond resolution without drifting.

const { performance } = require('node:perf_hooks');
const { badRequest } = require('./errors');
const { calibrateWallClock } = require('./wall-clock');

const MAX_COUNT = 10_000_000;
const MAX_RATE = 10_000_000;
const DEFAULT_TIMEOUT_MS = 300_000;
const MAX_TIMEOUT_MS = 3_600_000;
/** Events written per turn of the event loop at full speed, before yielding so sockets can flush. */
const BATCH = 512;
/** Bytes that may wait in one socket's buffers (Engine.IO + ws + net) before the stream waits for it. */
const HIGH_WATER_BYTES = 4 * 1024 * 1024;
const STATUSES = ['available', 'in_service', 'out_of_service'];
const IDENTIFIER = /^[A-Za-z0-9_]+$/;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const yieldToIo = () => new Promise((resolve) => setImmediate(resolve));

/**
 * How one stream writes to one Engine.IO connection. On an open websocket: the Engine.IO message
 * (`4` + packet, what engine.io itself would send) straight into the ws socket, with `cork`/`uncork`
 * of the TCP socket around each batch. Otherwise (polling, or a ws in an unexpected state): the
 * connection's own `write`, which queues the packet in Engine.IO's write buffer as any emit does.
 */
function targetOf(conn) {
  const transport = conn.transport;
  const ws = transport && transport.name === 'websocket' ? transport.socket : null;
  if (ws && ws.readyState === 1 && typeof ws.send === 'function') {
    const tcp = ws._socket && typeof ws._socket.cork === 'function' ? ws._socket : null;
    return {
      write: (packet) => ws.send('4' + packet),
      cork: () => tcp && tcp.cork(),
      uncork: () => tcp && tcp.uncork(),
    };
  }
  return { write: (packet) => conn.write(packet), cork: () => {}, uncork: () => {} };
}

/** Bytes waiting to be written on an Engine.IO connection (its write buffer plus the websocket's). */
function backlogBytes(conn, frameBytes) {
  let bytes = conn.writeBuffer ? conn.writeBuffer.length * frameBytes : 0;
  const ws = conn.transport && conn.transport.socket;
  if (ws && typeof ws.bufferedAmount === 'number') bytes += ws.bufferedAmount;
  return bytes;
}

/**
 * Builds the event writer for one stream: the template is encoded once; each call splices in the
 * row id and the send time and returns the Engine.IO message payload (a Socket.IO EVENT packet).
 */
function frameBuilder(projectId, tableName) {
  const head =
    '2' +
    JSON.stringify(['database-change', { type: 'insert', projectId, tableName, data: null }]).slice(0, -'null}]'.length) +
    '{"id":';
  // head = 2["database-change",{"type":"insert","projectId":"p","tableName":"t","data":{"id":
  const regPart = ',"registration_number":"CA ';
  const statusParts = STATUSES.map((s) => `","status":${JSON.stringify(s)},"capacity":4,"is_electric":1,"odometer":"9007199254740993","created_at":"2025-01-31T12:00:00.000Z","sent_at_ms":`);
  const tsPart = '},"timestamp":"';
  const tail = '"}]';
  let isoMs = -1;
  let iso = '';
  return (id, sentAt) => {
    // Rounded to the microsecond first, so `timestamp` is the millisecond of the written sent_at_ms: unrounded,
    // 1796114836145.9996 was written "…146.000" under the timestamp of ms …145.
    const sentAtMs = Math.round(sentAt * 1000) / 1000;
    const ms = Math.floor(sentAtMs);
    if (ms !== isoMs) {
      isoMs = ms;
      iso = new Date(ms).toISOString();
    }
    return head + id + regPart + id + statusParts[id % 3] + sentAtMs.toFixed(3) + tsPart + iso + tail;
  };
}

/** Validates the request body of POST /api/_bench/stream; returns normalized options. */
function parseStreamRequest(body) {
  const { projectId } = body;
  const tableName = body.tableName === undefined ? 'vehicles' : body.tableName;
  if (typeof tableName !== 'string' || !IDENTIFIER.test(tableName)) throw badRequest('tableName must match [A-Za-z0-9_]+');
  const { count } = body;
  if (!Number.isInteger(count) || count < 1 || count > MAX_COUNT) throw badRequest(`count must be an integer from 1 to ${MAX_COUNT}`);
  const rate = body.ratePerSecond === undefined ? null : body.ratePerSecond;
  if (rate !== null && (typeof rate !== 'number' || !Number.isFinite(rate) || rate <= 0 || rate > MAX_RATE)) {
    throw badRequest(`ratePerSecond must be null or a number above 0 and at most ${MAX_RATE}`);
  }
  const firstId = body.firstId === undefined ? 1 : body.firstId;
  if (!Number.isSafeInteger(firstId) || firstId < 0 || firstId + count > Number.MAX_SAFE_INTEGER) throw badRequest('firstId must be a non-negative integer');
  const timeoutMs = body.timeoutMs === undefined ? DEFAULT_TIMEOUT_MS : body.timeoutMs;
  if (!Number.isInteger(timeoutMs) || timeoutMs < 1 || timeoutMs > MAX_TIMEOUT_MS) throw badRequest(`timeoutMs must be an integer from 1 to ${MAX_TIMEOUT_MS}`);
  return { projectId, tableName, count, ratePerSecond: rate, firstId, timeoutMs };
}

/**
 * Streams the events. Resolves when every event was handed to every socket (or the stream had to
 * stop: timeout, or no socket left) with what was done:
 *   {room, sockets, count, sent, ratePerSecond, elapsedMs, eventsPerSecond, complete, reason, socketsAtEnd}
 * `sent` counts events (each written once per socket). At full speed the writer yields every
 * BATCH events and waits while a socket has more than HIGH_WATER_BYTES buffered, so a slow client
 * is fed as fast as it reads, and the send time stamped on each event is close to when it leaves.
 * At a fixed rate event i is due at start + i / rate; due events are written each millisecond.
 */
async function streamDatabaseChanges(realtime, request) {
  const { projectId, tableName, count, ratePerSecond, firstId, timeoutMs } = request;
  const room = realtime.roomOf(projectId);
  const nsp = realtime.io.of('/');
  const ids = nsp.adapter.rooms.get(room);
  const sockets = ids ? [...ids].map((id) => nsp.sockets.get(id)).filter(Boolean) : [];
  const result = { room, sockets: sockets.length, count, sent: 0, ratePerSecond, elapsedMs: 0, eventsPerSecond: 0, complete: false, reason: null, socketsAtEnd: sockets.length };
  if (sockets.length === 0) {
    result.reason = 'no socket in the room';
    return result;
  }

  const wallNow = calibrateWallClock();
  const frameFor = frameBuilder(projectId, tableName);
  const frameBytes = Buffer.byteLength(frameFor(firstId + count, wallNow())) + 8;
  const conns = sockets.map((s) => s.conn);
  const open = () => conns.filter((c) => c.readyState === 'open');
  const startMono = performance.now();
  const deadline = startMono + timeoutMs;
  let live = conns;
  let sent = 0;

  // Writes events up to (not including) index `end` to every live connection, as one corked batch.
  const writeUpTo = (end) => {
    const targets = live.map(targetOf);
    for (const t of targets) t.cork();
    try {
      while (sent < end) {
        const packet = frameFor(firstId + sent, wallNow());
        for (let k = 0; k < targets.length; k++) targets[k].write(packet);
        sent++;
      }
    } finally {
      for (const t of targets) t.uncork();
    }
  };

  while (sent < count) {
    if (performance.now() > deadline) {
      result.reason = `timed out after ${timeoutMs} ms`;
      break;
    }
    live = open();
    if (live.length === 0) {
      result.reason = 'every socket disconnected';
      break;
    }
    if (ratePerSecond === null) {
      // Full speed, with backpressure: wait (bounded by the deadline) while a socket is saturated.
      if (live.some((c) => backlogBytes(c, frameBytes) > HIGH_WATER_BYTES)) {
        await sleep(1);
        continue;
      }
      writeUpTo(Math.min(count, sent + BATCH));
      await yieldToIo();
    } else {
      const due = Math.min(count, Math.floor(((performance.now() - startMono) * ratePerSecond) / 1000) + 1);
      if (due > sent) writeUpTo(due);
      if (sent < count) {
        const nextDueIn = ((sent * 1000) / ratePerSecond) - (performance.now() - startMono);
        await (nextDueIn >= 1 ? sleep(Math.min(nextDueIn, 50)) : nextDueIn > 0 ? sleep(1) : yieldToIo());
      }
    }
  }

  result.sent = sent;
  result.socketsAtEnd = live.length;
  result.elapsedMs = Math.round((performance.now() - startMono) * 1000) / 1000;
  result.eventsPerSecond = result.elapsedMs > 0 ? Math.round((sent * 1000) / result.elapsedMs) : 0;
  result.complete = sent === count;
  return result;
}

module.exports = { streamDatabaseChanges, parseStreamRequest, frameBuilder, calibrateWallClock, HIGH_WATER_BYTES, BATCH };
