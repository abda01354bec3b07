// Helpers for the access-request approvals tests: whole queues read page by page, and the spec checks applied.
import { expect } from 'vitest';
import type { TSchema } from 'typebox';
import type { CompletedApproval, PendingApproval } from '../../contract/access-requests.ts';
import type { Call } from './sandbox.ts';
import { completedApproval, pendingApproval, violations } from '../sandbox/access-requests/spec-shapes.ts';

export const V3 = '/v3/access-request-approvals';
export const V1 = '/access-request-approvals/v1';

/** Every approval of a queue, in pages of `limit`, each page checked against the spec. */
export async function whole<T extends PendingApproval | CompletedApproval>(
  call: Call,
  path: string,
  query = '',
  limit = 250,
): Promise<T[]> {
  const out: T[] = [];
  const shape = path.endsWith('/pending') ? pendingApproval : completedApproval;
  for (let offset = 0; ; offset += limit) {
    const page = await call<T[]>('GET', `${path}?limit=${limit}&offset=${offset}${query}`);
    expect(page.status, JSON.stringify(page.body)).toBe(200);
    conforms(shape, page.body);
    out.push(...page.body);
    if (page.body.length < limit) return out;
  }
}

/** Fails with the spec violations of every element (or of the value itself when it is not an array). */
export function conforms(schema: TSchema, value: unknown): void {
  const list = Array.isArray(value) ? value : [value];
  const problems = list.flatMap((v, i) => violations(schema, v).map((p) => `[${i}] ${p}`));
  expect(problems).toEqual([]);
}
