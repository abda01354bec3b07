// Which part of the server a request is for, from its path: the session, the security headers and the page's
// fallback route all ask the same questions.
import { ACCESS_REQUEST_APPROVALS_PREFIXES } from '../contract/access-requests.ts';
import { GENERIC_APPROVALS_PREFIXES, GENERIC_APPROVALS_READ_ONLY_PREFIXES } from '../contract/generic-approvals.ts';
import { WORK_REASSIGNMENT_PREFIXES } from '../contract/work-reassignment.ts';

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

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';
/** ISC's Work Items API (the 13 operations), relative to its prefix; `:x` is one path segment. */
export const WORK_ITEMS: readonly (readonly [Method, string])[] = [
  ['GET', ''],
  ['GET', '/completed'],
  ['GET', '/count'],
  ['GET', '/completed/count'],
  ['GET', '/summary'],
  ['GET', '/:id'],
  ['POST', '/:id'],
  ['POST', '/:id/approve/:approvalItemId'],
  ['POST', '/:id/reject/:approvalItemId'],
  ['POST', '/bulk-approve/:id'],
  ['POST', '/bulk-reject/:id'],
  ['POST', '/:id/submit-account-selection'],
  ['POST', '/:id/forward'],
];

/** The API roots outside /v3: ISC's per-service versions, and the dated versions the Approvals service is under. */
const SERVICE_ROOTS = [
  '/work-items/v1',
  '/access-request-approvals/v1',
  '/generic-approvals/v1',
  '/v2025',
  '/v2024',
  '/beta',
];

/**
 * The tenant's API (what a token authenticates and a cookie session may ride on): /v3, /v2025, /v2024, /beta and
 * the per-service versions (/work-items/v1, /access-request-approvals/v1, /generic-approvals/v1).
 */
export function isApiPath(path: string): boolean {
  return [...SERVICE_ROOTS, '/v3'].some((root) => path === root || path.startsWith(`${root}/`));
}

/**
 * Each API served under more than one path family, its families listed with ISC's canonical one first. A new API
 * with several families adds its line here, and whatever matches requests by operation (fault rules) serves all of
 * its families at once.
 */
export const API_FAMILIES: readonly (readonly string[])[] = [
  WORK_ITEMS_PREFIXES,
  ACCESS_REQUEST_APPROVALS_PREFIXES,
  [...GENERIC_APPROVALS_PREFIXES, ...GENERIC_APPROVALS_READ_ONLY_PREFIXES],
  WORK_REASSIGNMENT_PREFIXES,
];

/** `path` with its family prefix replaced by the canonical one: /work-items/v1/count → /v3/work-items/count. */
export function canonicalApiPath(path: string): string {
  for (const [canonical, ...others] of API_FAMILIES) {
    for (const prefix of others) {
      if (path === prefix || path.startsWith(`${prefix}/`)) return canonical + path.slice(prefix.length);
    }
  }
  return path;
}
