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

/** The tenant's API (what a token authenticates and a cookie session may ride on): /v3 and /work-items/v1. */
export function isApiPath(path: string): boolean {
  return path === '/v3' || path.startsWith('/v3/') || path === '/work-items/v1' || path.startsWith('/work-items/v1/');
}
