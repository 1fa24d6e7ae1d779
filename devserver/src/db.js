'use strict';

// The dev server's storage: a real embedded SQLite database (better-sqlite3).
//
// Each (project, table) pair is one SQLite table named `p_<project>__<table>`.
// SQLite only knows a handful of storage classes, so the logical column types
// (integer, bigint, boolean, json, ...) are kept in a metadata table and used to
// encode values on the way in and to decode them on the way out. Decoding mimics
// what a real JavaScript backend would put on the wire:
//   - boolean   -> 0 / 1 (SQLite has no boolean; a JS backend on SQLite sends numbers)
//   - bigint    -> string (like node-postgres, so values above 2^53 survive)
//   - numeric   -> string (like node-postgres: exact decimals, no float rounding)
//   - json      -> the parsed JSON value (stored as text)
//   - timestamp -> the ISO string exactly as stored
//   - NULL      -> null

const crypto = require('node:crypto');
const Database = require('better-sqlite3');
const { badRequest, notFound, conflict } = require('./errors');

const IDENTIFIER = /^[A-Za-z0-9_]+$/;
const MAX_IDENTIFIER = 63; // PostgreSQL's limit: keeps names portable to a real Skaftin backend.

// Logical type -> SQLite declared type (which decides the column's affinity).
// numeric is TEXT on purpose: NUMERIC affinity would turn "12.50" into 12.5.
const SQLITE_TYPES = {
  integer: 'INTEGER',
  bigint: 'INTEGER',
  text: 'TEXT',
  real: 'REAL',
  numeric: 'TEXT',
  boolean: 'INTEGER',
  timestamp: 'TEXT',
  json: 'TEXT',
  uuid: 'TEXT',
};

// Common spellings a client may send; they map onto the logical types above.
const TYPE_ALIASES = {
  int: 'integer',
  int4: 'integer',
  serial: 'integer',
  int8: 'bigint',
  bigserial: 'bigint',
  string: 'text',
  varchar: 'text',
  float: 'real',
  double: 'real',
  float8: 'real',
  decimal: 'numeric',
  bool: 'boolean',
  timestamptz: 'timestamp',
  datetime: 'timestamp',
  jsonb: 'json',
};

const INTEGER_TEXT = /^-?\d+$/;
const NUMERIC_TEXT = /^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
const NOW_ISO_SQL = "(strftime('%Y-%m-%dT%H:%M:%fZ','now'))";

function checkIdentifier(value, what) {
  if (typeof value !== 'string' || !IDENTIFIER.test(value)) {
    throw badRequest(`${what} must be a non-empty string of [A-Za-z0-9_]`);
  }
  if (value.length > MAX_IDENTIFIER) throw badRequest(`${what} is longer than ${MAX_IDENTIFIER} characters`);
  return value;
}

// Identifiers are validated against IDENTIFIER first, so quoting never needs escaping;
// the quotes still matter for names that are SQL keywords (e.g. a column named "order").
const q = (identifier) => `"${identifier}"`;

function normalizeType(type, columnName) {
  if (typeof type !== 'string') throw badRequest(`column ${columnName}: type must be a string`);
  const lower = type.trim().toLowerCase();
  const logical = TYPE_ALIASES[lower] || lower;
  if (!SQLITE_TYPES[logical]) {
    throw badRequest(
      `column ${columnName}: unknown type "${type}" (expected one of ${Object.keys(SQLITE_TYPES).join(', ')})`,
    );
  }
  return logical;
}

function sqlLiteral(value) {
  if (value === null) return 'NULL';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw badRequest('default must be a finite number');
    return String(value);
  }
  if (typeof value === 'boolean') return value ? '1' : '0';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return `'${text.replace(/'/g, "''")}'`;
}

/** Validates a column definition from a request and returns its metadata form. */
function normalizeColumn(input) {
  if (!input || typeof input !== 'object' || Array.isArray(input)) throw badRequest('each column must be an object');
  const name = checkIdentifier(input.name, 'column name');
  const type = normalizeType(input.type, name);
  const primaryKey = input.primaryKey === true;
  const column = { name, type, primaryKey, nullable: primaryKey ? false : input.nullable !== false };
  if (input.default !== undefined) column.default = input.default;
  return column;
}

