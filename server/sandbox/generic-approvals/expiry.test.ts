// Expiry on the server's clock, moved through the sandbox's clock control: past its deadline a pending approval
// ends as its timeout says (EXPIRED, or APPROVED where configured) at its due date, leaves the desk, and can no
// longer be decided; approvals started afterwards count their deadline from the moved clock. The control itself
// is for admins only (401 anonymous, 403 others, 400 out of bounds) and exists in sandbox mode only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test/server.ts';
import { catalogueItemNamed } from '../access-request-submissions/catalogue.ts';
import { CAROL } from '../identities.ts';
import { client, dumpDb, errorText, sessionCookie, tokenFor, type Call } from '../../test/sandbox.ts';
import { DAY, V2025, approvalOf, filters, moveClock, pendingOf, whole } from '../../test/generic-approvals.ts';

let server: TestServer;
let alice: Call;
let bob: Call;
let ada: Call;

beforeAll(async () => {
  server = await startTestServer();
  alice = client(server.url, await tokenFor(server.url, 'alice.approver'));
  bob = client(server.url, await tokenFor(server.url, 'bob.approver'));
  ada = client(server.url, await tokenFor(server.url, 'ada.admin'));
});
afterAll(async () => {
  await server?.close();
});

describe('expiry on a moved clock', () => {
  it('what is due within the move expires at its due date: EXPIRED, or APPROVED by its timeout', async () => {
    const desk = await pendingOf(alice);
    const clock = (await ada<{ now: string; offsetMs: number }>('GET', '/sandbox/clock')).body;
    expect(clock.offsetMs).toBe(0);
    const horizon = Date.now() + 20 * DAY;
    const due = desk.filter((a) => Date.parse(a.dueDate!) < horizon - 60_000);
    const kept = desk.filter((a) => Date.parse(a.dueDate!) > horizon + 60_000);
    expect(due.length).toBeGreaterThanOrEqual(5);
    expect(due.some((a) => a.approvalConfig?.timeoutConfig?.timeoutResult === 'APPROVED')).toBe(true);
    expect(kept.length).toBeGreaterThan(5);

    const moved = await moveClock(ada, { advanceMs: 20 * DAY });
    expect(moved.offsetMs).toBe(20 * DAY);
    expect(Math.abs(Date.parse(moved.now) - horizon)).toBeLessThan(60_000);

    const after = (await pendingOf(alice)).map((a) => a.id);
    expect(after.filter((id) => due.some((a) => a.id === id))).toEqual([]);
    expect(kept.every((a) => after.includes(a.id))).toBe(true);
    for (const a of due) {
      const ended = await approvalOf(alice, a.id);
      const approves = a.approvalConfig?.timeoutConfig?.timeoutResult === 'APPROVED';
      expect(ended, a.id).toMatchObject({
        status: approves ? 'APPROVED' : 'EXPIRED',
        completedDate: a.dueDate,
        modifiedDate: a.dueDate,
        assignedTo: [],
        approvedBy: a.approvedBy,
      });
    }
    const expired = await whole(alice, `mine=true&${filters('status eq "EXPIRED"')}`);
    expect(expired.length).toBeGreaterThanOrEqual(
      due.filter((a) => a.approvalConfig?.timeoutConfig?.timeoutResult !== 'APPROVED').length,
    );
  });

  it('an expired approval cannot be decided, reassigned or changed: 400, nothing changes', async () => {
    const [gone] = await whole(alice, `mine=true&${filters('status eq "EXPIRED"')}`);
    const before = dumpDb(server.config.sandboxDb);
    for (const [path, body] of [
      ['approve', {}],
      ['reject', { comment: 'too late' }],
      ['reassign', { reassignTo: CAROL.id }],
      ['attributes', { additionalAttributes: { a: 'b' } }],
    ] as const) {
      const res = await alice('POST', `${V2025}/${gone!.id}/${path}`, body);
      expect(res.status, path).toBe(400);
      expect(errorText(res.body)).toContain('is already expired');
    }
    expect(dumpDb(server.config.sandboxDb)).toBe(before);
  });

  it('an approval started on the moved clock is due 90 days after that, and expires 90 days later', async () => {
    const item = catalogueItemNamed('Finance Analyst');
    const res = await bob('POST', '/v3/access-requests', {
      requestedFor: [CAROL.id],
      requestedItems: [{ type: item.type, id: item.id }],
    });
    expect(res.status).toBe(202);
    const [fresh] = await whole(alice, `mine=true&${filters(`requesteeId eq "${CAROL.id}" and status eq "PENDING"`)}`);
    expect(Date.parse(fresh!.createdDate!)).toBeGreaterThan(Date.now() + 19 * DAY);
    expect(Date.parse(fresh!.dueDate!) - Date.parse(fresh!.createdDate!)).toBe(90 * DAY);
    await moveClock(ada, { advanceMs: 91 * DAY });
    expect(await approvalOf(alice, fresh!.id)).toMatchObject({ status: 'EXPIRED', completedDate: fresh!.dueDate });
    // moving the clock back does not bring an expiry back
    await moveClock(ada, { offsetMs: 0 });
    expect((await approvalOf(alice, fresh!.id)).status).toBe('EXPIRED');
    const status = await bob<{ state: string; approvalIds: string[] }[]>(
      'GET',
      '/v3/access-request-status?requested-by=me',
    );
    expect(status.body.find((s) => s.approvalIds.includes(fresh!.id))!.state).toBe('REJECTED');
  });
});

