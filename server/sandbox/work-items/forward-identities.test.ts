// What the forward feature asks of the sandbox that public-identities.test.ts and work-items.test.ts leave out: every
// filterable field with both of its operators, a count that follows the filter (not the page), operators on the
// wrong field; forward's empty 200, its refusal of completed and unknown items, bad field types, and that a
// refused forward leaves the owner and history as they were.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorResponseDto, PublicIdentity, WorkItem } from '../../../contract/work-items.ts';
import { startTestServer, type TestServer } from '../../test/server.ts';
import { ALICE, BOB, CAROL, IDENTITIES } from '../identities.ts';
import { allPending, client, tokenFor, type Call } from '../../test/sandbox.ts';

let server: TestServer;
let alice: Call;
let bob: Call;

beforeAll(async () => {
  server = await startTestServer();
  alice = client(server.url, await tokenFor(server.url, 'alice.approver'));
  bob = client(server.url, await tokenFor(server.url, 'bob.approver'));
});
afterAll(async () => {
  await server?.close();
});

function expectDto(answer: { status: number; body: unknown }, status: number, mentions?: RegExp) {
  expect(answer.status).toBe(status);
  const body = answer.body as ErrorResponseDto;
  expect(body.detailCode).toBeTruthy();
  expect(body.trackingId).toMatch(/^[0-9a-f]{32}$/);
  if (mentions) expect((body.messages ?? []).map((m) => m.text).join(' ')).toMatch(mentions);
}

const search = (filters: string, extra = '') =>
  alice<PublicIdentity[]>('GET', `/v3/public-identities?filters=${encodeURIComponent(filters)}${extra}`);
const aliases = (list: PublicIdentity[]) => list.map((p) => p.alias);

describe('GET /v3/public-identities: the rest of the filter grammar', () => {
  it.each([
    ['alias eq "bob.approver"', ['bob.approver']],
    ['alias sw "CAROL"', ['carol.approver']],
    ['email sw "alice.app"', ['alice.approver']],
    ['firstname eq "ada"', ['ada.admin']],
    ['firstname sw "Ca"', ['carol.approver']],
    ['lastname sw "o\'c"', ['liam.oconnor']],
    ['lastname eq "Müller"', ['hannah.muller']],
  ])('%s → %j (case-insensitive)', async (filters, expected) => {
    const res = await search(filters);
    expect(res.status).toBe(200);
    expect(aliases(res.body)).toEqual(expected);
  });

  it('what the picker sends for "bo" finds bob; for an id, that identity', async () => {
    const typed = ['firstname', 'lastname', 'alias', 'email'].map((f) => `${f} sw "bo"`).join(' or ');
    expect(aliases((await search(typed)).body)).toEqual(['bob.approver']);
    const byId = ['firstname', 'lastname', 'alias', 'email']
      .map((f) => `${f} sw "${BOB.id}"`)
      .concat(`id eq "${BOB.id}"`)
      .join(' or ');
    expect(aliases((await search(byId)).body)).toEqual(['bob.approver']);
  });

  it('X-Total-Count counts every match, not the page; paging walks the matches in name order', async () => {
    const filters = 'lastname eq "Approver"';
    const all = await search(filters, '&count=true&sorters=name');
    expect(all.headers.get('x-total-count')).toBe('3');
    expect(all.body.map((p) => p.name)).toEqual(['Alice Approver', 'Bob Approver', 'Carol Approver']);
    const second = await search(filters, '&count=true&sorters=name&limit=1&offset=1');
    expect(second.headers.get('x-total-count')).toBe('3');
    expect(second.body.map((p) => p.name)).toEqual(['Bob Approver']);
    const past = await search(filters, '&count=true&offset=10');
    expect(past.status).toBe(200);
    expect(past.body).toEqual([]);
    expect(past.headers.get('x-total-count')).toBe('3');
  });

  it('without count=true there is no X-Total-Count; the default page holds everyone', async () => {
    const res = await alice<PublicIdentity[]>('GET', '/v3/public-identities');
    expect(res.headers.get('x-total-count')).toBeNull();
    expect(res.body).toHaveLength(IDENTITIES.length);
  });

  it.each([
    ['alias in ("bob.approver")', /in/],
    ['email co "acme"', /co/],
    ['firstname ne "Bob"', /ne/],
    ['department eq "Sales"', /department/],
    ['id eq "x" or', /./],
  ])('%s → 400 saying which', async (filters, mention) => {
    expectDto(await search(filters), 400, mention);
  });
});

describe('POST /v3/work-items/{id}/forward: the rest', () => {
  it('answers an empty 200, as the spec says ("no data is returned")', async () => {
    const item = (await allPending(alice)).find((w) => w.type === 'Approval')!;
    const res = await fetch(`${server.url}/v3/work-items/${item.id}/forward`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${await tokenFor(server.url, 'alice.approver')}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ targetOwnerId: BOB.id, comment: 'Bob knows this app', sendNotifications: false }),
    });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
    const moved = (await bob<WorkItem>('GET', `/v3/work-items/${item.id}`)).body;
    expect(moved.ownerId).toBe(BOB.id);
    expect(moved.forwardHistory?.at(-1)).toMatchObject({
      fromId: ALICE.id,
      toId: BOB.id,
      comment: 'Bob knows this app',
    });
  });

  it('refuses a completed item (400) and an unknown one (404)', async () => {
    const completed = (await alice<WorkItem[]>('GET', '/v3/work-items/completed?limit=1')).body[0];
    expect(completed).toBeTruthy();
    expectDto(
      await alice('POST', `/v3/work-items/${completed.id}/forward`, { targetOwnerId: BOB.id, comment: 'late' }),
      400,
      /completed/,
    );
    expectDto(
      await alice('POST', `/v3/work-items/${'0'.repeat(32)}/forward`, { targetOwnerId: BOB.id, comment: 'who?' }),
      404,
    );
  });

  it('400 for wrong field types; a refused forward leaves owner and history as they were', async () => {
    const item = (await allPending(alice)).find((w) => w.type === 'Approval')!;
    const path = `/v3/work-items/${item.id}/forward`;
    expectDto(await alice('POST', path, { targetOwnerId: CAROL.id, comment: 'x', sendNotifications: 'yes' }), 400);
    expectDto(await alice('POST', path, { targetOwnerId: 42, comment: 'x' }), 400);
    expectDto(await alice('POST', path, { targetOwnerId: CAROL.id, comment: ['x'] }), 400, /comment/);
    expectDto(await alice('POST', path, { targetOwnerId: CAROL.id }), 400, /comment/);
    const after = (await alice<WorkItem>('GET', `/v3/work-items/${item.id}`)).body;
    expect(after.ownerId).toBe(ALICE.id);
    expect(after.forwardHistory ?? []).toEqual(item.forwardHistory ?? []);
  });
});
