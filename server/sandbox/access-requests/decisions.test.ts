// The write side of the sandbox's access-request approvals over real HTTP, at both path families: approve,
// reject and forward with their comment and owner rules, 202 `{}`, what a decision or forward changes, and that a
// refused call (bad body, wrong owner, decided approval, unknown id, attack) changes no stored row.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompletedApproval, PendingApproval } from '../../../contract/access-requests.ts';
import { startTestServer, type TestServer } from '../../test/server.ts';
import { ADA, ALICE, BOB, CAROL } from '../identities.ts';
import { type Call, client, dumpDb, errorText, tokenFor } from '../../test/sandbox.ts';
import { accepted, errorResponse } from './spec-shapes.ts';
import { V1, V3, conforms, whole } from '../../test/access-requests.ts';

let server: TestServer;
let alice: Call;
let bob: Call;
let ada: Call;
let anonymous: Call;

beforeAll(async () => {
  // A tenth of the seed scale is extra pending approvals for alice: enough for every test to use its own.
  server = await startTestServer({ SANDBOX_SEED_SCALE: '300' });
  alice = client(server.url, await tokenFor(server.url, 'alice.approver'));
  bob = client(server.url, await tokenFor(server.url, 'bob.approver'));
  ada = client(server.url, await tokenFor(server.url, 'ada.admin'));
  anonymous = client(server.url);
});
afterAll(async () => {
  await server?.close();
});

const text = errorText;
const used = new Set<string>();

/** One of alice's pending approvals that no other test has used. */
async function take(predicate: (a: PendingApproval) => boolean = () => true): Promise<PendingApproval> {
  const found = (await whole<PendingApproval>(alice, `${V3}/pending`)).find((a) => !used.has(a.id) && predicate(a));
  if (!found) throw new Error('no seeded approval left for this test');
  used.add(found.id);
  return found;
}

async function pendingOf(call: Call, id: string) {
  return (await whole<PendingApproval>(call, `${V3}/pending`, `&filters=${encodeURIComponent(`id eq "${id}"`)}`))[0];
}
async function completedOf(call: Call, id: string) {
  return (
    await whole<CompletedApproval>(call, `${V3}/completed`, `&filters=${encodeURIComponent(`id eq "${id}"`)}`)
  )[0];
}

/** The call is refused with `status` and a message containing `what`, and not one stored row changes. */
async function refused(
  call: Call,
  path: string,
  body: unknown,
  status: number,
  what: string,
  headers: Record<string, string> = {},
) {
  const before = dumpDb(server.config.sandboxDb);
  const res = await call('POST', path, body, headers);
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  if (status === 401) expect(res.body).toEqual({ error: expect.stringContaining(what) });
  else {
    conforms(errorResponse, res.body);
    expect(text(res.body)).toContain(what);
  }
  expect(dumpDb(server.config.sandboxDb)).toBe(before);
}

