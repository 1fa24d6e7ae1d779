#!/usr/bin/env node
'use strict';

// The Node reference client of benchmarks/Skaftin.Realtime.EndToEnd: socket.io-client 4.8.4, one
// `database-change` handler, nothing else. Spawned by the harness once per measurement:
//
//   node client.js --url http://127.0.0.1:PORT --key KEY --project P --warmup W --events N
//                  [--stall-ms 10000] [--max-ms 600000]
//
// It speaks the same line protocol on stdout as the .NET clients (`--client <kind>`):
//   READY                 connected and joined; the harness then streams W warm-up events
//   WARM                  the W warm-up events arrived; the harness then streams the N measured ones
//   RESULT {json}         the measurement (or why it stopped: stalled / error)
// Every wait is bounded: no progress for --stall-ms, or --max-ms in all, ends the run with
// "stalled": true instead of hanging. It exits when its stdin closes (a harness that died).

const fs = require('node:fs');
const { performance } = require('node:perf_hooks');
const { io } = require('socket.io-client');
// The dev server's clock calibration, so both sides stamp and read times the same way.
const { calibrateWallClock } = require('../../devserver/src/wall-clock');

function parseArgs(argv) {
  const opts = { stallMs: 10000, maxMs: 600000 };
  for (let i = 0; i < argv.length; i += 2) {
    const value = argv[i + 1];
    switch (argv[i]) {
      case '--url': opts.url = value; break;
      case '--key': opts.key = value; break;
      case '--project': opts.project = value; break;
      case '--warmup': opts.warmup = Number(value); break;
      case '--events': opts.events = Number(value); break;
      case '--stall-ms': opts.stallMs = Number(value); break;
      case '--max-ms': opts.maxMs = Number(value); break;
      default: throw new Error(`unknown argument ${argv[i]}`);
    }
  }
  for (const k of ['url', 'key', 'project']) if (!opts[k]) throw new Error(`--${k} is required`);
  if (!Number.isInteger(opts.warmup) || opts.warmup < 1) throw new Error('--warmup must be a positive integer');
  if (!Number.isInteger(opts.events) || opts.events < 1) throw new Error('--events must be a positive integer');
  return opts;
}

function peakRssKb() {
  try {
    const m = /^VmHWM:\s+(\d+)\s+kB/m.exec(fs.readFileSync('/proc/self/status', 'utf8'));
    if (m) return Number(m[1]);
  } catch {
    /* not Linux */
  }
  return process.resourceUsage().maxRSS;
}

function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

function main() {
  const opts = parseArgs(process.argv.slice(2));
  const say = (line) => process.stdout.write(`${line}\n`);
  let wallNow = calibrateWallClock();
  const latencies = new Float64Array(opts.events);
  let received = 0;
  let measured = 0;
  let firstSent = 0;
  let lastReceived = 0;
  let cpuAtWarm = null;
  let finished = false;
  let ready = false;
  let lastProgressAt = performance.now();
  let lastProgressCount = 0;
  const startedAt = performance.now();

  const socket = io(opts.url, {
    auth: { token: opts.key },
    transports: ['websocket'],
    reconnection: false,
    timeout: 20000,
    forceNew: true,
  });

  const finish = (extra) => {
    if (finished) return;
    finished = true;
    clearInterval(watchdog);
    const cpu = cpuAtWarm ? process.cpuUsage(cpuAtWarm) : { user: 0, system: 0 };
    const sorted = Array.from(latencies.subarray(0, measured)).sort((a, b) => a - b);
    const elapsedMs = measured > 0 ? lastReceived - firstSent : 0;
    const result = {
      kind: 'node',
      events: opts.events,
      received: measured,
      dropped: 0,
      stalled: false,
      error: null,
      elapsedMs,
      eventsPerSecond: elapsedMs > 0 ? (measured * 1000) / elapsedMs : 0,
      cpuSeconds: (cpu.user + cpu.system) / 1e6,
      allocatedBytesPerEvent: null,
      peakRssKb: peakRssKb(),
      p50Ms: percentile(sorted, 50),
      p99Ms: percentile(sorted, 99),
      maxMs: sorted.length ? sorted[sorted.length - 1] : null,
      runtime: `node ${process.version}, socket.io-client ${require('socket.io-client/package.json').version}`,
      ...extra,
    };
    say(`RESULT ${JSON.stringify(result)}`);
    socket.close();
    setTimeout(() => process.exit(0), 50).unref();
  };

  const watchdog = setInterval(() => {
    const now = performance.now();
    if (received !== lastProgressCount) {
      lastProgressCount = received;
      lastProgressAt = now;
    }
    // Before READY nothing can arrive (the connect timeout covers that phase); after it, silence is a stall.
    if (ready && now - lastProgressAt > opts.stallMs) {
      finish({ stalled: true, error: `no event for ${opts.stallMs} ms after ${received} (warm-up ${opts.warmup})` });
    } else if (now - startedAt > opts.maxMs) {
      finish({ stalled: true, error: `still running after ${opts.maxMs} ms (${received} events)` });
    }
  }, 1000); // as the .NET client's stall watch: once a second, so the watch itself costs the measured process little

  // The harness keeps stdin open; when it closes, the harness is gone and so should we be.
  process.stdin.on('end', () => process.exit(3));
  process.stdin.on('error', () => process.exit(3));
  process.stdin.resume();

  socket.on('connect_error', (err) => finish({ error: `connect_error: ${err.message}` }));
  socket.on('disconnect', (reason) => {
    if (!finished) finish({ error: `disconnected: ${reason}` });
  });
  socket.on('joined-project', () => {
    ready = true;
    lastProgressAt = performance.now();
    say('READY');
  });
  socket.on('join-project-error', (e) => finish({ error: `join refused: ${e && e.message}` }));
  socket.on('connect', () => socket.emit('join-project', opts.project));

  const total = opts.warmup + opts.events;
  socket.on('database-change', (event) => {
    const now = wallNow();
    const i = received++;
    if (i < opts.warmup) {
      if (i + 1 === opts.warmup) {
        // Measure from here: recalibrate the clock, take the CPU baseline, then ask for the stream.
        wallNow = calibrateWallClock();
        cpuAtWarm = process.cpuUsage();
        say('WARM');
      }
      return;
    }
    const j = measured++;
    const sent = event.data.sent_at_ms;
    if (j === 0) firstSent = sent;
    latencies[j] = now - sent;
    if (i + 1 === total) {
      lastReceived = now;
      finish({});
    }
  });
}

try {
  main();
} catch (e) {
  process.stderr.write(`${e.message}\n`);
  process.exit(2);
}
