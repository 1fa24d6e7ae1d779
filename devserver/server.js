#!/usr/bin/env node
'use strict';

// Skaftin-compatible dev server: CLI entry point.
//
//   node server.js [--port 4006] [--host 127.0.0.1] [--key KEY=P1,P2 ...] [--db :memory:|path] [--schema FILE]
//                  [--ping-interval ms] [--ping-timeout ms] [--exit-on-stdin-close] [--verbose]
//                  [--recovery [ms]] [--tls-cert path --tls-key path]
//                  [--redis-url redis://127.0.0.1:port] [--node-id name] [--clock-skew-ms ms]
//                  [--credential-from auth:NAME|query:NAME|header:NAME]
//                  [--contract dev|seed [--silent-joins P1,P2|*] [--join-delay-ms ms]
//                                       [--omit-old-data] [--validate-credential]]
//
// Contract with test harnesses: once listening, exactly one line goes to stdout,
//   SKAFTIN_DEV_SERVER_LISTENING http://127.0.0.1:<port>     (https://... with --tls-cert/--tls-key)
// and nothing else ever does (diagnostics go to stderr). A harness reads that line to learn
// the port picked by `--port 0`, and passes `--exit-on-stdin-close` so that a parent that
// dies without cleaning up still takes the server with it (its stdin pipe closes).

const fs = require('node:fs');
const http = require('node:http');
const https = require('node:https');
const { KeyRing, keySpecsFrom } = require('./src/keys');
const { Store } = require('./src/db');
const { createRealtime } = require('./src/realtime');
const { createHttpApi } = require('./src/http-api');
const { createContract, CONTRACTS } = require('./src/contract');
const { parseCredentialSource } = require('./src/credential');
const { applySchemaFile } = require('./src/schema-file');

const USAGE = `usage: node server.js [options]
  --port N               port to listen on (0 = any free port; default 4006)
  --host 127.0.0.1       the only address this dev server binds (localhost is accepted as an alias)
  --key KEY=P1,P2        API key and the projects it grants (KEY=* grants all); repeatable.
                         Also read from env SKAFTIN_DEV_KEYS ("k1=p1,p2;k2=*"). Default: dev-key=*
  --db PATH              SQLite database file, or :memory: (default)
  --schema FILE          create the tables of a schema snapshot (skaftin schema pull) at start, in the
                         snapshot's project; tables already there with the same columns are kept, a table
                         there with other columns stops the start (exit 1)
  --ping-interval MS     Socket.IO pingInterval (default 25000)
  --ping-timeout MS      Socket.IO pingTimeout (default 20000)
  --exit-on-stdin-close  shut down when stdin closes (for test harnesses)
  --verbose              log connections and room changes to stderr (never API keys)
  --recovery [MS]        Socket.IO connection state recovery, sessions kept MS after a disconnect
                         (default 120000); room events then carry an offset as their last argument
  --tls-cert PATH        PEM certificate: serve HTTPS and WSS (needs --tls-key)
  --tls-key PATH         PEM private key for --tls-cert
  --redis-url URL        share rooms, broadcasts and recovery sessions with other dev servers through
                         Redis streams (@socket.io/redis-streams-adapter), e.g. redis://127.0.0.1:6379
  --node-id NAME         name reported as nodeId by /health and /api/_test/sockets
                         (default with --redis-url: node-<pid>)
  --clock-skew-ms MS     add MS (may be negative) to every event's timestamp, as a backend instance
                         whose clock is off would
  --credential-from auth:NAME|query:NAME|header:NAME
                         where the handshake carries the API key (default auth:token): a field of
                         the auth object, a query parameter, or an HTTP header (both transports;
                         an authorization header may say "Bearer KEY"). Either contract.
  --contract dev|seed    dev (default): this server's strict contract. seed: behave as a backend
                         written from the seed may (no credential needed, partial update rows,
                         row arrays for bulk writes, no tableName on cron/import events).
                         Also env SKAFTIN_DEV_CONTRACT. Only with --contract seed:
  --silent-joins P1,P2   never answer a join of these projects (* = all): no joined-project, no ack
  --join-delay-ms MS     answer the other joins MS late (the room is joined at once)
  --omit-old-data        update events carry no oldData
  --validate-credential  a credential, when sent, must be a known key (default: ignored)
`;

