// What an attacker would try on the Approvals service and the submit endpoint, over real sockets where fetch would
// tidy the request up: encoded and dot-segment paths, other people's approvals through every operation, doubled
// headers and parameters, huge, deep and prototype-polluting bodies, a cookie replayed after sign-out. Every
// attempt is a 4xx with the spec's body, and not one stored row changes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Approval } from '../../../contract/generic-approvals.ts';
import { startTestServer, type TestServer } from '../../test/server.ts';
import { XHR, hostOf, rawRequest } from '../../test/http.ts';
import { ALICE, BOB, CAROL } from '../identities.ts';
import { client, dumpDb, sessionCookie, tokenFor, type Call } from '../../test/sandbox.ts';
import { errorResponse } from './spec-shapes.ts';
import { V2025, conforms, pendingOf } from '../../test/generic-approvals.ts';

let server: TestServer;
let tokens: Record<'alice' | 'bob', string>;
let alice: Call;
let bob: Call;
let target: Approval;

beforeAll(async () => {
  server = await startTestServer();
  tokens = { alice: await tokenFor(server.url, 'alice.approver'), bob: await tokenFor(server.url, 'bob.approver') };
  alice = client(server.url, tokens.alice);
  bob = client(server.url, tokens.bob);
  // one of alice's that bob has nothing to do with
  target = (await pendingOf(alice)).find(
    (a) => a.requester?.identityID !== BOB.id && a.type === 'ACCESS_REQUEST_APPROVAL',
  )!;
});
afterAll(async () => {
  await server?.close();
});

/** Runs `attempt` and checks that every table reads back exactly as before it. */
async function unchanged<T>(attempt: () => Promise<T>): Promise<T> {
  const before = dumpDb(server.config.sandboxDb);
  const result = await attempt();
  expect(dumpDb(server.config.sandboxDb)).toBe(before);
  return result;
}

function raw(method: string, path: string, headers: string[] = [], body = '') {
  const head = [`${method} ${path} HTTP/1.1`, `Host: ${hostOf(server.url)}`, ...headers];
  if (body) head.push(`Content-Length: ${Buffer.byteLength(body)}`);
  return rawRequest(server.url, head.join('\r\n'), body);
}

