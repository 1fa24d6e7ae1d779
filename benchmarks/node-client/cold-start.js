#!/usr/bin/env node
'use strict';

// The Node reference for the cold-start benchmark (benchmarks/Skaftin.Realtime.EndToEnd, --cold-start): one process
// from start to the first `database-change` event with socket.io-client 4.8.4, the same phases and line protocol as
// benchmarks/Skaftin.Realtime.ColdStart:
//
//   node cold-start.js --url http://127.0.0.1:PORT --key KEY --project P
//
// Each phase prints `T <phase> <ns>`, nanoseconds of the monotonic clock (process.hrtime, CLOCK_MONOTONIC on Linux,
// the clock the harness stamps the spawn on): main (this script runs), created (the library loaded and the socket
// made), connected, joined (the harness's cue to send one event), event. Every wait is bounded (30 s).
const now = () => process.hrtime.bigint();
const say = (line) => process.stdout.write(`${line}\n`);
say(`T main ${now()}`);

const opts = {};
const argv = process.argv.slice(2);
for (let i = 0; i + 1 < argv.length; i += 2) {
  switch (argv[i]) {
    case '--url': opts.url = argv[i + 1]; break;
    case '--key': opts.key = argv[i + 1]; break;
    case '--project': opts.project = argv[i + 1]; break;
    default: say(`ERROR unknown argument ${argv[i]}`); process.exit(1);
  }
}
if (!opts.url || !opts.key || !opts.project) {
  say('ERROR --url, --key and --project are required');
  process.exit(1);
}

const fail = (message) => {
  say(`ERROR ${message}`);
  process.exit(1);
};
setTimeout(() => fail('no event within 30 s'), 30000).unref();

const { io } = require('socket.io-client');
const socket = io(opts.url, { auth: { token: opts.key }, transports: ['websocket'], reconnection: false, forceNew: true });
socket.on('database-change', (event) => {
  const at = now();
  if (event.type !== 'insert' || event.tableName !== 'vehicles') return;
  say(`T event ${at} ${event.data.id}`);
  socket.close();
  process.exit(0);
});
socket.on('connect', () => {
  say(`T connected ${now()}`);
  socket.emit('join-project', opts.project);
});
socket.on('joined-project', () => say(`T joined ${now()}`));
socket.on('join-project-error', (e) => fail(`join refused: ${e && e.message}`));
socket.on('connect_error', (e) => fail(`connect_error: ${e.message}`));
say(`T created ${now()}`);
