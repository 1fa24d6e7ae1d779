'use strict';

const { applyCors } = require('./cors');

// The HTTP JSON API. Every change that goes through it is written to SQLite first and
// only then announced on the project's room, so an event never describes a change that
// did not happen. Plain `node:http`: a dev server for tests should not need a framework.

const { HttpError, badRequest } = require('./errors');
const { streamDatabaseChanges, parseStreamRequest } = require('./bench');

const MAX_BODY_BYTES = 16 * 1024 * 1024; // large enough for "huge payload" tests, bounded all the same

function readJsonBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    let failed = false;
    req.on('data', (chunk) => {
      if (failed) return;
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        failed = true;
        reject(new HttpError(413, `body larger than ${MAX_BODY_BYTES} bytes`));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (failed) return;
      const text = Buffer.concat(chunks).toString('utf8');
      if (text.trim() === '') return resolve(undefined);
      try {
        resolve(JSON.parse(text));
      } catch (e) {
        reject(badRequest(`invalid JSON body: ${e.message}`));
      }
    });
    req.on('error', reject);
  });
}

function send(res, status, body) {
  if (res.headersSent) return;
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  });
  res.end(text);
}

function apiKeyOf(req) {
  const header = req.headers['x-api-key'];
  if (typeof header === 'string' && header) return header;
  const auth = req.headers.authorization;
  if (typeof auth === 'string') {
    const m = /^Bearer\s+(.+)$/i.exec(auth.trim());
    if (m) return m[1];
  }
  return undefined;
}

/** Maps better-sqlite3 errors onto HTTP status codes. */
function toHttpError(err) {
  if (err instanceof HttpError) return err;
  if (err instanceof URIError) return new HttpError(400, 'malformed percent-encoding in url');
  if (err && typeof err.code === 'string' && err.code.startsWith('SQLITE_')) {
    // A duplicate key is a conflict with existing data; a NULL in a NOT NULL column (or a
    // failed CHECK) is just a bad request.
    if (['SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_CONSTRAINT_PRIMARYKEY'].includes(err.code)) return new HttpError(409, err.message);
    return new HttpError(400, err.message);
  }
  return null;
}

/**
 * Builds the request handler.
 * @param {{store: import('./db').Store, realtime: ReturnType<import('./realtime').createRealtime>, keyRing: import('./keys').KeyRing, log?: Function}} deps
 */
