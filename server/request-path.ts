// Which part of the server a request is for, from its path: the session, the security headers and the page's
// fallback route all ask the same questions.

/** A request URL's path without its query string. */
export function pathOf(url: string): string {
  const q = url.indexOf('?');
  return q === -1 ? url : url.slice(0, q);
}

/**
 * Where the Work Items API is served: ISC's own path, and the same operations, parameters and bodies under
 * /work-items/v1 (one implementation, registered under both prefixes).
 */
export const WORK_ITEMS_PREFIXES = ['/v3/work-items', '/work-items/v1'] as const;

/** The API roots outside /v3: ISC's per-service versions. */
const SERVICE_ROOTS = ['/work-items/v1', '/access-request-approvals/v1'];

/**
 * The tenant's API (what a token authenticates and a cookie session may ride on): /v3 and the per-service
 * versions (/work-items/v1, /access-request-approvals/v1).
 */
export function isApiPath(path: string): boolean {
  return [...SERVICE_ROOTS, '/v3'].some((root) => path === root || path.startsWith(`${root}/`));
}