function columnSql(column, { autoIncrement = false } = {}) {
  const parts = [q(column.name), SQLITE_TYPES[column.type]];
  if (column.primaryKey) parts.push(autoIncrement ? 'PRIMARY KEY AUTOINCREMENT' : 'PRIMARY KEY');
  if (!column.nullable && !column.primaryKey) parts.push('NOT NULL');
  if (column.default !== undefined) {
    // `"now"` on a timestamp column means "the insert time", the one default a sample needs.
    if (column.type === 'timestamp' && column.default === 'now') parts.push(`DEFAULT ${NOW_ISO_SQL}`);
    else parts.push(`DEFAULT ${sqlLiteral(column.type === 'json' ? JSON.stringify(column.default) : column.default)}`);
  }
  return parts.join(' ');
}

/** JSON value from a request -> value bound into SQLite, checked against the column's type. */
function encodeValue(column, value) {
  if (value === null || value === undefined) return null;
  const fail = () => {
    throw badRequest(`column ${column.name} (${column.type}): cannot store ${JSON.stringify(value)}`);
  };
  switch (column.type) {
    case 'integer':
    case 'bigint':
      if (typeof value === 'number' && Number.isInteger(value)) return value;
      if (typeof value === 'string' && INTEGER_TEXT.test(value.trim())) return BigInt(value.trim());
      return fail();
    case 'real':
      if (typeof value === 'number' && Number.isFinite(value)) return value;
      if (typeof value === 'string' && NUMERIC_TEXT.test(value.trim())) return Number(value);
      return fail();
    case 'numeric':
      if (typeof value === 'number' && Number.isFinite(value)) return String(value);
      if (typeof value === 'string' && NUMERIC_TEXT.test(value.trim())) return value.trim();
      return fail();
    case 'boolean':
      if (value === true || value === 1 || value === '1' || value === 'true') return 1;
      if (value === false || value === 0 || value === '0' || value === 'false') return 0;
      return fail();
    case 'timestamp':
      if (typeof value === 'string' && !Number.isNaN(Date.parse(value))) return value;
      if (typeof value === 'number' && Number.isFinite(value)) return new Date(value).toISOString();
      return fail();
    case 'json':
      return JSON.stringify(value);
    case 'uuid':
    case 'text':
      if (typeof value === 'string') return value;
      if (column.type === 'text' && (typeof value === 'number' || typeof value === 'boolean')) return String(value);
      return fail();
    default:
      return fail();
  }
}

/** Value read from SQLite (statements run with safeIntegers) -> JSON value on the wire. */
function decodeValue(column, value) {
  if (value === null || value === undefined) return null;
  switch (column.type) {
    case 'integer':
    case 'boolean':
    case 'real':
      return typeof value === 'bigint' ? Number(value) : value;
    case 'bigint':
    case 'numeric':
      return String(value);
    case 'json':
      if (typeof value !== 'string') return value;
      try {
        return JSON.parse(value);
      } catch {
        return value; // stored by something other than this server: hand it back as text
      }
    default:
      return typeof value === 'bigint' ? String(value) : value;
  }
}

const publicColumn = (c) => {
  const out = { name: c.name, type: c.type, primaryKey: c.primaryKey, nullable: c.nullable };
  if (c.default !== undefined) out.default = c.default;
  return out;
};

