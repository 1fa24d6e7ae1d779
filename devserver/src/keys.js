'use strict';

// API keys and the projects each one may touch.
//
// A key spec is `KEY=PROJECT1,PROJECT2` or `KEY=*`. The same syntax is used by
// `--key` (repeatable) and by the SKAFTIN_DEV_KEYS env var (`;`-separated), so a
// test harness can pick whichever is easier to pass to a child process.
// Keys are secrets: nothing here (or anywhere in the server) logs them.

const DEFAULT_KEY = 'dev-key';

function parseKeySpec(spec) {
  const text = String(spec).trim();
  const eq = text.indexOf('=');
  const key = (eq < 0 ? text : text.slice(0, eq)).trim();
  if (!key) throw new Error('empty API key in key spec');
  // `--key k` without `=...` grants everything: convenient, and the least surprising reading.
  const projectsText = eq < 0 ? '*' : text.slice(eq + 1).trim();
  const projects = projectsText
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  if (projects.length === 0) throw new Error('key spec grants no project (use KEY=* for all)');
  return { key, projects };
}

class KeyRing {
  constructor(specs) {
    this.grants = new Map();
    for (const spec of specs) {
      const { key, projects } = parseKeySpec(spec);
      const set = this.grants.get(key) || new Set();
      for (const p of projects) set.add(p);
      this.grants.set(key, set);
    }
    if (this.grants.size === 0) this.grants.set(DEFAULT_KEY, new Set(['*']));
  }

  isValid(key) {
    return typeof key === 'string' && this.grants.has(key);
  }

  /** True when `key` is known and grants `projectId` (directly or through `*`). */
  allows(key, projectId) {
    const set = this.isValid(key) ? this.grants.get(key) : null;
    if (!set || typeof projectId !== 'string') return false;
    return set.has('*') || set.has(projectId);
  }
}

/** Collects key specs from argv-style `--key` values and the SKAFTIN_DEV_KEYS env var. */
function keySpecsFrom(cliSpecs, envValue) {
  const specs = [...cliSpecs];
  if (envValue) {
    for (const part of String(envValue).split(';')) {
      if (part.trim()) specs.push(part);
    }
  }
  return specs;
}

module.exports = { KeyRing, keySpecsFrom, parseKeySpec, DEFAULT_KEY };
