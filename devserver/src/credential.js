'use strict';

// Where a client's credential travels in the Socket.IO handshake (`--credential-from`). A Skaftin
// backend may read it from a field of the handshake's `auth` object (default `auth:token`), from a
// query parameter of the connection URL (`query:NAME`), or from an HTTP header of the handshake
// request (`header:NAME`, on both transports; an `authorization` header may say `Bearer KEY`).

const PLACES = ['auth', 'query', 'header'];
const NAME = /^[A-Za-z0-9_-]{1,64}$/;
const DEFAULT_SOURCE = Object.freeze({ place: 'auth', name: 'token' });

/**
 * Parses `PLACE:NAME` (`auth:token`, `query:apiKey`, `header:x-api-key`).
 * @param {string} text
 * @returns {{place: 'auth'|'query'|'header', name: string}}
 */
function parseCredentialSource(text) {
  const colon = typeof text === 'string' ? text.indexOf(':') : -1;
  const place = colon > 0 ? text.slice(0, colon) : '';
  const name = colon > 0 ? text.slice(colon + 1) : '';
  if (!PLACES.includes(place) || !NAME.test(name)) {
    throw new Error(`--credential-from must be ${PLACES.map((p) => `${p}:NAME`).join(', ')} with NAME of [A-Za-z0-9_-]`);
  }
  return { place, name: place === 'header' ? name.toLowerCase() : name };
}

/**
 * Returns a reader of the credential from a handshake (`{auth, query, headers}`, as socket.io's
 * `socket.handshake`): the value, or undefined when the client sent none there.
 * @param {{place: string, name: string}} [source]
 */
function createCredentialReader(source = DEFAULT_SOURCE) {
  const { place, name } = source;
  return (handshake) => {
    const bag = place === 'auth' ? handshake.auth : place === 'query' ? handshake.query : handshake.headers;
    const value = bag && typeof bag === 'object' ? bag[name] : undefined;
    if (value === undefined || value === null) return undefined;
    if (place === 'header' && name === 'authorization' && typeof value === 'string') {
      const bearer = /^Bearer\s+(.+)$/i.exec(value);
      return bearer ? bearer[1] : value;
    }
    return value;
  };
}

module.exports = { parseCredentialSource, createCredentialReader, DEFAULT_SOURCE };