describe('paths', () => {
  it.each([
    [`/v2025/generic-approvals/%2e%2e/%2e%2e/v3/work-items`, 404],
    [`/v2025/generic-approvals/..%2Fconfig%2FACCESS_REQUEST_APPROVAL`, 404],
    [`/v2025/generic-approvals/%00`, 404],
    [`/v2025/generic-approvals/%ZZ`, 400],
    [`/v2025/generic-approvals/${'a'.repeat(600)}`, 400],
    [`/v2025/generic-approvals/config/..%2F..%2Fx/ROLE`, 404],
  ])('GET %s → %i with an ErrorResponseDto, nothing changes', async (path, status) => {
    const res = await unchanged(() => raw('GET', path, [`Authorization: Bearer ${tokens.alice}`]));
    expect(res.status).toBe(status);
    conforms(errorResponse, JSON.parse(res.body));
  });

  it('an id spelt with percent-encoding is the same id: bob still may not act on it', async () => {
    const encoded = [...target.id].map((c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`).join('');
    for (const [method, suffix] of [
      ['GET', ''],
      ['POST', '/approve'],
    ] as const) {
      const res = await unchanged(() =>
        raw(
          method,
          `${V2025}/${encoded}${suffix}`,
          [`Authorization: Bearer ${tokens.bob}`, 'Content-Type: application/json'],
          method === 'POST' ? '{}' : '',
        ),
      );
      expect(res.status, res.body).toBe(403);
    }
    const own = await raw('GET', `${V2025}/${encoded}`, [`Authorization: Bearer ${tokens.alice}`]);
    expect(JSON.parse(own.body).id).toBe(target.id);
  });

  it('a config id with an encoded slash, NUL or space is a 400', async () => {
    const ada = client(server.url, await tokenFor(server.url, 'ada.admin'));
    for (const id of ['..%2F..%2Fx', 'a%2Fb', 'x%00y', 'x%20y']) {
      const res = await unchanged(() => ada('PUT', `${V2025}/config/${id}/ROLE`, { requiresComment: 'ALL' }));
      expect(res.status, id).toBe(400);
      conforms(errorResponse, res.body);
    }
  });
});

describe("someone else's approval, through every operation", () => {
  it.each([
    ['GET', '', undefined],
    ['POST', '/approve', { comment: 'mine now' }],
    ['POST', '/reject', { comment: 'no' }],
    ['POST', '/reassign', { reassignTo: CAROL.id }],
    ['POST', '/reassign', { reassignFrom: ALICE.id, reassignTo: BOB.id }],
    ['POST', '/comments', { comment: 'hello' }],
    ['POST', '/attributes', { additionalAttributes: { approved: 'true' } }],
  ])('bob: %s %s → 403, nothing changes', async (method, suffix, body) => {
    const res = await unchanged(() => bob(method, `${V2025}/${target.id}${suffix}`, body));
    expect(res.status, JSON.stringify(res.body)).toBe(403);
    conforms(errorResponse, res.body);
  });

  it('bob cannot list alice’s desk, nor see it by filtering the org', async () => {
    expect((await bob('GET', `${V2025}?approverId=${ALICE.id}`)).status).toBe(403);
    const sneaky = await bob<Approval[]>(
      'GET',
      `${V2025}?filters=${encodeURIComponent(`approvalId eq "${target.id}"`)}`,
    );
    expect(sneaky.body).toEqual([]);
  });
});

describe('doubled headers and parameters', () => {
  it('two Authorization headers: the first counts (bob), never an upgrade to the second (alice)', async () => {
    const res = await unchanged(() =>
      raw(
        'POST',
        `${V2025}/${target.id}/approve`,
        [
          `Authorization: Bearer ${tokens.bob}`,
          `Authorization: Bearer ${tokens.alice}`,
          'Content-Type: application/json',
        ],
        '{}',
      ),
    );
    expect(res.status).toBe(403);
  });

  it('two different Content-Lengths are refused before anything runs', async () => {
    const res = await unchanged(() =>
      rawRequest(
        server.url,
        [
          `POST ${V2025}/${target.id}/approve HTTP/1.1`,
          `Host: ${hostOf(server.url)}`,
          `Authorization: Bearer ${tokens.alice}`,
          'Content-Type: application/json',
          'Content-Length: 2',
          'Content-Length: 40',
        ].join('\r\n'),
        '{}',
      ),
    );
    expect(res.status).toBe(400);
  });

  it.each(['mine=true&mine=false', 'count=true&count=false', 'filters=a&filters=b', 'approverId=x&approverId=y'])(
    '%s → 400',
    async (query) => {
      expect((await alice('GET', `${V2025}?${query}`)).status).toBe(400);
    },
  );
});

describe('bodies', () => {
  it.each([
    ['over 1 MB', `{"comment":"${'x'.repeat(1_100_000)}"}`, 413],
    ['5,000 levels deep', `{"comment":${'['.repeat(5000)}${']'.repeat(5000)}}`, 400],
    ['a prototype key', '{"__proto__":{"admin":true},"comment":"x"}', 400],
    ['a constructor prototype', '{"constructor":{"prototype":{"admin":true}}}', 400],
    ['not JSON', '{"comment":', 400],
    ['a comment of 500,000 characters', `{"comment":"${'x'.repeat(500_000)}"}`, 400],
  ])('%s: refused with the status its kind is due, nothing changes', async (_label, body, status) => {
    for (const path of [`${V2025}/${target.id}/approve`, '/v3/access-requests']) {
      const res = await unchanged(() =>
        raw('POST', path, [`Authorization: Bearer ${tokens.alice}`, 'Content-Type: application/json'], body),
      );
      expect(res.status, `${path}: ${res.body.slice(0, 200)}`).toBe(status);
      conforms(errorResponse, JSON.parse(res.body));
    }
  });
});

describe('a cookie replayed after sign-out', () => {
  it('reads and decisions with it are 401, and nothing changes', async () => {
    const cookie = await sessionCookie(server.url, { identity: 'alice.approver' });
    const withCookie = (method: string, path: string) =>
      fetch(`${server.url}${path}`, {
        method,
        headers: { cookie, ...XHR, ...(method === 'POST' ? { 'content-type': 'application/json' } : {}) },
        body: method === 'POST' ? '{}' : undefined,
      });
    expect((await withCookie('GET', `${V2025}/${target.id}`)).status).toBe(200);
    expect((await withCookie('DELETE', '/auth/session')).status).toBe(204);
    for (const [method, path] of [
      ['GET', V2025],
      ['POST', `${V2025}/${target.id}/approve`],
      ['POST', '/v3/access-requests'],
      ['GET', '/sandbox/clock'],
    ] as const) {
      const res = await unchanged(() => withCookie(method, path));
      expect(res.status, path).toBe(401);
    }
  });
});
