'use strict';

// CORS for the REST API: a browser app served from another origin (the seed's React app on its own dev
// port, a Blazor WebAssembly app) loads rows and writes through this API, as it would against a Skaftin
// backend. Any origin is answered (this is a development server); a preflight is answered here and never
// reaches a route. The Socket.IO endpoint gets the same through socket.io's own `cors` option (./realtime.js).

const ALLOWED_METHODS = 'GET, POST, PUT, PATCH, DELETE, OPTIONS';
const DEFAULT_ALLOWED_HEADERS = 'content-type, x-api-key, authorization';

/** Adds the CORS headers for a request with an Origin; returns true when it answered a preflight itself. */
function applyCors(req, res) {
  const origin = req.headers.origin;
  if (!origin) return false;
  res.setHeader('access-control-allow-origin', origin);
  res.setHeader('access-control-allow-credentials', 'true');
  res.setHeader('vary', 'Origin');
  if (req.method !== 'OPTIONS' || !req.headers['access-control-request-method']) return false;
  res.writeHead(204, {
    'access-control-allow-methods': ALLOWED_METHODS,
    'access-control-allow-headers': req.headers['access-control-request-headers'] || DEFAULT_ALLOWED_HEADERS,
    'access-control-max-age': '600',
    'content-length': '0',
  });
  res.end();
  return true;
}

module.exports = { applyCors };
