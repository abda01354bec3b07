// Work reassignment attacked over real HTTP: the experimental header on every operation at v2025 and v2024 (missing,
// wrong, doubled as one value or as two lines: a 400 after the caller is known, before anything is read or
// changed), percent-encoded and traversing paths, bodies that are huge, nested, of the wrong type or poisoned, and a
// session cookie replayed after sign-out. Every refusal leaves every stored row as it was.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPERIMENTAL_HEADER, EXPERIMENTAL_PREFIXES } from '../../../contract/work-reassignment.ts';
import type { ReassignmentConfiguration } from '../../../contract/work-reassignment.ts';
import { proxyRoutes } from '../../plugins/tenant-proxy.ts';
import { XHR, hostOf, rawRequest } from '../../test/http.ts';
import { client, dumpDb, errorText, sessionCookie, tokenFor, type Call } from '../../test/sandbox.ts';
import { startTestServer, type TestServer } from '../../test/server.ts';
import { BETA, V2025, delegation, experimental } from '../../test/work-reassignment.ts';
import { ALICE, BOB, CAROL } from '../identities.ts';

let server: TestServer;
let aliceToken: string;
let alice: Call;
let bob: Call;
let ada: Call;
let now: number;
const db = () => dumpDb(server.config.sandboxDb);

beforeAll(async () => {
  server = await startTestServer();
  aliceToken = await tokenFor(server.url, 'alice.approver');
  alice = experimental(client(server.url, aliceToken));
  bob = experimental(client(server.url, await tokenFor(server.url, 'bob.approver')));
  ada = experimental(client(server.url, await tokenFor(server.url, 'ada.admin')));
  now = Date.parse((await ada<{ now: string }>('GET', '/sandbox/clock')).body.now);
  // something to change, read and delete in every cell
  expect((await alice('POST', V2025, delegation(ALICE.id, BOB.id, 'MANUAL_TASKS', now))).status).toBe(201);
});
afterAll(async () => {
  await server?.close();
});

/** Every operation of the experimental families, with a body that would succeed (the proxy's operation table). */
const OPERATIONS = proxyRoutes()
  .filter((route) => (EXPERIMENTAL_PREFIXES as readonly string[]).includes(route.prefix))
  .map((route) => ({
    method: route.method,
    path: route.url
      .replace(':identityId', ALICE.id)
      .replace(':configType', 'MANUAL_TASKS')
      .replace(/\/tenant-config$/, '/tenant-config'),
    body:
      route.method === 'POST'
        ? () => delegation(ALICE.id, CAROL.id, 'ACCESS_REQUESTS', now)
        : route.method === 'PUT' && route.url.endsWith('tenant-config')
          ? () => ({ configDetails: { disabled: true } })
          : route.method === 'PUT'
            ? () => delegation(ALICE.id, CAROL.id, 'MANUAL_TASKS', now)
            : () => undefined,
  }));

describe('the experimental header at v2025 and v2024', () => {
  it('covers all nine operations of both families', () => {
    expect(OPERATIONS).toHaveLength(18);
  });

  it.each(OPERATIONS)('$method $path: missing, wrong or doubled → 400 naming it, nothing changed', async (op) => {
    const raw = client(server.url, aliceToken);
    const before = db();
    for (const [headers, reason] of [
      [{}, /it is missing/],
      [{ [EXPERIMENTAL_HEADER]: 'false' }, /"false" is not "true"/],
      [{ [EXPERIMENTAL_HEADER]: 'true, true' }, /sent more than once/],
      [{ [EXPERIMENTAL_HEADER]: '' }, /"" is not "true"/],
    ] as const) {
      const res = await raw(op.method, op.path, op.body(), headers);
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(res.body).toMatchObject({ detailCode: '400.1 Bad Request Content' });
      expect(errorText(res.body)).toMatch(/Experimental Header is missing or invalid/);
      expect(errorText(res.body)).toMatch(reason);
    }
    expect(db()).toBe(before);
  });

  it('two header lines are refused as well; the caller comes first (no token: 401 whatever the header)', async () => {
    const before = db();
    const answer = await rawRequest(
      server.url,
      `GET ${V2025}/${ALICE.id} HTTP/1.1\r\nHost: ${hostOf(server.url)}\r\nAuthorization: Bearer ${aliceToken}\r\n` +
        `${EXPERIMENTAL_HEADER}: true\r\n${EXPERIMENTAL_HEADER}: true`,
    );
    expect(answer.status).toBe(400);
    expect(answer.body).toMatch(/sent more than once/);
    const anonymous = await client(server.url)('DELETE', `${V2025}/${ALICE.id}/MANUAL_TASKS`);
    expect(anonymous.status).toBe(401);
    expect(db()).toBe(before);
  });

  it('its value is not case-sensitive; /beta takes no such header (its SDK sends none)', async () => {
    const raw = client(server.url, aliceToken);
    expect((await raw('GET', `${V2025}/${ALICE.id}`, undefined, { [EXPERIMENTAL_HEADER]: 'TRUE' })).status).toBe(200);
    expect((await raw('GET', `${BETA}/${ALICE.id}`)).status).toBe(200);
  });
});