class Store {
  constructor(path = ':memory:') {
    this.db = new Database(path);
    if (path !== ':memory:') this.db.pragma('journal_mode = WAL');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS _skaftin_tables (
        project     TEXT NOT NULL,
        name        TEXT NOT NULL,
        sql_name    TEXT NOT NULL UNIQUE,
        columns     TEXT NOT NULL,
        constraints TEXT NOT NULL DEFAULT '[]',
        PRIMARY KEY (project, name)
      );
      CREATE TABLE IF NOT EXISTS _skaftin_cron_jobs (
        id         INTEGER PRIMARY KEY AUTOINCREMENT,
        project    TEXT NOT NULL,
        name       TEXT NOT NULL,
        schedule   TEXT NOT NULL,
        enabled    INTEGER NOT NULL DEFAULT 1,
        config     TEXT NOT NULL DEFAULT '{}',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
    `);
  }

  close() {
    if (this.db.open) this.db.close();
  }

  // ---- table metadata -------------------------------------------------------

  static sqlName(project, table) {
    return `p_${project}__${table}`;
  }

  tableMeta(project, table) {
    checkIdentifier(project, 'project id');
    checkIdentifier(table, 'table name');
    const row = this.db.prepare('SELECT * FROM _skaftin_tables WHERE project = ? AND name = ?').get(project, table);
    if (!row) throw notFound(`table ${table} not found in project ${project}`);
    return this.#hydrate(row);
  }

  #hydrate(row) {
    const columns = JSON.parse(row.columns);
    return {
      project: row.project,
      name: row.name,
      sqlName: row.sql_name,
      columns,
      constraints: JSON.parse(row.constraints),
      primaryKey: columns.find((c) => c.primaryKey),
    };
  }

  #saveMeta(meta) {
    this.db
      .prepare('UPDATE _skaftin_tables SET name = ?, sql_name = ?, columns = ?, constraints = ? WHERE project = ? AND name = ?')
      .run(meta.name, meta.sqlName, JSON.stringify(meta.columns), JSON.stringify(meta.constraints), meta.project, meta.originalName || meta.name);
  }

  describe(meta) {
    return {
      table: meta.name,
      primaryKey: meta.primaryKey.name,
      columns: meta.columns.map(publicColumn),
      constraints: meta.constraints.map((c) => ({ ...c })),
    };
  }

  listTables(project) {
    checkIdentifier(project, 'project id');
    return this.db
      .prepare('SELECT * FROM _skaftin_tables WHERE project = ? ORDER BY name')
      .all(project)
      .map((row) => this.describe(this.#hydrate(row)));
  }

  // ---- schema changes -------------------------------------------------------

  createTable(project, body) {
    checkIdentifier(project, 'project id');
    if (!body || typeof body !== 'object') throw badRequest('body must be an object');
    const name = checkIdentifier(body.name, 'table name');
    if (!Array.isArray(body.columns)) throw badRequest('columns must be an array');
    const columns = body.columns.map(normalizeColumn);
    const names = new Set();
    for (const c of columns) {
      if (names.has(c.name)) throw badRequest(`duplicate column ${c.name}`);
      names.add(c.name);
    }
    const keys = columns.filter((c) => c.primaryKey);
    // Row routes address a row by one id, so composite keys are out of scope for the dev server.
    if (keys.length > 1) throw badRequest('only a single-column primary key is supported');
    let autoIncrement = false;
    if (keys.length === 0) {
      if (names.has('id')) throw badRequest('column id exists but is not marked primaryKey');
      columns.unshift({ name: 'id', type: 'integer', primaryKey: true, nullable: false });
      autoIncrement = true;
    }
    const sqlName = Store.sqlName(project, name);
    const ddl = `CREATE TABLE ${q(sqlName)} (${columns
      .map((c) => columnSql(c, { autoIncrement: autoIncrement && c.primaryKey }))
      .join(', ')})`;
    const run = this.db.transaction(() => {
      const exists = this.db.prepare('SELECT 1 FROM _skaftin_tables WHERE project = ? AND name = ?').get(project, name);
      if (exists) throw conflict(`table ${name} already exists in project ${project}`);
      if (this.db.prepare("SELECT 1 FROM sqlite_master WHERE name = ?").get(sqlName)) {
        throw conflict(`storage name ${sqlName} is already taken`);
      }
      this.db.exec(ddl);
      this.db
        .prepare('INSERT INTO _skaftin_tables (project, name, sql_name, columns) VALUES (?, ?, ?, ?)')
        .run(project, name, sqlName, JSON.stringify(columns));
    });
    run();
    return this.describe(this.tableMeta(project, name));
  }

  dropTable(project, table) {
    const meta = this.tableMeta(project, table);
    this.db.transaction(() => {
      this.db.exec(`DROP TABLE ${q(meta.sqlName)}`);
      this.db.prepare('DELETE FROM _skaftin_tables WHERE project = ? AND name = ?').run(project, table);
    })();
    return { table };
  }

  renameTable(project, table, newName) {
    const meta = this.tableMeta(project, table);
    checkIdentifier(newName, 'newName');
    const newSqlName = Store.sqlName(project, newName);
    this.db.transaction(() => {
      if (this.db.prepare('SELECT 1 FROM _skaftin_tables WHERE project = ? AND name = ?').get(project, newName)) {
        throw conflict(`table ${newName} already exists in project ${project}`);
      }
      this.db.exec(`ALTER TABLE ${q(meta.sqlName)} RENAME TO ${q(newSqlName)}`);
      this.#saveMeta({ ...meta, originalName: table, name: newName, sqlName: newSqlName });
    })();
    return { oldName: table, newName };
  }

  addColumn(project, table, body) {
    const meta = this.tableMeta(project, table);
    const column = normalizeColumn(body);
    if (column.primaryKey) throw badRequest('cannot add a primary key column to an existing table');
    if (meta.columns.some((c) => c.name === column.name)) throw conflict(`column ${column.name} already exists`);
    this.db.transaction(() => {
      this.db.exec(`ALTER TABLE ${q(meta.sqlName)} ADD COLUMN ${columnSql(column)}`);
      meta.columns.push(column);
      this.#saveMeta(meta);
    })();
    return { table, column: publicColumn(column) };
  }

  // SQLite cannot change a column's declared type in place. The logical type (which drives
  // value encoding and decoding) lives in metadata, so recording it there is enough for a
  // dev server: the event is what clients care about.
  alterColumn(project, table, columnName, body) {
    const meta = this.tableMeta(project, table);
    const index = meta.columns.findIndex((c) => c.name === columnName);
    if (index < 0) throw notFound(`column ${columnName} not found in table ${table}`);
    const before = meta.columns[index];
    const after = { ...before };
    if (body && body.type !== undefined) after.type = normalizeType(body.type, columnName);
    if (body && body.nullable !== undefined && !before.primaryKey) after.nullable = body.nullable !== false;
    meta.columns[index] = after;
    this.#saveMeta(meta);
    return { data: { table, column: publicColumn(after) }, oldData: { table, column: publicColumn(before) } };
  }

  dropColumn(project, table, columnName) {
    const meta = this.tableMeta(project, table);
    const column = meta.columns.find((c) => c.name === columnName);
    if (!column) throw notFound(`column ${columnName} not found in table ${table}`);
    if (column.primaryKey) throw badRequest('cannot drop the primary key column');
    this.db.transaction(() => {
      // A unique index on the column would make SQLite refuse the drop; the constraint goes with it.
      for (const c of meta.constraints.filter((c) => c.index && (c.columns || []).includes(columnName))) {
        this.db.exec(`DROP INDEX IF EXISTS ${q(c.index)}`);
      }
      meta.constraints = meta.constraints.filter((c) => !(c.columns || []).includes(columnName));
      this.db.exec(`ALTER TABLE ${q(meta.sqlName)} DROP COLUMN ${q(columnName)}`);
      meta.columns = meta.columns.filter((c) => c.name !== columnName);
      this.#saveMeta(meta);
    })();
    return { table, column: publicColumn(column) };
  }

  // `unique` constraints become real unique indexes. SQLite cannot add CHECK or FOREIGN KEY
  // constraints to an existing table, so other kinds are recorded as metadata only.
  createConstraint(project, table, body) {
    const meta = this.tableMeta(project, table);
    if (!body || typeof body !== 'object') throw badRequest('body must be an object');
    const name = checkIdentifier(body.name, 'constraint name');
    if (meta.constraints.some((c) => c.name === name)) throw conflict(`constraint ${name} already exists`);
    const constraint = { ...body, name, type: typeof body.type === 'string' ? body.type.toLowerCase() : 'unique' };
    if (body.columns !== undefined) {
      if (!Array.isArray(body.columns) || body.columns.length === 0) throw badRequest('columns must be a non-empty array');
      for (const c of body.columns) {
        checkIdentifier(c, 'constraint column');
        if (!meta.columns.some((col) => col.name === c)) throw badRequest(`column ${c} not found in table ${table}`);
      }
    }
    this.db.transaction(() => {
      if (constraint.type === 'unique') {
        if (!Array.isArray(constraint.columns)) throw badRequest('a unique constraint needs columns');
        constraint.index = `ix_${meta.sqlName}__${name}`;
        this.db.exec(`CREATE UNIQUE INDEX ${q(constraint.index)} ON ${q(meta.sqlName)} (${constraint.columns.map(q).join(', ')})`);
      }
      meta.constraints.push(constraint);
      this.#saveMeta(meta);
    })();
    return { table, constraint: { ...constraint } };
  }

  dropConstraint(project, table, name) {
    const meta = this.tableMeta(project, table);
    const constraint = meta.constraints.find((c) => c.name === name);
    if (!constraint) throw notFound(`constraint ${name} not found on table ${table}`);
    this.db.transaction(() => {
      if (constraint.index) this.db.exec(`DROP INDEX IF EXISTS ${q(constraint.index)}`);
      meta.constraints = meta.constraints.filter((c) => c.name !== name);
      this.#saveMeta(meta);
    })();
    return { table, constraint: { ...constraint } };
  }

  // ---- rows -----------------------------------------------------------------

  #decodeRow(meta, raw) {
    if (!raw) return null;
    const row = {};
    for (const c of meta.columns) row[c.name] = decodeValue(c, raw[c.name]);
    return row;
  }

  #keyValue(meta, id) {
    const pk = meta.primaryKey;
    try {
      return encodeValue(pk, id);
    } catch {
      throw notFound(`row ${id} not found in table ${meta.name}`);
    }
  }

  #readRow(meta, key) {
    const raw = this.db
      .prepare(`SELECT * FROM ${q(meta.sqlName)} WHERE ${q(meta.primaryKey.name)} = ?`)
      .safeIntegers(true)
      .get(key);
    return this.#decodeRow(meta, raw);
  }

  #encodeRow(meta, body, { forInsert }) {
    if (!body || typeof body !== 'object' || Array.isArray(body)) throw badRequest('row must be a JSON object');
    const names = [];
    const values = [];
    for (const [name, value] of Object.entries(body)) {
      const column = meta.columns.find((c) => c.name === name);
      if (!column) throw badRequest(`unknown column ${name} in table ${meta.name}`);
      names.push(name);
      values.push(encodeValue(column, value));
    }
    const pk = meta.primaryKey;
    if (forInsert && pk.type === 'uuid' && (body[pk.name] === undefined || body[pk.name] === null)) {
      // A uuid key the client left out is generated, as a Postgres `gen_random_uuid()` default would.
      const at = names.indexOf(pk.name);
      if (at >= 0) values[at] = crypto.randomUUID();
      else {
        names.push(pk.name);
        values.push(crypto.randomUUID());
      }
    }
    return { names, values };
  }

  insertRow(project, table, body) {
    const meta = this.tableMeta(project, table);
    const { names, values } = this.#encodeRow(meta, body, { forInsert: true });
    const sql = names.length
      ? `INSERT INTO ${q(meta.sqlName)} (${names.map(q).join(', ')}) VALUES (${names.map(() => '?').join(', ')})`
      : `INSERT INTO ${q(meta.sqlName)} DEFAULT VALUES`;
    return this.db.transaction(() => {
      const info = this.db.prepare(sql).safeIntegers(true).run(...values);
      // Read back through the key so generated ids and defaults appear in the event.
      const at = names.indexOf(meta.primaryKey.name);
      const key = at >= 0 && values[at] !== null ? values[at] : info.lastInsertRowid;
      return this.#readRow(meta, key) || this.#readRowByRowid(meta, info.lastInsertRowid);
    })();
  }

  #readRowByRowid(meta, rowid) {
    const raw = this.db.prepare(`SELECT * FROM ${q(meta.sqlName)} WHERE rowid = ?`).safeIntegers(true).get(rowid);
    return this.#decodeRow(meta, raw);
  }

  updateRow(project, table, id, body) {
    const meta = this.tableMeta(project, table);
    const key = this.#keyValue(meta, id);
    const { names, values } = this.#encodeRow(meta, body, { forInsert: false });
    if (names.length === 0) throw badRequest('no columns to update');
    return this.db.transaction(() => {
      const oldRow = this.#readRow(meta, key);
      if (!oldRow) throw notFound(`row ${id} not found in table ${meta.name}`);
      const pkAt = names.indexOf(meta.primaryKey.name);
      if (pkAt >= 0 && String(decodeValue(meta.primaryKey, values[pkAt])) !== String(oldRow[meta.primaryKey.name])) {
        throw badRequest('the primary key cannot be changed');
      }
      this.db
        .prepare(`UPDATE ${q(meta.sqlName)} SET ${names.map((n) => `${q(n)} = ?`).join(', ')} WHERE ${q(meta.primaryKey.name)} = ?`)
        .run(...values, key);
      return { row: this.#readRow(meta, key), oldRow };
    })();
  }

  /** Inserts every row of `rows` in one transaction (all or none); returns the stored rows in order. */
  insertRows(project, table, rows) {
    if (!Array.isArray(rows) || rows.length === 0) throw badRequest('body must be a non-empty array of rows');
    return this.db.transaction(() => rows.map((row) => this.insertRow(project, table, row)))();
  }

  /**
   * Updates several rows in one transaction (all or none). Each item names its row by the primary
   * key column and carries the columns to change; returns `[{row, oldRow}]` in order.
   */
  updateRows(project, table, items) {
    if (!Array.isArray(items) || items.length === 0) throw badRequest('body must be a non-empty array of rows');
    const pk = this.tableMeta(project, table).primaryKey.name;
    return this.db.transaction(() =>
      items.map((item) => {
        if (!item || typeof item !== 'object' || Array.isArray(item)) throw badRequest('each row must be a JSON object');
        if (item[pk] === undefined || item[pk] === null) throw badRequest(`each row must carry its key ${pk}`);
        const { [pk]: id, ...changes } = item;
        return this.updateRow(project, table, String(id), changes);
      }),
    )();
  }

  deleteRow(project, table, id) {
    const meta = this.tableMeta(project, table);
    const key = this.#keyValue(meta, id);
    return this.db.transaction(() => {
      const oldRow = this.#readRow(meta, key);
      if (!oldRow) throw notFound(`row ${id} not found in table ${meta.name}`);
      this.db.prepare(`DELETE FROM ${q(meta.sqlName)} WHERE ${q(meta.primaryKey.name)} = ?`).run(key);
      return { oldRow, key: { [meta.primaryKey.name]: oldRow[meta.primaryKey.name] } };
    })();
  }

  listRows(project, table) {
    const meta = this.tableMeta(project, table);
    return this.db
      .prepare(`SELECT * FROM ${q(meta.sqlName)} ORDER BY ${q(meta.primaryKey.name)}`)
      .safeIntegers(true)
      .all()
      .map((raw) => this.#decodeRow(meta, raw));
  }

  getRow(project, table, id) {
    const meta = this.tableMeta(project, table);
    const row = this.#readRow(meta, this.#keyValue(meta, id));
    if (!row) throw notFound(`row ${id} not found in table ${meta.name}`);
    return row;
  }

  // ---- cron jobs (stored only: the dev server never runs them) -------------

  #cronJob(row) {
    let config = {};
    try {
      config = JSON.parse(row.config);
    } catch {
      /* keep {} */
    }
    return {
      id: row.id,
      name: row.name,
      schedule: row.schedule,
      enabled: Boolean(row.enabled),
      ...config, // extra fields a client sent (command, timezone, ...) are kept and echoed back
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  }

  #cronRow(project, id) {
    checkIdentifier(project, 'project id');
    const numeric = /^\d+$/.test(String(id)) ? Number(id) : NaN;
    const row = this.db.prepare('SELECT * FROM _skaftin_cron_jobs WHERE project = ? AND id = ?').get(project, numeric);
    if (!row) throw notFound(`cron job ${id} not found in project ${project}`);
    return row;
  }

  listCronJobs(project) {
    checkIdentifier(project, 'project id');
    return this.db
      .prepare('SELECT * FROM _skaftin_cron_jobs WHERE project = ? ORDER BY id')
      .all(project)
      .map((r) => this.#cronJob(r));
  }

  createCronJob(project, body) {
    checkIdentifier(project, 'project id');
    if (!body || typeof body !== 'object' || Array.isArray(body)) throw badRequest('body must be an object');
    if (typeof body.name !== 'string' || !body.name.trim()) throw badRequest('name must be a non-empty string');
    if (typeof body.schedule !== 'string' || !body.schedule.trim()) throw badRequest('schedule must be a non-empty string');
    const { name, schedule, enabled, id, createdAt, updatedAt, ...config } = body;
    const now = new Date().toISOString();
    const info = this.db
      .prepare('INSERT INTO _skaftin_cron_jobs (project, name, schedule, enabled, config, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(project, name, schedule, enabled === false ? 0 : 1, JSON.stringify(config), now, now);
    return this.#cronJob(this.#cronRow(project, info.lastInsertRowid));
  }

  updateCronJob(project, id, body) {
    if (!body || typeof body !== 'object' || Array.isArray(body)) throw badRequest('body must be an object');
    const before = this.#cronRow(project, id);
    const old = this.#cronJob(before);
    const { name, schedule, enabled, id: _id, createdAt, updatedAt, ...config } = body;
    if (name !== undefined && (typeof name !== 'string' || !name.trim())) throw badRequest('name must be a non-empty string');
    if (schedule !== undefined && (typeof schedule !== 'string' || !schedule.trim())) throw badRequest('schedule must be a non-empty string');
    const mergedConfig = { ...JSON.parse(before.config || '{}'), ...config };
    this.db
      .prepare('UPDATE _skaftin_cron_jobs SET name = ?, schedule = ?, enabled = ?, config = ?, updated_at = ? WHERE id = ?')
      .run(
        name ?? before.name,
        schedule ?? before.schedule,
        enabled === undefined ? before.enabled : enabled ? 1 : 0,
        JSON.stringify(mergedConfig),
        new Date().toISOString(),
        before.id,
      );
    return { job: this.#cronJob(this.#cronRow(project, before.id)), oldJob: old };
  }

  toggleCronJob(project, id, body) {
    const before = this.#cronRow(project, id);
    const enabled = body && typeof body.enabled === 'boolean' ? body.enabled : !before.enabled;
    this.db
      .prepare('UPDATE _skaftin_cron_jobs SET enabled = ?, updated_at = ? WHERE id = ?')
      .run(enabled ? 1 : 0, new Date().toISOString(), before.id);
    return { job: this.#cronJob(this.#cronRow(project, before.id)), oldJob: this.#cronJob(before) };
  }

  deleteCronJob(project, id) {
    const before = this.#cronRow(project, id);
    this.db.prepare('DELETE FROM _skaftin_cron_jobs WHERE id = ?').run(before.id);
    return this.#cronJob(before);
  }

  // ---- import dump ----------------------------------------------------------

  /**
   * Replaces the project's tables: drops every one, then creates `tables`
   * (`[{name, columns, rows?}]`) and inserts their rows, all in one transaction.
   * No per-row events: a real import announces itself with one `import_dump`.
   */
  importDump(project, body) {
    checkIdentifier(project, 'project id');
    const tables = body && body.tables !== undefined ? body.tables : [];
    if (!Array.isArray(tables)) throw badRequest('tables must be an array');
    return this.db.transaction(() => {
      const dropped = this.listTables(project).map((t) => t.table);
      for (const name of dropped) this.dropTable(project, name);
      const created = [];
      let rowCount = 0;
      for (const t of tables) {
        const info = this.createTable(project, t);
        created.push(info.table);
        const rows = t.rows === undefined ? [] : t.rows;
        if (!Array.isArray(rows)) throw badRequest(`rows of table ${info.table} must be an array`);
        for (const r of rows) {
          this.insertRow(project, info.table, r);
          rowCount += 1;
        }
      }
      return { droppedTables: dropped, tables: created, rows: rowCount };
    })();
  }
}

module.exports = { Store, encodeValue, decodeValue, checkIdentifier, SQLITE_TYPES };