const DEFAULT_RECOVERY_MS = 120000;
const REDIS_CONNECT_TIMEOUT_MS = 10000;
const REDIS_LOST_MS = 60000;

function parseArgs(argv, env = {}) {
  const opts = { port: 4006, host: '127.0.0.1', keys: [], db: ':memory:', exitOnStdinClose: false, verbose: false };
  const needValue = (i, flag) => {
    if (i + 1 >= argv.length) throw new Error(`${flag} needs a value`);
    return argv[i + 1];
  };
  const nonNegativeInt = (text, flag) => {
    if (!/^\d+$/.test(text)) throw new Error(`${flag} must be a non-negative integer`);
    return Number(text);
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    // Accept `--flag=value` as well as `--flag value`.
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    const inline = eq > 0 ? arg.slice(eq + 1) : undefined;
    const value = () => {
      if (inline !== undefined) return inline;
      const v = needValue(i, flag);
      i += 1;
      return v;
    };
    switch (flag) {
      case '--port':
        opts.port = nonNegativeInt(value(), flag);
        if (opts.port > 65535) throw new Error('--port must be at most 65535');
        break;
      case '--host': {
        const host = value();
        // A dev server with test hooks that emit anything must never be reachable from outside.
        if (host !== '127.0.0.1' && host !== 'localhost') throw new Error('--host: only 127.0.0.1 is allowed');
        break;
      }
      case '--key':
        opts.keys.push(value());
        break;
      case '--db':
        opts.db = value();
        break;
      case '--schema':
        opts.schema = value();
        break;
      case '--ping-interval':
        opts.pingInterval = nonNegativeInt(value(), flag);
        break;
      case '--ping-timeout':
        opts.pingTimeout = nonNegativeInt(value(), flag);
        break;
      case '--exit-on-stdin-close':
        opts.exitOnStdinClose = true;
        break;
      case '--verbose':
        opts.verbose = true;
        break;
      case '--recovery': {
        // The duration is optional: `--recovery`, `--recovery 5000`, `--recovery=5000`.
        let text = inline;
        if (text === undefined && i + 1 < argv.length && /^\d+$/.test(argv[i + 1])) {
          text = argv[i + 1];
          i += 1;
        }
        opts.recoveryMs = text === undefined ? DEFAULT_RECOVERY_MS : nonNegativeInt(text, flag);
        if (opts.recoveryMs < 1) throw new Error('--recovery must be at least 1 ms');
        break;
      }
      case '--tls-cert':
        opts.tlsCert = value();
        break;
      case '--tls-key':
        opts.tlsKey = value();
        break;
      case '--redis-url': {
        const url = value();
        let parsed;
        try {
          parsed = new URL(url);
        } catch {
          throw new Error('--redis-url must be a URL such as redis://127.0.0.1:6379');
        }
        if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') throw new Error('--redis-url must start with redis:// or rediss://');
        opts.redisUrl = url;
        break;
      }
      case '--node-id':
        opts.nodeId = value();
        if (!/^[A-Za-z0-9_.-]{1,64}$/.test(opts.nodeId)) throw new Error('--node-id must be 1-64 characters of [A-Za-z0-9_.-]');
        break;
      case '--clock-skew-ms': {
        const text = value();
        if (!/^-?\d+$/.test(text)) throw new Error(`${flag} must be an integer (may be negative)`);
        opts.clockSkewMs = Number(text);
        break;
      }
      case '--credential-from':
        opts.credentialFrom = parseCredentialSource(value());
        break;
      case '--contract':
        opts.contract = value();
        break;
      case '--silent-joins':
        opts.silentJoins = value()
          .split(',')
          .map((p) => p.trim())
          .filter(Boolean);
        if (opts.silentJoins.length === 0) throw new Error('--silent-joins needs at least one project (or *)');
        break;
      case '--join-delay-ms':
        opts.joinDelayMs = nonNegativeInt(value(), flag);
        break;
      case '--omit-old-data':
        opts.omitOldData = true;
        break;
      case '--validate-credential':
        opts.validateCredential = true;
        break;
      case '--help':
      case '-h':
        opts.help = true;
        break;
      default:
        throw new Error(`unknown argument: ${arg}`);
    }
  }
  if ((opts.tlsCert === undefined) !== (opts.tlsKey === undefined)) throw new Error('--tls-cert and --tls-key go together');
  if (opts.tlsCert !== undefined) {
    // Read here so that a missing or unreadable file is a bad-flag exit (2), like any other.
    try {
      opts.tls = { cert: fs.readFileSync(opts.tlsCert), key: fs.readFileSync(opts.tlsKey) };
    } catch (e) {
      throw new Error(`cannot read TLS certificate or key: ${e.message}`);
    }
  }
  if (opts.contract === undefined) opts.contract = env.SKAFTIN_DEV_CONTRACT || 'dev';
  if (!CONTRACTS.includes(opts.contract)) throw new Error(`--contract must be one of ${CONTRACTS.join(', ')}`);
  for (const [set, flag] of [
    [opts.silentJoins, '--silent-joins'],
    [opts.joinDelayMs, '--join-delay-ms'],
    [opts.omitOldData, '--omit-old-data'],
    [opts.validateCredential, '--validate-credential'],
  ]) {
    if (set !== undefined && opts.contract !== 'seed') throw new Error(`${flag} needs --contract seed`);
  }
  if (opts.redisUrl && opts.nodeId === undefined) opts.nodeId = `node-${process.pid}`;
  return opts;
}