describe.each([V3, V1])('decisions at %s', (prefix) => {
  it('approve with a comment → 202 {}: the approval is completed, APPROVED, with reviewer and comment', async () => {
    const a = await take();
    const before = (await alice<{ pending: number; approved: number }>('GET', `${prefix}/approval-summary`)).body;
    const res = await alice('POST', `${prefix}/${a.id}/approve`, { comment: '  Looks right for the close.  ' });
    expect(res.status).toBe(202);
    conforms(accepted, res.body);
    expect(res.body).toEqual({});
    expect(await pendingOf(alice, a.id)).toBeUndefined();
    const done = await completedOf(alice, a.id);
    expect(done).toMatchObject({
      id: a.id,
      state: 'APPROVED',
      owner: { id: ALICE.id },
      reviewedBy: { type: 'IDENTITY', id: ALICE.id, name: 'Alice Approver' },
      reviewerComment: { comment: 'Looks right for the close.', author: { id: ALICE.id } },
      requestedObject: a.requestedObject,
      created: a.created,
    });
    expect(Date.parse(done.modified!)).toBeGreaterThan(Date.parse(a.modified!));
    const after = (await alice<{ pending: number; approved: number }>('GET', `${prefix}/approval-summary`)).body;
    expect(after.pending).toBe(before.pending - 1);
    expect(after.approved).toBe(before.approved + 1);
  });

  it('approve without a body (or with an empty JSON body, as the SDK sends it, or null) → 202, no comment', async () => {
    for (const [body, headers] of [
      [undefined, {}],
      ['', { 'content-type': 'application/json' }],
      ['', { 'content-type': 'application/x-www-form-urlencoded' }],
      ['null', { 'content-type': 'application/json' }],
      [{}, {}],
      [{ comment: '   ' }, {}],
    ] as const) {
      const a = await take();
      const res = await alice('POST', `${prefix}/${a.id}/approve`, body, headers);
      expect(res.status, JSON.stringify([body, res.body])).toBe(202);
      expect((await completedOf(alice, a.id)).reviewerComment).toBeNull();
    }
  });

  it('reject needs a CommentDto body, and a comment when the approval says so', async () => {
    const strict = await take((a) => a.commentRequiredWhenRejected === true);
    const path = `${prefix}/${strict.id}/reject`;
    await refused(alice, path, undefined, 400, 'body must be object');
    await refused(alice, path, {}, 400, 'requires a comment when it is rejected');
    await refused(alice, path, { comment: null }, 400, 'requires a comment when it is rejected');
    await refused(alice, path, { comment: ' \n\t ' }, 400, 'requires a comment when it is rejected');
    await refused(alice, path, { comment: ['no'] }, 400, 'body.comment');
    await refused(alice, path, { comment: 'x'.repeat(4001) }, 400, 'body.comment');
    await refused(alice, path, '"just text"', 400, 'body must be object', { 'content-type': 'application/json' });
    const res = await alice('POST', path, { comment: 'Conflicts with SOD-FIN-001.' });
    expect(res.status).toBe(202);
    expect(res.body).toEqual({});
    expect(await completedOf(alice, strict.id)).toMatchObject({
      state: 'REJECTED',
      reviewedBy: { id: ALICE.id },
      reviewerComment: { comment: 'Conflicts with SOD-FIN-001.' },
    });

    const lenient = await take((a) => a.commentRequiredWhenRejected === false);
    expect((await alice('POST', `${prefix}/${lenient.id}/reject`, {})).status).toBe(202);
    expect(await completedOf(alice, lenient.id)).toMatchObject({ state: 'REJECTED', reviewerComment: null });
  });

  it('a decided approval cannot be decided or forwarded again; an unknown one is a 404', async () => {
    const a = await take();
    expect((await alice('POST', `${prefix}/${a.id}/approve`)).status).toBe(202);
    await refused(alice, `${prefix}/${a.id}/approve`, undefined, 400, 'is already approved');
    await refused(alice, `${prefix}/${a.id}/reject`, { comment: 'changed my mind' }, 400, 'is already approved');
    await refused(alice, `${prefix}/${a.id}/forward`, { newOwnerId: BOB.id, comment: 'x' }, 400, 'already approved');
    expect((await completedOf(alice, a.id)).state).toBe('APPROVED');
    for (const op of ['approve', 'reject', 'forward']) {
      const body = op === 'forward' ? { newOwnerId: BOB.id, comment: 'x' } : { comment: 'x' };
      await refused(alice, `${prefix}/${'0'.repeat(32)}/${op}`, body, 404, 'was not found');
    }
  });

  it("only the owner or an admin may act: bob is refused (403) on alice's approval; ada may act for her", async () => {
    const a = await take();
    for (const op of ['approve', 'reject', 'forward']) {
      const body = op === 'forward' ? { newOwnerId: CAROL.id, comment: 'mine now' } : { comment: 'x' };
      await refused(bob, `${prefix}/${a.id}/${op}`, body, 403, 'only its owner or an admin');
    }
    expect((await ada('POST', `${prefix}/${a.id}/approve`, { comment: 'Approved for Alice.' })).status).toBe(202);
    expect(await completedOf(alice, a.id)).toMatchObject({
      owner: { id: ALICE.id },
      reviewedBy: { id: ADA.id, name: 'Ada Admin' },
      reviewerComment: { comment: 'Approved for Alice.', author: { id: ADA.id } },
    });
  });

  it('forward moves the approval to the new owner and records the hand-over', async () => {
    const a = await take();
    const res = await alice('POST', `${prefix}/${a.id}/forward`, { newOwnerId: BOB.id, comment: 'Bob owns GitHub.' });
    expect(res.status).toBe(202);
    expect(res.body).toEqual({});
    expect(await pendingOf(alice, a.id)).toBeUndefined();
    const moved = await pendingOf(bob, a.id);
    expect(moved.owner).toEqual({ type: 'IDENTITY', id: BOB.id, name: 'Bob Approver' });
    expect(moved.forwardHistory).toEqual([
      ...(a.forwardHistory ?? []),
      {
        oldApproverName: 'Alice Approver',
        newApproverName: 'Bob Approver',
        comment: 'Bob owns GitHub.',
        modified: moved.modified,
        forwarderName: 'Alice Approver',
        reassignmentType: 'MANUAL_REASSIGNMENT',
      },
    ]);
    // Alice no longer owns it: she may not act on it; bob may, and an admin may forward it back.
    await refused(alice, `${prefix}/${a.id}/approve`, undefined, 403, 'only its owner or an admin');
    const back = await ada('POST', `${prefix}/${a.id}/forward`, { newOwnerId: ALICE.id, comment: 'Back to Alice.' });
    expect(back.status).toBe(202);
    const home = await pendingOf(alice, a.id);
    expect(home.forwardHistory!.at(-1)).toMatchObject({
      oldApproverName: 'Bob Approver',
      newApproverName: 'Alice Approver',
      forwarderName: 'Ada Admin',
    });
  });

  it('forward needs newOwnerId and a comment (1..255), an existing identity that is not the current owner', async () => {
    const a = await take();
    const path = `${prefix}/${a.id}/forward`;
    await refused(alice, path, undefined, 400, 'body must be object');
    await refused(alice, path, { comment: 'x' }, 400, "must have required property 'newOwnerId'");
    await refused(alice, path, { newOwnerId: BOB.id }, 400, "must have required property 'comment'");
    await refused(alice, path, { newOwnerId: BOB.id, comment: '' }, 400, 'body.comment');
    await refused(alice, path, { newOwnerId: BOB.id, comment: '   ' }, 400, 'a comment is required');
    await refused(alice, path, { newOwnerId: BOB.id, comment: 'x'.repeat(256) }, 400, 'body.comment');
    await refused(alice, path, { newOwnerId: '', comment: 'x' }, 400, 'body.newOwnerId');
    await refused(alice, path, { newOwnerId: 'f'.repeat(32), comment: 'x' }, 400, 'newOwnerId: no identity');
    await refused(alice, path, { newOwnerId: 'bob.approver', comment: 'x' }, 400, 'newOwnerId: no identity');
    await refused(alice, path, { newOwnerId: ALICE.id, comment: 'x' }, 400, 'already owns');
    await refused(alice, path, { newOwnerId: { id: BOB.id }, comment: 'x' }, 400, 'body.newOwnerId');
    expect((await pendingOf(alice, a.id)).forwardHistory).toEqual(a.forwardHistory);
  });
});

