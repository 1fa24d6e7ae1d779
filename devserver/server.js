#!/usr/bin/env node
'use strict';

// Skaftin-compatible dev server: CLI entry point.
//
//   node server.js [--port 4006] [--host 127.0.0.1] [--key KEY=P1,P2 ...] [--db :memory:|path]
//                  [--ping-interval ms] [--ping-timeout ms] [--exit-on-stdin-close] [--verbose]
//
// Contract with test harnesses: once listening, exactly one line goes to stdout,
//   SKAFTIN_DEV_SERVER_LISTENING http://127.0.0.1:<port>
// and nothing else ever does (diagnostics go to stderr). A harness reads that line to learn
// the port picked by `--port 0`, and passes `--exit-on-stdin-close` so that a parent that
// dies without cleaning up still takes the server with it (its stdin pipe closes).

const http = require('node:http');
const { KeyRing, keySpecsFrom } = require('./src/keys');
const { Store } = require('./src/db');
const { createRealtime } = require('./src/realtime');
const { createHttpApi } = require('./src/http-api');

const USAGE = `usage: node server.js [options]
  --port N               port to listen on (0 = any free port; default 4006)
  --host 127.0.0.1       the only address this dev server binds (localhost is accepted as an alias)
  --key KEY=P1,P2        API key and the projects it grants (KEY=* grants all); repeatable.
                         Also read from env SKAFTIN_DEV_KEYS ("k1=p1,p2;k2=*"). Default: dev-key=*
  --db PATH              SQLite database file, or :memory: (default)
  --ping-interval MS     Socket.IO pingInterval (default 25000)
  --ping-timeout MS      Socket.IO pingTimeout (default 20000)
  --exit-on-stdin-close  shut down when stdin closes (for test harnesses)
  --verbose              log connections and room changes to stderr (never API keys)
`;

function parseArgs(argv) {
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
      case '--help':
      case '-h':
        opts.help = true;
        break;
      default:
        throw new Error(`unknown argument: ${arg}`);
    }
  }
  return opts;
}

function main() {
  let opts;
  let keyRing;
  try {
    opts = parseArgs(process.argv.slice(2));
    keyRing = new KeyRing(keySpecsFrom(opts.keys, process.env.SKAFTIN_DEV_KEYS));
  } catch (e) {
    process.stderr.write(`skaftin-dev-server: ${e.message}\n${USAGE}`);
    process.exit(2);
  }
  if (opts.help) {
    process.stdout.write(USAGE);
    return;
  }

  const log = opts.verbose ? (msg) => process.stderr.write(`[skaftin-dev-server] ${msg}\n`) : () => {};
  const errorLog = (msg) => process.stderr.write(`[skaftin-dev-server] ${msg}\n`);

  const store = new Store(opts.db);
  let handle = null;
  // The request listener must exist before Socket.IO attaches: engine.io wraps the listeners
  // present at attach time so that /socket.io requests never reach them. A listener added
  // later would also see (and answer) Socket.IO's long-polling requests.
  const httpServer = http.createServer((req, res) => {
    handle(req, res).catch((e) => errorLog(`unhandled: ${e && e.stack ? e.stack : e}`));
  });
  const realtime = createRealtime(httpServer, keyRing, {
    pingInterval: opts.pingInterval,
    pingTimeout: opts.pingTimeout,
    log,
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
  httpServer.listen(opts.port, '127.0.0.1', () => {
    const { port } = httpServer.address();
    process.stdout.write(`SKAFTIN_DEV_SERVER_LISTENING http://127.0.0.1:${port}\n`);
  });
}

main();
