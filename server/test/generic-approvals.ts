// Helpers for the Approvals service's tests: whole lists read page by page with every answer checked against the
// spec, one approval read back, and the sandbox clock moved.
import { expect } from 'vitest';
import type { TSchema } from 'typebox';
import type { Approval } from '../../contract/generic-approvals.ts';
import type { Call } from './sandbox.ts';
import { approval, violations } from '../sandbox/generic-approvals/spec-shapes.ts';

export const V2025 = '/v2025/generic-approvals';
export const V1 = '/generic-approvals/v1';
export const BETA = '/beta/generic-approvals';
export const V2024 = '/v2024/generic-approvals';

export const PENDING = `filters=${encodeURIComponent('status eq "PENDING"')}`;

/** Fails with the spec violations of every element (or of the value itself when it is not an array). */
export function conforms(schema: TSchema, value: unknown): void {
  const list = Array.isArray(value) ? value : [value];
  const problems = list.flatMap((v, i) => violations(schema, v).map((p) => `[${i}] ${p}`));
  expect(problems).toEqual([]);
}

/** Every approval a list query answers, in pages of `limit`, each page checked against the spec. */
export async function whole(call: Call, query = '', limit = 250, prefix = V2025): Promise<Approval[]> {
  const out: Approval[] = [];
  for (let offset = 0; ; offset += limit) {
    const page = await call<Approval[]>('GET', `${prefix}?limit=${limit}&offset=${offset}${query ? `&${query}` : ''}`);
    expect(page.status, JSON.stringify(page.body).slice(0, 300)).toBe(200);
    conforms(approval, page.body);
    out.push(...page.body);
    if (page.body.length < limit) return out;
  }
}

/** The caller's pending approvals (what waits on them now). */
export const pendingOf = (call: Call) => whole(call, `mine=true&${PENDING}`);

/** One approval as GET answers it (spec-checked), or the refusal's status. */
export async function approvalOf(call: Call, id: string): Promise<Approval> {
  const res = await call<Approval>('GET', `${V2025}/${id}`);
  expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(200);
  conforms(approval, res.body);
  return res.body;
}

/** The filter query parameter for `text`. */
export const filters = (text: string) => `filters=${encodeURIComponent(text)}`;

/** Moves the sandbox clock (as the admin): `{advanceMs}` or `{offsetMs}`. */
export async function moveClock(admin: Call, body: { advanceMs: number } | { offsetMs: number }) {
  const res = await admin<{ now: string; offsetMs: number }>('PUT', '/sandbox/clock', body);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

export const DAY = 86_400_000;

/**
 * A picker of approvals no other test in the file has used yet: `take(list, predicate)` returns the first unused
 * one that matches and marks it used.
 */
export function picker() {
  const used = new Set<string>();
  return (list: Approval[], predicate: (a: Approval) => boolean = () => true): Approval => {
    const found = list.find((a) => !used.has(a.id) && predicate(a));
    if (!found) throw new Error('no seeded approval left for this test');
    used.add(found.id);
    return found;
  };
}

/** The approval is an access-request approval of the sandbox's seed or submissions. */
export const isAccessRequest = (a: Approval) => a.type === 'ACCESS_REQUEST_APPROVAL';