describe('what every call gets', () => {
  it('401 {error} without, with a malformed or with a forged token, before the body is even read', async () => {
    const a = await take();
    const forged = client(server.url, 'eyJhbGciOiJIUzI1NiJ9.eyJpZGVudGl0eV9pZCI6IngifQ.c2lnbmF0dXJl');
    for (const call of [anonymous, forged]) {
      await refused(call, `${V3}/${a.id}/approve`, '{not json', 401, 'JWT', { 'content-type': 'application/json' });
      await refused(call, `${V1}/${a.id}/forward`, { newOwnerId: BOB.id, comment: 'x' }, 401, 'JWT');
      const list = await call('GET', `${V3}/pending?limit=9999`);
      expect(list.status).toBe(401);
      expect(list.body).toEqual({ error: expect.any(String) });
    }
  });

  it('no-store on every answer, success or error', async () => {
    for (const res of [
      await alice('GET', `${V3}/pending?limit=1`),
      await alice('GET', `${V1}/approval-summary`),
      await alice('GET', `${V3}/pending?limit=999`),
      await anonymous('GET', `${V1}/completed`),
      await alice('POST', `${V3}/${'0'.repeat(32)}/approve`),
    ]) {
      expect(res.headers.get('cache-control')).toBe('no-store');
    }
  });
});

