// Self-review and empty comments, as the attack review found them, for both kinds at both prefixes: a request
// forwarded to its requester or to whom it is for, a decision by its requester (an admin included), a forward to
// an inactive identity, and a comment of invisible characters taken as written. Each is a 400 ErrorResponseDto
// that says why, and changes no stored row.
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PendingApproval } from '../../contract/access-requests.ts';
import { hasCommentText } from '../../contract/comments.ts';
import type { WorkItem } from '../../contract/work-items.ts';
import { V1, V3, whole } from '../test/access-requests.ts';
import { allPending, client, dumpDb, errorText, tokenFor, type Call } from '../test/sandbox.ts';
import { startTestServer, type TestServer } from '../test/server.ts';
import { ADA, ALICE, BOB, CAROL, IDENTITIES } from './identities.ts';

const ELENA = IDENTITIES.find((who) => who.identityState !== 'ACTIVE')!;
/** Text a reader cannot see: a zero-width space, a word joiner, a no-break space, an em space, a BOM, a newline. */
const INVISIBLE = '\u200b\u2060\u00a0\u2003\ufeff\n';

let server: TestServer;
let alice: Call;
let ada: Call;
let queue: PendingApproval[];

beforeAll(async () => {
  server = await startTestServer();
  alice = client(server.url, await tokenFor(server.url, 'alice.approver'));
  ada = client(server.url, await tokenFor(server.url, 'ada.admin'));
  queue = await whole<PendingApproval>(alice, `${V3}/pending`);
});
afterAll(() => server?.close());

const used = new Set<string>();
/** One of alice's pending approvals no other test used. */
function take(predicate: (a: PendingApproval) => boolean): PendingApproval {
  const found = queue.find((a) => !used.has(a.id) && predicate(a));
  if (!found) throw new Error('no seeded approval fits this test');
  used.add(found.id);
  return found;
}

/** `call` is refused with a 400 whose message matches `why`, and nothing stored changes. */
async function refused(call: Call, path: string, body: unknown, why: RegExp) {
  const before = dumpDb(server.config.sandboxDb);
  const res = await call('POST', path, body);
  expect(res.status, JSON.stringify(res.body)).toBe(400);
  expect(errorText(res.body)).toMatch(why);
  expect(dumpDb(server.config.sandboxDb), 'nothing changed').toBe(before);
}

describe('access-request approvals: self-review', () => {
  it.each([V3, V1])('%s: no forward to the requester or the requested-for, or to an inactive identity', async (api) => {
    // requested by bob or carol, whom alice might well forward it to
    const byBob = take((a) => [BOB.id, CAROL.id].includes(a.requester!.id!));
    const requester = byBob.requester!.id!;
    await refused(
      alice,
      `${api}/${byBob.id}/forward`,
      { newOwnerId: requester, comment: 'yours' },
      /requester.*self-review/,
    );
    const forName = byBob.requestedFor!.id;
    await refused(
      alice,
      `${api}/${byBob.id}/forward`,
      { newOwnerId: forName, comment: 'x' },
      /requested-for.*self-review/,
    );
    await refused(
      alice,
      `${api}/${byBob.id}/forward`,
      { newOwnerId: ELENA.id, comment: 'x' },
      /not an active identity/,
    );
    // an admin is held to it too
    await refused(ada, `${api}/${byBob.id}/forward`, { newOwnerId: requester, comment: 'x' }, /requester/);
  });

  it.each([V3, V1])('%s: no decision by the requester, admins included', async (api) => {
    const byAda = take((a) => a.requester?.id === ADA.id);
    await refused(ada, `${api}/${byAda.id}/approve`, { comment: 'mine' }, /Self-review is not allowed.*requester/);
    await refused(ada, `${api}/${byAda.id}/reject`, { comment: 'mine' }, /Self-review is not allowed/);
    // the owner, who is not a party, decides it
    expect((await alice('POST', `${api}/${byAda.id}/approve`, {})).status).toBe(202);
  });

  it('invisible characters are no comment: not enough to reject where one is required, nor to forward', async () => {
    const needs = take((a) => a.commentRequiredWhenRejected === true);
    await refused(alice, `${V3}/${needs.id}/reject`, { comment: INVISIBLE }, /requires a comment/);
    await refused(alice, `${V1}/${needs.id}/forward`, { newOwnerId: ADA.id, comment: '\u200b' }, /comment is required/);
    const approved = take((a) => a.requester?.id !== ALICE.id);
    expect((await alice('POST', `${V3}/${approved.id}/approve`, { comment: INVISIBLE })).status).toBe(202);
    const done = await whole<{ id: string; reviewerComment: unknown }>(alice, `${V3}/completed`);
    expect(done.find((a) => a.id === approved.id)?.reviewerComment, 'stored as no comment').toBeNull();
  });
});

describe('work items: self-review', () => {
  let items: WorkItem[];
  beforeAll(async () => {
    items = (await allPending(alice)).filter((w) => w.type === 'Approval' && w.requesterId && w.approvalItems?.length);
  });

  it.each(['/v3/work-items', '/work-items/v1'])(
    '%s: no forward to the requester or to an inactive identity; no invisible comment',
    async (api) => {
      const item = items.shift()!;
      const requester = item.requesterId!;
      await refused(
        alice,
        `${api}/${item.id}/forward`,
        { targetOwnerId: requester, comment: 'x' },
        /requester.*self-review/,
      );
      await refused(alice, `${api}/${item.id}/forward`, { targetOwnerId: ELENA.id, comment: 'x' }, /not an active/);
      await refused(
        alice,
        `${api}/${item.id}/forward`,
        { targetOwnerId: BOB.id, comment: INVISIBLE },
        /comment is required/,
      );
      expect((await alice('POST', `${api}/${item.id}/forward`, { targetOwnerId: BOB.id, comment: 'Bob' })).status).toBe(
        200,
      );
    },
  );

  it('no decision by the requester, admins included, one at a time or in bulk', async () => {
    const item = items.shift()!;
    // ada made the request (the seed never has an approver request their own items)
    const db = new Database(server.config.sandboxDb);
    db.prepare('UPDATE work_items SET requester_id = ? WHERE id = ?').run(ADA.id, item.id);
    db.close();
    const first = item.approvalItems![0]!.id;
    await refused(ada, `/v3/work-items/${item.id}/approve/${first}`, undefined, /Self-review is not allowed/);
    await refused(ada, `/work-items/v1/${item.id}/reject/${first}`, undefined, /Self-review is not allowed/);
    await refused(ada, `/v3/work-items/bulk-approve/${item.id}`, undefined, /Self-review is not allowed/);
    expect((await alice('POST', `/v3/work-items/${item.id}/approve/${first}`)).status).toBe(200);
  });
});

describe('hasCommentText (contract/comments.ts)', () => {
  it.each(['', ' ', INVISIBLE, '\u200b', '\u200d\u200c', '\u202e', '\t\r\n', null, undefined])(
    '%j is no comment',
    (comment) => expect(hasCommentText(comment)).toBe(false),
  );
  it.each(['ok', ' x ', '\u200bx', '👍', '\u05d0'])('%j is a comment', (comment) =>
    expect(hasCommentText(comment)).toBe(true),
  );
});
