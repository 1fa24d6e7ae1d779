'use strict';

// How the server shapes what it says, per contract. `dev` (the default) is the dev server's own,
// strict reading of schemas/: full rows, a `joined-project` answer for every granted join,
// `tableName: null` on cron and import events. `seed` (`--contract seed`) is what a backend written
// from the seed (../../shared/seed, DESIGN.md section 2) may do instead: no credential, no or late
// join answers, updates carrying only what changed, one event with a row array for a bulk write,
// no `tableName` on cron and import events. The clock skew applies to both.

const CONTRACTS = ['dev', 'seed'];

/**
 * @param {{contract?: 'dev'|'seed', silentJoins?: string[], joinDelayMs?: number, omitOldData?: boolean,
 *          validateCredential?: boolean, clockSkewMs?: number}} options
 */
function createContract(options = {}) {
  const name = options.contract || 'dev';
  if (!CONTRACTS.includes(name)) throw new Error(`unknown contract ${name}`);
  const seed = name === 'seed';
  const silent = new Set(options.silentJoins || []);
  const joinDelayMs = options.joinDelayMs || 0;
  const clockSkewMs = options.clockSkewMs || 0;
  const omitOldData = Boolean(options.omitOldData);

  return {
    name,
    seed,
    clockSkewMs,

    /** The credential policy for ./access.js. */
    accessPolicy: { requireCredential: !seed, validateCredential: Boolean(options.validateCredential) },

    /** The `timestamp` of an event emitted now: this server's clock, skewed by `--clock-skew-ms`. */
    timestamp() {
      return new Date(Date.now() + clockSkewMs).toISOString();
    },

    /**
     * How a granted join is answered: null = not at all (neither `joined-project` nor the ack),
     * else after that many ms (0 = at once). The room is joined at once in every case.
     */
    joinAnswerDelay(projectId) {
      if (silent.has('*') || silent.has(projectId)) return null;
      return joinDelayMs;
    },

    /** The `tableName` field: seed leaves it out where there is no table (cron jobs, import_dump). */
    tableNameField(tableName) {
      if (tableName !== null && tableName !== undefined) return { tableName };
      return seed ? {} : { tableName: null };
    },

    /** `data` of an update: seed sends the key and the columns whose value changed, dev the whole row. */
    updateData(row, oldRow, primaryKey) {
      if (!seed) return row;
      const changed = { [primaryKey]: row[primaryKey] };
      for (const [column, value] of Object.entries(row)) {
        if (JSON.stringify(value) !== JSON.stringify(oldRow[column])) changed[column] = value;
      }
      return changed;
    },

    /** `oldData` of an update: left out (undefined) with `--omit-old-data`. */
    updateOldData(oldRow) {
      return seed && omitOldData ? undefined : oldRow;
    },

    /** Whether a bulk write is announced as one event whose `data` is the array of rows (seed). */
    bulkAsArray: seed,
  };
}

module.exports = { createContract, CONTRACTS };