/**
 * Connects the Redis client the streams adapter publishes with (the adapter duplicates it for
 * reading the stream and for pub/sub, with the same options). Bounded: the first connection must
 * succeed within REDIS_CONNECT_TIMEOUT_MS; a lost connection is retried (at most once a second)
 * and, when it is not back within REDIS_LOST_MS, `onGiveUp` runs.
 *
 * The clients themselves never give up: a closed client rejects commands at once, and the
 * adapter's stream reader then re-issues XREAD in a tight promise loop that starves the event
 * loop (no timer or signal is handled any more). A client that keeps reconnecting queues them.
 */
async function connectRedis(url, errorLog, onGiveUp) {
  const { createClient } = require('redis');
  let lastError = '';
  let lostTimer = null;
  const client = createClient({
    url,
    socket: {
      connectTimeout: 5000,
      reconnectStrategy: (retries) => Math.min(100 * (retries + 1), 1000),
    },
  });
  client.on('error', (e) => {
    // One line per distinct error, not one per retry.
    const text = e && e.message ? e.message : String(e);
    if (text !== lastError) errorLog(`redis: ${text}`);
    lastError = text;
    if (!client.isReady && !lostTimer) {
      lostTimer = setTimeout(onGiveUp, REDIS_LOST_MS);
      lostTimer.unref();
    }
  });
  client.on('ready', () => {
    lastError = '';
    if (lostTimer) clearTimeout(lostTimer);
    lostTimer = null;
  });
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no connection to ${url} within ${REDIS_CONNECT_TIMEOUT_MS} ms`)), REDIS_CONNECT_TIMEOUT_MS);
  });
  try {
    await Promise.race([client.connect(), timeout]);
  } catch (e) {
    if (lostTimer) clearTimeout(lostTimer);
    client.destroy();
    throw e;
  } finally {
    clearTimeout(timer);
  }
  return client;
}

async function main() {
  let opts;
  let keyRing;
  try {
    opts = parseArgs(process.argv.slice(2), process.env);
    keyRing = new KeyRing(keySpecsFrom(opts.keys, process.env.SKAFTIN_DEV_KEYS));
  } catch (e) {
    process.stderr.write(`skaftin-dev-server: ${e.message}\n${USAGE}`);
    process.exit(2);
  }
  if (opts.help) {
    process.stdout.write(USAGE);
    return;
  }

  const prefix = opts.nodeId ? `[skaftin-dev-server ${opts.nodeId}]` : '[skaftin-dev-server]';
  const log = opts.verbose ? (msg) => process.stderr.write(`${prefix} ${msg}\n`) : () => {};
  const errorLog = (msg) => process.stderr.write(`${prefix} ${msg}\n`);

  let redis = null;
  let adapter;
  let giveUpOnRedis = () => {};
  if (opts.redisUrl) {
    try {
      redis = await connectRedis(opts.redisUrl, errorLog, () => giveUpOnRedis());
    } catch (e) {
      errorLog(`cannot connect to redis: ${e.message}`);
      process.exit(1);
    }
    const { createAdapter } = require('@socket.io/redis-streams-adapter');
    adapter = createAdapter(redis);
  }

  const store = new Store(opts.db);
  if (opts.schema) {
    try {
      const { projectId, created, kept } = applySchemaFile(store, opts.schema);
      errorLog(
        `schema ${opts.schema}: project ${projectId}: created ${created.length ? created.join(', ') : 'no table'}` +
          (kept.length ? `; kept ${kept.join(', ')} (already there with the same columns)` : ''),
      );
    } catch (e) {
      store.close();
      process.stderr.write(`skaftin-dev-server: ${e.message}\n`);
      process.exit(1);
    }
  }
  let handle = null;
  // The request listener must exist before Socket.IO attaches: engine.io wraps the listeners
  // present at attach time so that /socket.io requests never reach them. A listener added
  // later would also see (and answer) Socket.IO's long-polling requests.
  const onRequest = (req, res) => {
    handle(req, res).catch((e) => errorLog(`unhandled: ${e && e.stack ? e.stack : e}`));
  };
  const httpServer = opts.tls ? https.createServer(opts.tls, onRequest) : http.createServer(onRequest);
  const realtime = createRealtime(httpServer, keyRing, {
    pingInterval: opts.pingInterval,
    pingTimeout: opts.pingTimeout,
    log,
    recovery: opts.recoveryMs ? { maxDisconnectionDuration: opts.recoveryMs } : null,
    adapter,
    nodeId: opts.nodeId,
    contract: createContract(opts),
    credentialFrom: opts.credentialFrom,
  });
  handle = createHttpApi({ store, realtime, keyRing, log: errorLog });

  let stopping = false;
  async function shutdown(why) {
    if (stopping) return;
    stopping = true;
    log(`shutting down (${why})`);
    // Never let a stuck close keep a test run waiting: exit anyway after a short grace.
    const force = setTimeout(() => process.exit(0), 3000);
    force.unref();
    try {
      const closed = realtime.close(); // disconnects every socket and closes the http server
      httpServer.closeAllConnections(); // keep-alive HTTP clients would otherwise hold it open
      await closed;
    } catch (e) {
      errorLog(`error while closing: ${e.message}`);
    }
    if (redis) {
      // Closing the sockets above persisted their recovery sessions (reason "server shutting
      // down"); close() waits for those pending writes, so another node can recover them.
      try {
        await redis.close();
      } catch (e) {
        errorLog(`error while closing redis: ${e.message}`);
      }
    }
    try {
      store.close();
    } catch (e) {
      errorLog(`error while closing the database: ${e.message}`);
    }
    process.exit(0);
  }

  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
  if (opts.exitOnStdinClose) {
    process.stdin.on('end', () => shutdown('stdin closed'));
    process.stdin.on('close', () => shutdown('stdin closed'));
    process.stdin.on('error', () => shutdown('stdin error'));
    process.stdin.resume(); // data is ignored; reading is how we notice the pipe closing
  }

  httpServer.on('error', (e) => {
    errorLog(`cannot listen: ${e.message}`);
    process.exit(1);
  });
  // Redis has been gone for a minute: a cluster node that can no longer reach its peers is of no
  // use to a test, so it goes rather than serve half a cluster.
  giveUpOnRedis = () => {
    if (stopping) return;
    errorLog('lost the redis connection for good');
    shutdown('redis lost');
  };

  httpServer.listen(opts.port, '127.0.0.1', () => {
    const { port } = httpServer.address();
    const scheme = opts.tls ? 'https' : 'http';
    process.stdout.write(`SKAFTIN_DEV_SERVER_LISTENING ${scheme}://127.0.0.1:${port}\n`);
  });
}

main().catch((e) => {
  process.stderr.write(`[skaftin-dev-server] fatal: ${e && e.stack ? e.stack : e}\n`);
  process.exit(1);
});
