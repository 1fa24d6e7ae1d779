'use strict';

// eng/cluster/package-lock-wait.sh: the cluster's installs wait for a package manager lock held by another process,
// bounded, saying what they wait for, instead of failing at once (issue 20, case 10). Driven with a stand-in apt-get
// that reports a held lock, and with a real flock held by another process.

const { test } = require('node:test');
const assert = require('node:assert/strict');
const { execFile, spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const SCRIPT = path.join(__dirname, '..', '..', 'eng', 'cluster', 'package-lock-wait.sh');

/** Runs `body` in bash with the script sourced; resolves with {code, stdout, stderr}. Bounded in time. */
function runWithLockWait(body, env) {
  const prelude = `say() { echo "start-cluster: $*" >&2; }\ndie() { say "$1"; exit "\${2:-1}"; }\nsource "${SCRIPT}"\n`;
  return new Promise((resolve, reject) => {
    execFile('bash', ['-c', prelude + body], { timeout: 30000, env: { ...process.env, ...env } }, (err, stdout, stderr) => {
      if (err && typeof err.code !== 'number') return reject(new Error(`${err.message}\n${stderr}`));
      resolve({ code: err ? err.code : 0, stdout, stderr });
    });
  });
}

/** A stand-in for apt-get that says the lock is held `busy` times, then succeeds (writing "installed"). */
function fakeAptGet(dir, busy) {
  const counter = path.join(dir, 'calls');
  const file = path.join(dir, 'apt-get');
  fs.writeFileSync(
    file,
    `#!/usr/bin/env bash
n=$(cat "${counter}" 2>/dev/null || echo 0); n=$((n + 1)); echo "$n" > "${counter}"
if [ "$n" -le ${busy} ]; then
  echo "E: Could not get lock /var/lib/dpkg/lock-frontend. It is held by process 4242 (unattended-upgr)" >&2
  exit 100
fi
echo installed
`,
    { mode: 0o755 },
  );
  return { file, calls: () => Number(fs.readFileSync(counter, 'utf8')) };
}

const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'skaftin-lock-'));

test('an apt-get that finds the lock held is run again until the lock is free, saying once what it waits for', async () => {
  const dir = tempDir();
  const apt = fakeAptGet(dir, 2);
  const run = await runWithLockWait(`apt_with_lock_wait "${apt.file}" install -y nginx`, {
    SKAFTIN_PACKAGE_LOCK_WAIT: '20',
    SKAFTIN_PACKAGE_LOCK_POLL: '1',
  });
  assert.equal(run.code, 0, run.stderr);
  assert.equal(apt.calls(), 3);
  assert.match(run.stdout, /installed/);
  const waits = run.stderr.match(/waiting up to 20 s/g) || [];
  assert.equal(waits.length, 1, run.stderr);
});

test('a lock still held when the bound is spent ends with a clear message and a failure, not a hang', async () => {
  const dir = tempDir();
  const apt = fakeAptGet(dir, 1000);
  const started = Date.now();
  const run = await runWithLockWait(`apt_with_lock_wait "${apt.file}" update`, {
    SKAFTIN_PACKAGE_LOCK_WAIT: '2',
    SKAFTIN_PACKAGE_LOCK_POLL: '1',
  });
  assert.equal(run.code, 1);
  assert.match(run.stderr, /the package manager's lock was still held after 2 s \(SKAFTIN_PACKAGE_LOCK_WAIT\)/);
  assert.ok(apt.calls() >= 2, `apt-get ran ${apt.calls()} time(s)`);
  assert.ok(Date.now() - started < 20000);
});

test('an apt-get failing for another reason is not retried', async () => {
  const dir = tempDir();
  const file = path.join(dir, 'apt-get');
  fs.writeFileSync(file, '#!/usr/bin/env bash\necho "E: Unable to locate package nginx" >&2\nexit 100\n', { mode: 0o755 });
  const run = await runWithLockWait(`apt_with_lock_wait "${file}" install nginx; echo "rc=$?"`, {
    SKAFTIN_PACKAGE_LOCK_WAIT: '20',
    SKAFTIN_PACKAGE_LOCK_POLL: '1',
  });
  assert.match(run.stdout, /rc=100/);
  assert.doesNotMatch(run.stderr, /waiting up to/);
});

/** Holds an exclusive flock on `file` in another process for `seconds`; resolves once it is held. */
function holdLock(file, seconds) {
  // A process group of its own, so that ending it ends the sleep that holds the lock too.
  const holder = spawn('flock', [file, 'bash', '-c', `echo held; sleep ${seconds}`], { stdio: ['ignore', 'pipe', 'inherit'], detached: true });
  holder.stop = () => {
    try {
      process.kill(-holder.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  };
  return new Promise((resolve, reject) => {
    holder.once('error', reject);
    holder.stdout.once('data', () => resolve(holder));
  });
}

test('the npm install lock held by another process is waited for, and taken once it is released', async () => {
  const file = path.join(tempDir(), 'npm.lock');
  const holder = await holdLock(file, 2);
  try {
    const run = await runWithLockWait(`take_install_lock "${file}"; echo taken`, { SKAFTIN_PACKAGE_LOCK_WAIT: '20' });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /taken/);
    assert.match(run.stderr, /another devserver npm install holds .*npm\.lock; waiting up to 20 s/);
  } finally {
    holder.stop();
  }
});

test('the npm install lock still held when the bound is spent ends with a clear message', async () => {
  const file = path.join(tempDir(), 'npm.lock');
  const holder = await holdLock(file, 20);
  try {
    const run = await runWithLockWait(`take_install_lock "${file}"; echo taken`, { SKAFTIN_PACKAGE_LOCK_WAIT: '1' });
    assert.equal(run.code, 1);
    assert.doesNotMatch(run.stdout, /taken/);
    assert.match(run.stderr, /still held .*npm\.lock after 1 s \(SKAFTIN_PACKAGE_LOCK_WAIT\)/);
  } finally {
    holder.stop();
  }
});

test('a bound that is not a number of seconds is refused', async () => {
  const run = await runWithLockWait('echo unreachable', { SKAFTIN_PACKAGE_LOCK_WAIT: 'ten' });
  assert.equal(run.code, 2);
  assert.match(run.stderr, /SKAFTIN_PACKAGE_LOCK_WAIT must be a number of seconds/);
});
