// Reassigning, commenting on and editing the attributes of approvals over real HTTP: who may, what each changes
// (the new approver's desk, the history with its comment, the thread, the attributes), and that every refusal is a
// clear 4xx that leaves every stored row as it was.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Approval } from '../../../contract/generic-approvals.ts';
import { startTestServer, type TestServer } from '../../test/server.ts';
import { ADA, ALICE, BOB, CAROL, identity } from '../identities.ts';
import { client, dumpDb, errorText, tokenFor, type Call } from '../../test/sandbox.ts';
import { approval, errorResponse } from './spec-shapes.ts';
import {
  PENDING,
  V2025,
  approvalOf,
  conforms,
  isAccessRequest,
  pendingOf,
  picker,
  whole,
} from '../../test/generic-approvals.ts';

let server: TestServer;
let alice: Call;
let bob: Call;
let carol: Call;
let ada: Call;
let desk: Approval[];
const take = picker();

beforeAll(async () => {
  server = await startTestServer({ SANDBOX_SEED_SCALE: '200' });
  alice = client(server.url, await tokenFor(server.url, 'alice.approver'));
  bob = client(server.url, await tokenFor(server.url, 'bob.approver'));
  carol = client(server.url, await tokenFor(server.url, 'carol.approver'));
  ada = client(server.url, await tokenFor(server.url, 'ada.admin'));
  desk = await whole(alice, `mine=true&${PENDING}&include-approvers=true`);
});
afterAll(async () => {
  await server?.close();
});

const alone = (a: Approval) => isAccessRequest(a) && a.approvers!.length === 1;

async function refused(call: Call, path: string, body: unknown, status: number, what: string) {
  const before = dumpDb(server.config.sandboxDb);
  const res = await call('POST', path, body);
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  conforms(errorResponse, res.body);
  expect(errorText(res.body)).toContain(what);
  expect(dumpDb(server.config.sandboxDb)).toBe(before);
}

describe('reassign', () => {
  it('alice → carol with a comment: 204; it leaves her desk for carol’s, with the history and its comment', async () => {
    const a = take(desk, alone);
    const res = await alice('POST', `${V2025}/${a.id}/reassign`, {
      reassignTo: CAROL.id,
      comment: 'Carol covers Sales.',
    });
    expect(res.status).toBe(204);
    expect((await pendingOf(alice)).map((p) => p.id)).not.toContain(a.id);
    expect((await pendingOf(carol)).map((p) => p.id)).toContain(a.id);
    const after = await approvalOf(carol, a.id);
    const [record] = after.reassignmentHistory!;
    expect(record).toMatchObject({
      reassignedFrom: { identityID: ALICE.id },
      reassignedTo: { identityID: CAROL.id },
      reassigner: { identityID: ALICE.id },
      reassignmentType: 'MANUAL_REASSIGNMENT',
    });
    expect(after.comments!.find((c) => c.commentId === record!.commentID)!.comment).toBe('Carol covers Sales.');
    expect(after.assignedTo!.map((p) => p.identityID)).toEqual([CAROL.id]);
    // the one it was reassigned away from no longer sees it
    expect((await alice('GET', `${V2025}/${a.id}`)).status).toBe(403);
  });

  it('refused: to its requestee, to nobody, to an inactive or unknown identity, to an approver it has', async () => {
    const a = take(desk, (d) => alone(d) && !!d.requestee);
    const path = `${V2025}/${a.id}/reassign`;
    await refused(alice, path, { reassignTo: a.requestee!.identityID }, 400, 'cannot approve it');
    await refused(alice, path, {}, 400, 'reassignTo');
    await refused(alice, path, undefined, 400, 'body must be object');
    await refused(alice, path, { reassignTo: identity('elena.petrova').id }, 400, 'is not active');
    await refused(alice, path, { reassignTo: 'f'.repeat(32) }, 400, 'no identity');
    await refused(alice, path, { reassignTo: ALICE.id }, 400, 'already an approver');
    await refused(alice, path, { reassignTo: BOB.id, reassignFrom: CAROL.id }, 403, 'only an admin');
    await refused(bob, path, { reassignTo: CAROL.id }, 403, 'is not yours');
  });

  it('an admin moves anyone’s work (reassignFrom) or adds an approver (no reassignFrom)', async () => {
    const a = take(desk, alone);
    expect(
      (await ada('POST', `${V2025}/${a.id}/reassign`, { reassignFrom: ALICE.id, reassignTo: BOB.id })).status,
    ).toBe(204);
    expect((await pendingOf(bob)).map((p) => p.id)).toContain(a.id);
    const b = take(desk, alone);
    expect((await ada('POST', `${V2025}/${b.id}/reassign`, { reassignTo: CAROL.id })).status).toBe(204);
    const added = await approvalOf(ada, b.id);
    expect(added.assignedTo!.map((p) => p.identityID).sort()).toEqual([ALICE.id, CAROL.id].sort());
    expect(added.reassignmentHistory![0]).not.toHaveProperty('reassignedFrom');
    await refused(
      ada,
      `${V2025}/${b.id}/reassign`,
      { reassignFrom: ADA.id, reassignTo: BOB.id },
      400,
      'not waiting on',
    );
  });
});