describe('attacks', () => {
  it('odd paths, ids and bodies: a clear 4xx, never a 5xx, nothing changed', async () => {
    const a = await take();
    const before = dumpDb(server.config.sandboxDb);
    for (const path of [
      `${V3}/${a.id}%2Fapprove`,
      `${V3}/..%2F${a.id}/approve`,
      `${V3}/%2e%2e/${a.id}/approve`,
      `${V3}/${'a'.repeat(129)}/approve`,
      `${V3}/${a.id}/approve/extra`,
      `${V3}/${a.id}/APPROVE`,
      `${V3}/${a.id}`,
      `${V3}//approve`,
      `/v3/access-request-approvals/v1/${a.id}/approve`,
      `/access-request-approvals/v3/${a.id}/approve`,
    ]) {
      const res = await alice('POST', path, { comment: 'x' });
      expect(res.status, path).toBeGreaterThanOrEqual(400);
      expect(res.status, path).toBeLessThan(500);
      conforms(errorResponse, res.body);
    }
    for (const [body, headers] of [
      ['{"comment": "x"', { 'content-type': 'application/json' }],
      ['comment=x', { 'content-type': 'application/x-www-form-urlencoded' }],
      ['<comment>x</comment>', { 'content-type': 'application/xml' }],
      ['{"__proto__": {"admin": true}, "comment": "x"}', { 'content-type': 'application/json' }],
      ['{"constructor": {"prototype": {"admin": true}}}', { 'content-type': 'application/json' }],
      [JSON.stringify({ comment: 'x'.repeat(1_100_000) }), { 'content-type': 'application/json' }],
    ] as const) {
      const res = await bob('POST', `${V3}/${a.id}/reject`, body, headers);
      expect(res.status, body.slice(0, 40)).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      conforms(errorResponse, res.body);
    }
    expect(dumpDb(server.config.sandboxDb)).toBe(before);
    // The poisoned body gave bob no admin rights, and alice can still decide her approval.
    expect((await alice('POST', `${V3}/${a.id}/approve`)).status).toBe(202);
  });

  it("someone else's queue through odd owner-id spellings stays closed", async () => {
    for (const other of [
      `${BOB.id}&owner-id=me`,
      `me&owner-id=${BOB.id}`,
      encodeURIComponent(` ${BOB.id}`),
      BOB.id.toUpperCase(),
      '%00',
      '*',
    ]) {
      const res = await alice('GET', `${V3}/pending?owner-id=${other}`);
      expect([400, 403], other).toContain(res.status);
      conforms(errorResponse, res.body);
    }
  });

  it('a doubled Authorization header is refused, whoever the second token names', async () => {
    const token = await tokenFor(server.url, 'ada.admin');
    const res = await fetch(`${server.url}${V3}/pending?owner-id=${BOB.id}`, {
      headers: [
        ['authorization', `Bearer ${await tokenFor(server.url, 'alice.approver')}`],
        ['authorization', `Bearer ${token}`],
      ],
    });
    expect(res.status).toBe(401);
  });
});
