'use strict';

// Who may connect and which projects a connection may join. The dev contract (the default) asks
// for an API key in the handshake (`auth.token`) and checks every join against the key's grants.
// The seed contract (`--contract seed`) asks for nothing, as the seed's client sends nothing:
// a credential, if sent, is ignored, or with `validateCredential` checked when present.

/**
 * @param {import('./keys').KeyRing} keyRing
 * @param {{requireCredential: boolean, validateCredential: boolean}} policy
 * @returns {{accepts(token: unknown): boolean, allows(token: unknown, projectId: unknown): boolean,
 *            credentialOf(token: unknown): string | null}}
 */
function createAccess(keyRing, { requireCredential, validateCredential }) {
  if (requireCredential) {
    return {
      accepts: (token) => keyRing.isValid(token),
      allows: (token, projectId) => keyRing.allows(token, projectId),
      credentialOf: (token) => (keyRing.isValid(token) ? token : null),
    };
  }
  // No credential required. An ignored credential counts as none: every project may be joined.
  const present = (token) => validateCredential && token !== undefined && token !== null;
  return {
    accepts: (token) => !present(token) || keyRing.isValid(token),
    allows: (token, projectId) => (present(token) ? keyRing.allows(token, projectId) : typeof projectId === 'string' && projectId.length > 0),
    credentialOf: (token) => (present(token) && keyRing.isValid(token) ? token : null),
  };
}

module.exports = { createAccess };