describe('comments', () => {
  it('an approver, its requester and an admin add to the thread (200 and the approval); others may not', async () => {
    const a = take(desk, (d) => d.requester?.identityID === BOB.id);
    for (const [who, text] of [
      [alice, 'Which account is this for?'],
      [bob, 'The payments batch one.'],
      [ada, 'Noted by IT Security.'],
    ] as const) {
      const res = await who<Approval>('POST', `${V2025}/${a.id}/comments`, { comment: text });
      expect(res.status).toBe(200);
      conforms(approval, res.body);
      expect(res.body.comments!.at(-1)!.comment).toBe(text);
    }
    const thread = (await approvalOf(alice, a.id)).comments!.map((c) => [c.author!.identityID, c.comment]);
    expect(thread.slice(-3)).toEqual([
      [ALICE.id, 'Which account is this for?'],
      [BOB.id, 'The payments batch one.'],
      [ADA.id, 'Noted by IT Security.'],
    ]);
    await refused(carol, `${V2025}/${a.id}/comments`, { comment: 'me too' }, 403, 'is not yours');
  });

  it('a comment must say something: blank or invisible characters, missing, too long or not text → 400', async () => {
    const a = take(desk, alone);
    const path = `${V2025}/${a.id}/comments`;
    await refused(alice, path, { comment: '\u200b\u200e \u3000' }, 400, 'must say something');
    await refused(alice, path, {}, 400, 'comment');
    await refused(alice, path, { comment: 'x'.repeat(4001) }, 400, 'body.comment');
    await refused(alice, path, { comment: ['x'] }, 400, 'body.comment');
    // a decided approval still takes comments
    expect((await alice('POST', `${V2025}/${a.id}/approve`)).status).toBe(200);
    expect((await alice('POST', path, { comment: 'Approved last week.' })).status).toBe(200);
  });
});

describe('attributes', () => {
  it('the approver adds and removes attributes (a JSON object in additionalAttributes)', async () => {
    const a = take(desk, alone);
    const path = `${V2025}/${a.id}/attributes`;
    const added = await alice<Approval>('POST', path, { additionalAttributes: { ticket: 'REQ-1', risk: 'low' } });
    expect(added.status).toBe(200);
    expect(JSON.parse(added.body.additionalAttributes!)).toMatchObject({ ticket: 'REQ-1', risk: 'low' });
    const removed = await alice<Approval>('POST', path, { removeAttributeKeys: ['risk'], comment: 'Risk re-rated.' });
    const attributes = JSON.parse(removed.body.additionalAttributes!);
    expect(attributes).toMatchObject({ ticket: 'REQ-1' });
    expect(attributes).not.toHaveProperty('risk');
    expect(removed.body.comments!.at(-1)!.comment).toBe('Risk re-rated.');
  });

  it('refused: not its approver, too many keys, a key too long, a prototype key, a value that is not text', async () => {
    const a = take(desk, alone);
    const path = `${V2025}/${a.id}/attributes`;
    await refused(bob, path, { additionalAttributes: { x: 'y' } }, 403, 'is not yours');
    const many = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'v']));
    await refused(alice, path, { additionalAttributes: many }, 400, 'additionalAttributes');
    await refused(alice, path, { additionalAttributes: { ['k'.repeat(129)]: 'v' } }, 400, 'additionalAttributes');
    await refused(alice, path, { additionalAttributes: { n: { nested: 'object' } } }, 400, 'additionalAttributes');
    const proto = await alice('POST', path, '{"additionalAttributes":{"__proto__":{"admin":"yes"}}}', {
      'content-type': 'application/json',
    });
    expect(proto.status).toBe(400);
  });
});