function createHttpApi({ store, realtime, keyRing, log = () => {} }) {
  const routes = [];
  // `scope`: "project" = key must grant :p; "body" = key must grant body.projectId;
  // "key" = any valid key; "public" = no key at all.
  const route = (method, pattern, scope, handler) => {
    const names = [];
    const regex = new RegExp(
      '^' +
        pattern.replace(/:([a-zA-Z]+)/g, (_, n) => {
          names.push(n);
          return '([^/]+)';
        }) +
        '/?$',
    );
    routes.push({ method, regex, names, scope, handler });
  };
  const change = (p, type, tableName, data, oldData) => realtime.emitDatabaseChange(p, type, tableName, data, oldData);

  // nodeId only when the server was given one (--node-id, or --redis-url): a cluster test needs to
  // know which node answered; a single dev server keeps the plain {ok: true}.
  const withNode = (body) => (realtime.nodeId ? { ...body, nodeId: realtime.nodeId } : body);
  route('GET', '/health', 'public', () => [200, withNode({ ok: true })]);

  // ---- tables and columns ----
  route('GET', '/api/projects/:p/tables', 'project', ({ p }) => [200, store.listTables(p)]);
  route('GET', '/api/projects/:p/tables/:t', 'project', ({ p, t }) => [200, store.describe(store.tableMeta(p, t))]);
  route('POST', '/api/projects/:p/tables', 'project', ({ p }, body) => {
    const info = store.createTable(p, body);
    change(p, 'create_table', info.table, info);
    return [201, info];
  });
  route('DELETE', '/api/projects/:p/tables/:t', 'project', ({ p, t }) => {
    const info = store.dropTable(p, t);
    change(p, 'drop_table', t, info);
    return [200, info];
  });
  route('POST', '/api/projects/:p/tables/:t/rename', 'project', ({ p, t }, body) => {
    const info = store.renameTable(p, t, body && body.newName);
    // tableName is the name clients knew the table by; the new one is in data.newName.
    change(p, 'rename_table', t, info);
    return [200, info];
  });
  route('POST', '/api/projects/:p/tables/:t/columns', 'project', ({ p, t }, body) => {
    const info = store.addColumn(p, t, body);
    change(p, 'add_column', t, info);
    return [201, info];
  });
  route('PATCH', '/api/projects/:p/tables/:t/columns/:c', 'project', ({ p, t, c }, body) => {
    const { data, oldData } = store.alterColumn(p, t, c, body);
    change(p, 'alter_column', t, data, oldData);
    return [200, data];
  });
  route('DELETE', '/api/projects/:p/tables/:t/columns/:c', 'project', ({ p, t, c }) => {
    const info = store.dropColumn(p, t, c);
    change(p, 'drop_column', t, info);
    return [200, info];
  });
  route('POST', '/api/projects/:p/tables/:t/constraints', 'project', ({ p, t }, body) => {
    const info = store.createConstraint(p, t, body);
    change(p, 'create_constraint', t, info);
    return [201, info];
  });
  route('DELETE', '/api/projects/:p/tables/:t/constraints/:name', 'project', ({ p, t, name }) => {
    const info = store.dropConstraint(p, t, name);
    change(p, 'drop_constraint', t, info);
    return [200, info];
  });

  // ---- rows ----
  route('GET', '/api/projects/:p/tables/:t/rows', 'project', ({ p, t }) => [200, store.listRows(p, t)]);
  route('GET', '/api/projects/:p/tables/:t/rows/:id', 'project', ({ p, t, id }) => [200, store.getRow(p, t, id)]);
  route('POST', '/api/projects/:p/tables/:t/rows', 'project', ({ p, t }, body) => {
    const row = store.insertRow(p, t, body);
    change(p, 'insert', t, row);
    return [201, row];
  });
  // Bulk writes (registered before rows/:id, which would take "bulk" for an id): one event whose
  // data is the array of rows under the seed contract, one event per row under the dev contract.
  const { contract } = realtime;
  const updateEvent = (p, t, row, oldRow) => [contract.updateData(row, oldRow, store.tableMeta(p, t).primaryKey.name), contract.updateOldData(oldRow)];
  route('POST', '/api/projects/:p/tables/:t/rows/bulk', 'project', ({ p, t }, body) => {
    const rows = store.insertRows(p, t, body);
    if (contract.bulkAsArray) change(p, 'insert', t, rows);
    else for (const row of rows) change(p, 'insert', t, row);
    return [201, rows];
  });
  route('PATCH', '/api/projects/:p/tables/:t/rows/bulk', 'project', ({ p, t }, body) => {
    const results = store.updateRows(p, t, body);
    const events = results.map(({ row, oldRow }) => updateEvent(p, t, row, oldRow));
    if (contract.bulkAsArray) {
      const oldRows = events.map(([, oldData]) => oldData);
      change(p, 'update', t, events.map(([data]) => data), oldRows.includes(undefined) ? undefined : oldRows);
    } else {
      for (const [data, oldData] of events) change(p, 'update', t, data, oldData);
    }
    return [200, results.map(({ row }) => row)];
  });
  route('PATCH', '/api/projects/:p/tables/:t/rows/:id', 'project', ({ p, t, id }, body) => {
    const { row, oldRow } = store.updateRow(p, t, id, body);
    change(p, 'update', t, ...updateEvent(p, t, row, oldRow));
    return [200, row];
  });
  route('DELETE', '/api/projects/:p/tables/:t/rows/:id', 'project', ({ p, t, id }, _body, query) => {
    const { oldRow, key } = store.deleteRow(p, t, id);
    // Real backends sometimes announce a delete with the key only; keyOnly lets tests cover that.
    const keyOnly = ['1', 'true'].includes(query.get('keyOnly') || '');
    change(p, 'delete', t, keyOnly ? key : oldRow);
    return [200, oldRow];
  });

  // ---- cron jobs (tableName is null: they belong to no table) ----
  route('GET', '/api/projects/:p/cron-jobs', 'project', ({ p }) => [200, store.listCronJobs(p)]);
  route('POST', '/api/projects/:p/cron-jobs', 'project', ({ p }, body) => {
    const job = store.createCronJob(p, body);
    change(p, 'create_cron_job', null, job);
    return [201, job];
  });
  route('PATCH', '/api/projects/:p/cron-jobs/:id', 'project', ({ p, id }, body) => {
    const { job, oldJob } = store.updateCronJob(p, id, body);
    change(p, 'update_cron_job', null, job, oldJob);
    return [200, job];
  });
  route('DELETE', '/api/projects/:p/cron-jobs/:id', 'project', ({ p, id }) => {
    const job = store.deleteCronJob(p, id);
    change(p, 'delete_cron_job', null, job);
    return [200, job];
  });
  route('POST', '/api/projects/:p/cron-jobs/:id/toggle', 'project', ({ p, id }, body) => {
    const { job, oldJob } = store.toggleCronJob(p, id, body);
    change(p, 'toggle_cron_job', null, job, oldJob);
    return [200, job];
  });

  // ---- import dump and free-form project events ----
  route('POST', '/api/projects/:p/import-dump', 'project', ({ p }, body) => {
    const info = store.importDump(p, body);
    change(p, 'import_dump', null, info);
    return [200, info];
  });
  route('POST', '/api/projects/:p/events', 'project', ({ p }, body) => {
    if (!body || typeof body !== 'object' || Array.isArray(body)) throw badRequest('body must be an object');
    if (typeof body.type !== 'string' || !body.type) throw badRequest('type must be a non-empty string');
    const event = realtime.emitProjectEvent(p, body.type, body.data);
    return [200, event];
  });

  // ---- test hooks (always on in this dev server; still key-protected) ----
  route('POST', '/api/_test/emit', 'body', (_params, body) => {
    if (typeof body.event !== 'string' || !body.event) throw badRequest('event must be a non-empty string');
    // `argsJson` carries the args as JSON text, for what a client's serializer refuses to write
    // (unpaired surrogates such as "\ud800", nesting past its depth limit).
    let args = body.args === undefined ? [] : body.args;
    if (body.argsJson !== undefined) {
      if (typeof body.argsJson !== 'string') throw badRequest('argsJson must be a string');
      try {
        args = JSON.parse(body.argsJson);
      } catch (e) {
        throw badRequest(`argsJson is not JSON: ${e.message}`);
      }
    }
    if (!Array.isArray(args)) throw badRequest('args must be an array');
    let delivered;
    try {
      delivered = realtime.emitAny(body.projectId, body.event, args, { ack: body.ack === true, binary: body.binary === true });
    } catch (e) {
      throw badRequest(e.message); // socket.io refuses reserved names such as "connect"
    }
    return [200, { room: realtime.roomOf(body.projectId), event: body.event, sockets: delivered }];
  });
  route('POST', '/api/_test/emit-raw', 'body', (_params, body) => {
    if (typeof body.frame !== 'string') throw badRequest('frame must be a string');
    const delivered = realtime.emitRaw(body.projectId, body.frame);
    return [200, { room: realtime.roomOf(body.projectId), sockets: delivered }];
  });
  route('GET', '/api/_test/rooms/:p', 'project', ({ p }) => [200, realtime.roomMembers(p)]);
  // Sockets of this process only (in a cluster each node lists its own). `details` says, per
  // socket, whether its session was recovered (connection state recovery) and its project rooms.
  route('GET', '/api/_test/sockets', 'key', () => {
    const sockets = realtime.socketIds();
    return [200, withNode({ sockets, count: sockets.length, recovery: realtime.recovery, details: realtime.socketDetails() })];
  });
  route('GET', '/api/_test/sockets/:id', 'key', ({ id }) => {
    const detail = realtime.socketDetail(id);
    if (!detail) throw new HttpError(404, `socket ${id} is not connected to this server`);
    return [200, withNode(detail)];
  });
  route('POST', '/api/_test/disconnect-all', 'key', () => [200, { disconnected: realtime.disconnectAll() }]);
  route('POST', '/api/_test/drop-transports', 'key', () => [200, { dropped: realtime.dropTransports() }]);

  // ---- bench mode (always on; key-protected): see src/bench.js ----
  route('POST', '/api/_bench/stream', 'body', async (_params, body) => {
    const result = await streamDatabaseChanges(realtime, parseStreamRequest(body));
    return [200, result];
  });

  return async function handle(req, res) {
    if (applyCors(req, res)) return undefined;
    let url;
    try {
      url = new URL(req.url, 'http://127.0.0.1');
    } catch {
      return send(res, 400, { error: 'bad request url' });
    }
    let pathMatched = false;
    for (const r of routes) {
      const m = r.regex.exec(url.pathname);
      if (!m) continue;
      pathMatched = true;
      if (r.method !== req.method) continue;
      try {
        const params = {};
        r.names.forEach((n, i) => {
          params[n] = decodeURIComponent(m[i + 1]);
        });
        let body;
        if (r.scope !== 'public') {
          const key = apiKeyOf(req);
          if (!keyRing.isValid(key)) return send(res, 401, { error: 'missing or invalid api key' });
          if (r.method !== 'GET' && r.method !== 'DELETE') body = await readJsonBody(req);
          if (r.scope === 'body') {
            if (!body || typeof body !== 'object' || Array.isArray(body)) throw badRequest('body must be an object');
            if (typeof body.projectId !== 'string' || !body.projectId) throw badRequest('projectId must be a non-empty string');
          }
          const project = r.scope === 'project' ? params.p : r.scope === 'body' ? body.projectId : null;
          if (project !== null && !keyRing.allows(key, project)) {
            return send(res, 403, { error: `api key does not grant project ${project}` });
          }
        }
        const [status, payload] = await r.handler(params, body, url.searchParams);
        return send(res, status, payload);
      } catch (err) {
        const httpErr = toHttpError(err);
        if (httpErr) return send(res, httpErr.status, { error: httpErr.message });
        log(`internal error on ${req.method} ${url.pathname}: ${err && err.stack ? err.stack : err}`);
        return send(res, 500, { error: 'internal server error' });
      }
    }
    return send(res, pathMatched ? 405 : 404, { error: pathMatched ? `method ${req.method} not allowed` : 'not found' });
  };
}

module.exports = { createHttpApi };
