'use strict';

// `--schema FILE`: creates the tables of a schema snapshot (schemas/schema-snapshot.v1.schema.json, written by
// `skaftin schema pull`) at start, in the project the file names. A table that already exists with the same
// columns is kept as it is (so `--db PATH` and `--schema FILE` together survive a restart); one that exists with
// other columns is a conflict, and the server refuses to start rather than serve a schema the app does not expect.

const fs = require('node:fs');

class SchemaFileError extends Error {
  constructor(file, message) {
    super(`--schema ${file}: ${message}`);
    this.name = 'SchemaFileError';
  }
}

const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

/** The column as the store describes it, so that a snapshot column and a stored one compare member by member. */
function comparable(c) {
  const out = { name: c.name, type: c.type, primaryKey: c.primaryKey === true, nullable: c.primaryKey === true ? false : c.nullable };
  if (c.default !== undefined) out.default = c.default;
  return out;
}

function readSnapshot(file) {
  let text;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new SchemaFileError(file, `cannot read the file (${e.code || e.message})`);
  }
  let snapshot;
  try {
    snapshot = JSON.parse(text);
  } catch (e) {
    throw new SchemaFileError(file, `not JSON (${e.message})`);
  }
  if (!snapshot || typeof snapshot !== 'object' || Array.isArray(snapshot)) throw new SchemaFileError(file, 'expected a JSON object');
  if (snapshot.formatVersion !== 1) {
    throw new SchemaFileError(file, `formatVersion must be 1 (got ${JSON.stringify(snapshot.formatVersion)}); is this a skaftin schema snapshot?`);
  }
  if (typeof snapshot.projectId !== 'string' || snapshot.projectId === '') throw new SchemaFileError(file, 'projectId must be a non-empty string');
  if (!Array.isArray(snapshot.tables)) throw new SchemaFileError(file, 'tables must be an array');
  snapshot.tables.forEach((t, i) => {
    if (!t || typeof t !== 'object' || typeof t.name !== 'string') throw new SchemaFileError(file, `tables[${i}]: name must be a string`);
    if (!Array.isArray(t.columns)) throw new SchemaFileError(file, `table ${t.name}: columns must be an array`);
    if (t.constraints !== undefined && !Array.isArray(t.constraints)) throw new SchemaFileError(file, `table ${t.name}: constraints must be an array`);
    if (typeof t.primaryKey !== 'string') {
      throw new SchemaFileError(file, `table ${t.name}: the dev server needs a primary key column (primaryKey is ${JSON.stringify(t.primaryKey)})`);
    }
  });
  return snapshot;
}

/**
 * Reads `file` and creates its tables in `store`. Returns `{projectId, created, kept}` (table names);
 * throws a SchemaFileError (nothing created) when the file is unreadable or a table conflicts.
 * @param {import('./db').Store} store
 */
function applySchemaFile(store, file) {
  const snapshot = readSnapshot(file);
  const project = snapshot.projectId;
  const created = [];
  const kept = [];
  try {
    store.db.transaction(() => {
      const existing = new Map(store.listTables(project).map((t) => [t.table, t]));
      for (const t of snapshot.tables) {
        const wanted = t.columns.map(comparable);
        const current = existing.get(t.name);
        if (current) {
          const have = current.columns.map(comparable);
          if (!same(have, wanted)) {
            throw new SchemaFileError(
              file,
              `table ${t.name} already exists in project ${project} with other columns ` +
                `(database: ${describeColumns(have)}; file: ${describeColumns(wanted)}); ` +
                'use another --db, drop the table, or pull the snapshot again',
            );
          }
          kept.push(t.name);
          continue;
        }
        try {
          store.createTable(project, { name: t.name, columns: t.columns.map((c) => ({ ...c })) });
          for (const c of t.constraints || []) {
            // `index` is where the dev server keeps a unique constraint; it is recomputed for this database.
            const { index, ...constraint } = c;
            store.createConstraint(project, t.name, constraint);
          }
        } catch (e) {
          throw new SchemaFileError(file, `table ${t.name}: ${e.message}`);
        }
        created.push(t.name);
      }
    })();
  } catch (e) {
    if (e instanceof SchemaFileError) throw e;
    throw new SchemaFileError(file, e.message);
  }
  return { projectId: project, created, kept };
}

function describeColumns(columns) {
  return columns.map((c) => `${c.name} ${c.type}${c.primaryKey ? ' primary key' : c.nullable ? ' null' : ' not null'}${c.default !== undefined ? ` default ${JSON.stringify(c.default)}` : ''}`).join(', ');
}

module.exports = { applySchemaFile, SchemaFileError };
