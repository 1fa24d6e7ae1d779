'use strict';

// Shared by the dev server's bench mode and the Node reference client (benchmarks/node-client), which must stamp
// and read times on the same clock. No dependencies, so the client can require it by path.

const { performance } = require('node:perf_hooks');

/**
 * Returns a function giving the wall-clock time in Unix ms with sub-ms resolution. Date.now() only
 * has whole milliseconds, and performance.timeOrigin + performance.now() can drift from the wall
 * clock over a long-lived process (NTP slews CLOCK_REALTIME, not the monotonic clock). So spin
 * until Date.now() ticks (at that instant the wall clock is exactly the new integer) and take the
 * monotonic time of the tick as the offset: a few microseconds of error unless preempted, and a
 * preempted attempt is noticed (a wide bracket) and retried.
 */
function calibrateWallClock() {
  // Date.now() ticks to integer ms: at the tick, the wall clock is exactly the new value. Each attempt
  // brackets the tick between two monotonic reads; a preempted attempt has a wide bracket, so keep
  // the narrowest of a few (each spins at most ~1 ms, all of them at most ~10 ms).
  let best = null;
  const giveUpAt = performance.now() + 10;
  for (let attempt = 0; attempt < 5 && performance.now() < giveUpAt; attempt++) {
    const start = Date.now();
    let before = performance.now();
    let now = start;
    let after = before;
    while (now === start && after < giveUpAt) {
      before = after;
      now = Date.now();
      after = performance.now();
    }
    if (now === start) break;
    const width = after - before;
    if (best === null || width < best.width) best = { width, offset: now - (before + after) / 2 };
    if (width < 0.005) break;
  }
  const offset = best ? best.offset : Date.now() - performance.now();
  return () => offset + performance.now();
}

module.exports = { calibrateWallClock };