describe('the clock control', () => {
  it('admins only: 401 without a token, 403 for others; by session cookie with the CSRF header too', async () => {
    for (const [call, status] of [
      [client(server.url), 401],
      [alice, 403],
    ] as const) {
      expect((await call('GET', '/sandbox/clock')).status).toBe(status);
      expect((await call('PUT', '/sandbox/clock', { advanceMs: 1 })).status).toBe(status);
    }
    const cookie = await sessionCookie(server.url, { identity: 'ada.admin' });
    const res = await fetch(`${server.url}/sandbox/clock`, {
      method: 'PUT',
      headers: { cookie, 'content-type': 'application/json', 'x-requested-with': 'XMLHttpRequest' },
      body: JSON.stringify({ offsetMs: 0 }),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ offsetMs: 0 });
  });

  it.each([
    [{}, 'exactly one'],
    [{ offsetMs: 1, advanceMs: 1 }, 'exactly one'],
    [{ advanceMs: -1 }, 'advanceMs must be >= 0'],
    [{ offsetMs: 1.5 }, 'offsetMs must be integer'],
    ['{"offsetMs": 9223372036854775296}', 'offsetMs must be <='],
    [{ offsetMs: 'soon' }, 'offsetMs must be integer'],
    [[1], 'body must be object'],
  ])('%j → 400 naming what is wrong, the clock unmoved', async (body, what) => {
    const before = (await ada<{ offsetMs: number }>('GET', '/sandbox/clock')).body.offsetMs;
    const res = await ada('PUT', '/sandbox/clock', body, { 'content-type': 'application/json' });
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(errorText(res.body)).toContain(what);
    expect((await ada<{ offsetMs: number }>('GET', '/sandbox/clock')).body.offsetMs).toBe(before);
  });

  it('advancing past ten years is refused; tenant mode has no clock control', async () => {
    await moveClock(ada, { offsetMs: 0 });
    const res = await ada('PUT', '/sandbox/clock', { advanceMs: 10 * 366 * DAY });
    expect(res.status).toBe(200);
    const over = await ada('PUT', '/sandbox/clock', { advanceMs: 1 });
    expect(over.status).toBe(400);
    expect(errorText(over.body)).toContain('more than');
    await moveClock(ada, { offsetMs: 0 });
    const tenant = await startTestServer({ SAIL_BASE_URL: server.url, SESSION_SECRET: 't'.repeat(40) });
    try {
      const token = await tokenFor(server.url, 'ada.admin');
      for (const method of ['GET', 'PUT']) {
        const answer = await client(tenant.url, token)(
          method,
          '/sandbox/clock',
          method === 'PUT' ? { offsetMs: 5 } : undefined,
        );
        expect(answer.status).toBe(404);
      }
      expect((await ada<{ offsetMs: number }>('GET', '/sandbox/clock')).body.offsetMs).toBe(0);
    } finally {
      await tenant.close();
    }
  });
});
