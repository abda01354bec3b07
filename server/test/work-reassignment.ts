// Helpers for work reassignment's tests: every answer checked against shapes written by hand from the official spec
// subset (server/sandbox/work-reassignment/spec-shapes.ts; the spec file itself is never copied into the project nor
// read by the tests), calls that carry the experimental header, and requests for access that Alice approves.
import { expect } from 'vitest';
import { EXPERIMENTAL_HEADER, type ReassignmentConfigRequest } from '../../contract/work-reassignment.ts';
import type { AccessRequestResponse } from '../../contract/access-request-submissions.ts';
import { specAnswer } from '../sandbox/work-reassignment/spec-shapes.ts';
import type { Call } from './sandbox.ts';

/** Fails with every way `body` departs from what the spec says `method specPath` answers with `status`. */
export function conformsToSpec(method: string, specPath: string, status: number, body: unknown): void {
  const validator = specAnswer(method, specPath, status);
  const problems = validator.Check(body)
    ? []
    : [...validator.Errors(body)].map((e) => `${e.instancePath || '/'}: ${e.message}`);
  expect(problems, `${method} ${specPath} → ${status}: ${JSON.stringify(body).slice(0, 400)}`).toEqual([]);
}

export const V2025 = '/v2025/reassignment-configurations';
export const V2024 = '/v2024/reassignment-configurations';
export const BETA = '/beta/reassignment-configurations';
export const EXPERIMENTAL = { [EXPERIMENTAL_HEADER]: 'true' };

/** A call that sends the experimental header with every request. */
export const experimental =
  (call: Call): Call =>
  (method, url, body, headers = {}) =>
    call(method, url, body, { ...EXPERIMENTAL, ...headers });

/** A date `days` from the clock's now (negative: before). */
export const daysFrom = (now: number, days: number) => new Date(now + days * 86_400_000).toISOString();

/** A delegation request: `fromId` → `toId` for `configType`, from a day ago, until `endDate` (null: permanent). */
export function delegation(
  fromId: string,
  toId: string,
  configType: NonNullable<ReassignmentConfigRequest['configType']>,
  now: number,
  endDate: string | null = daysFrom(now, 7),
): ReassignmentConfigRequest {
  return { reassignedFromId: fromId, reassignedToId: toId, configType, startDate: daysFrom(now, -1), endDate };
}

/**
 * Submits a request for `item` (a ROLE or ENTITLEMENT of the catalogue) for the first of `candidates` it is new for
 * (an identity that already waits for it is reported as an existing request and starts nothing): the access-request
 * id it started.
 */
export async function requestAccess(
  requester: Call,
  candidates: string[],
  item: { id: string; type: string },
  comment = 'work reassignment test',
): Promise<string> {
  for (const requesteeId of candidates) {
    const res = await requester<AccessRequestResponse>('POST', '/v3/access-requests', {
      requestedFor: [requesteeId],
      requestedItems: [{ type: item.type, id: item.id, comment }],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    const id = res.body.newRequests?.[0]?.accessRequestIds?.[0];
    if (id) return id;
  }
  throw new Error(`every candidate already waits for ${item.id}`);
}