describe('paths', () => {
  const encode = (text: string) => [...text].map((c) => `%${c.charCodeAt(0).toString(16)}`).join('');

  it('a percent-encoded path is the same operation with the same checks', async () => {
    const plain = await alice<ReassignmentConfiguration>('GET', `${V2025}/${ALICE.id}`);
    const encoded = await alice<ReassignmentConfiguration>(
      'GET',
      `/${encode('v2025')}/reassignment-configurations/${encode(ALICE.id)}`,
    );
    expect(encoded.status).toBe(200);
    expect(encoded.body).toEqual(plain.body);
    const before = db();
    // bob, through an encoded path to alice's: the same 403 as the plain one
    const sneaky = await bob('DELETE', `${V2025}/${encode(ALICE.id)}/MANUAL_TASKS`);
    expect(sneaky.status).toBe(403);
    expect(db()).toBe(before);
  });

  it.each([
    [`${V2025}/..%2F..%2Fv3%2Fwork-items`, 404],
    [`${V2025}/%2e%2e`, 404],
    [`${V2025}/${'a'.repeat(129)}`, 400],
    [`${V2025}/${ALICE.id}/evaluate/..%2FACCESS_REQUESTS`, 400],
    [`${V2025}/${ALICE.id}/evaluate/access_requests`, 400],
  ])('GET %s as the admin → %d ErrorResponseDto, never another resource', async (path, status) => {
    const res = await ada('GET', path);
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    expect(res.body).toMatchObject({ trackingId: expect.stringMatching(/^[0-9a-f]{32}$/) });
  });
});

describe('bodies', () => {
  const valid = () => delegation(ALICE.id, CAROL.id, 'ACCESS_REQUESTS', now);

  it.each([
    ['over 1 MB', () => JSON.stringify({ ...valid(), padding: 'x'.repeat(1_100_000) }), 413, /./],
    [
      'nested past 32 levels',
      () => `{"reassignedToId": ${'['.repeat(40)}${']'.repeat(40)}}`,
      400,
      /nests deeper than 32/,
    ],
    [
      'an identity id of 129 characters',
      () => JSON.stringify({ ...valid(), reassignedToId: 'a'.repeat(129) }),
      400,
      /reassignedToId/,
    ],
    ['an array', () => '[]', 400, /body must be object/],
    [
      'a number for the delegate',
      () => JSON.stringify({ ...valid(), reassignedToId: 42 }),
      400,
      /no identity 42 exists/,
    ],
    ['not JSON', () => '{"reassignedToId": ', 400, /./],
  ])('%s → %d, nothing changed', async (_name, body, status, text) => {
    const before = db();
    const res = await alice('POST', V2025, body(), { 'content-type': 'application/json' });
    expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(status);
    expect(errorText(res.body)).toMatch(text);
    expect(db()).toBe(before);
  });

  it('a poisoned prototype grants nothing: bob with {"__proto__": {"admin": true}} for alice → 403', async () => {
    const before = db();
    const body = `{"__proto__": {"admin": true}, "constructor": {"prototype": {"admin": true}}, "reassignedFromId": "${ALICE.id}", "reassignedToId": "${CAROL.id}", "configType": "ACCESS_REQUESTS", "startDate": "${valid().startDate}"}`;
    const res = await bob('POST', V2025, body, { 'content-type': 'application/json' });
    expect([400, 403]).toContain(res.status);
    expect(db()).toBe(before);
  });
});

describe('a replayed session cookie', () => {
  it('after sign-out, the same cookie creates, changes and deletes nothing: 401', async () => {
    const cookie = await sessionCookie(server.url, { identity: 'alice.approver' });
    const viaCookie: Call = (method, url, body, headers = {}) =>
      client(server.url)(method, url, body, { cookie, ...XHR, [EXPERIMENTAL_HEADER]: 'true', ...headers });
    expect((await viaCookie('GET', `${V2025}/${ALICE.id}`)).status).toBe(200);
    expect((await viaCookie('DELETE', '/auth/session')).status).toBe(204);
    const before = db();
    for (const [method, url, body] of [
      ['POST', V2025, delegation(ALICE.id, CAROL.id, 'GENERIC_APPROVALS', now)],
      ['PUT', `${V2025}/${ALICE.id}`, delegation(ALICE.id, CAROL.id, 'MANUAL_TASKS', now)],
      ['DELETE', `${V2025}/${ALICE.id}/MANUAL_TASKS`],
    ] as const) {
      const res = await viaCookie(method, url, body);
      expect(res.status, `${method} ${url}`).toBe(401);
    }
    expect(db()).toBe(before);
  });
});
