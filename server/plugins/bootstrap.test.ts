// The inbox's embedded first data, over HTTP against the real server: the session and first list page in the
// HTML equal what the API answers (after decisions and forwards too), hostile text stays data, nothing is embedded
// without a live session or for another owner's view, and the page's CSP is the same with the embed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOOTSTRAP_ELEMENT_ID, embeddedApproval, type Bootstrap } from '../../contract/bootstrap.ts';
import type { Approval } from '../../contract/generic-approvals.ts';
import type { WorkItem } from '../../contract/work-items.ts';
import { ALICE, BOB } from '../sandbox/identities.ts';
import { sessionCookie } from '../test/sandbox.ts';
import { startTestServer, type TestServer } from '../test/server.ts';
import { standInDist, type StandInDist } from '../test/stand-in-dist.ts';
import { BOOTSTRAP_APPROVALS_URL, BOOTSTRAP_LIST_URL, FIRST_SCREEN_APPROVALS_URL, jsonForHtml } from './bootstrap.ts';

const EXPECTED_CSP =
  "default-src 'self';script-src 'self';style-src 'self' 'unsafe-inline';img-src 'self' data:;" +
  "font-src 'self' data:;connect-src 'self';object-src 'none';base-uri 'self';frame-ancestors 'none';form-action 'self'";
const XHR = { 'x-requested-with': 'XMLHttpRequest' };
const OPEN = `<script type="application/json" id="${BOOTSTRAP_ELEMENT_ID}">`;

let dist: StandInDist;
let server: TestServer;

beforeAll(async () => {
  dist = standInDist('<!doctype html><html><head><title>x</title></head><body><div id="root"></div></body></html>');
  server = await startTestServer({ DIST_DIR: dist.dir });
});

afterAll(async () => {
  await server?.close();
  dist?.remove();
});

async function page(pathname: string, cookie?: string) {
  const res = await fetch(server.url + pathname, { headers: cookie ? { cookie } : {} });
  return { status: res.status, headers: res.headers, html: await res.text() };
}

/** The embedded data of an HTML answer (undefined: none), read the way the page reads it. */
function embedded(html: string): Bootstrap | undefined {
  const start = html.indexOf(OPEN);
  if (start === -1) return undefined;
  const end = html.indexOf('</script>', start);
  return JSON.parse(html.slice(start + OPEN.length, end)) as Bootstrap;
}

/** What the page's own requests get: the session and the inbox's first list request. */
async function apiAnswers(cookie: string) {
  const session = await fetch(`${server.url}/auth/session`, { headers: { cookie } });
  const list = await fetch(server.url + BOOTSTRAP_LIST_URL, { headers: { cookie } });
  expect(list.status).toBe(200);
  return {
    session: await session.json(),
    items: (await list.json()) as WorkItem[],
    total: Number(list.headers.get('x-total-count')),
  };
}

async function expectEmbedEqualsApi(cookie: string) {
  const { html } = await page('/inbox', cookie);
  const data = embedded(html);
  expect(data, 'embedded').toBeDefined();
  const api = await apiAnswers(cookie);
  expect(data!.session).toEqual(api.session);
  expect(data!.workItems).toEqual({ items: api.items, total: api.total });
  const approvals = await fetch(server.url + BOOTSTRAP_APPROVALS_URL, { headers: { cookie } });
  expect(data!.accessRequests).toEqual({
    items: await approvals.json(),
    total: Number(approvals.headers.get('x-total-count')),
  });
  const service = await fetch(server.url + FIRST_SCREEN_APPROVALS_URL, { headers: { cookie } });
  expect(data!.approvals).toEqual({
    items: ((await service.json()) as Approval[]).map(embeddedApproval),
    total: Number(service.headers.get('x-total-count')),
  });
  return data!;
}

describe('the inbox page embeds the session and the first list page', () => {
  it('equals what the API answers, at / and /inbox, and again after a decision, a completion and a forward', async () => {
    const alice = await sessionCookie(server.url, { identity: 'alice.approver' });
    const first = await expectEmbedEqualsApi(alice);
    expect(first.workItems!.items.length).toBeGreaterThan(3);
    expect(first.approvals!.items.length).toBeGreaterThan(3);
    expect(embedded((await page('/', alice)).html)?.workItems?.total).toBe(first.workItems!.total);

    const post = (p: string, body?: unknown) =>
      fetch(server.url + p, {
        method: 'POST',
        headers: { cookie: alice, ...XHR, ...(body ? { 'content-type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      });
    const items = first.workItems!.items;
    const approval = items.find((w) => w.type === 'Approval' && (w.approvalItems?.length ?? 0) >= 2)!;
    const a = approval.approvalItems!.find((x) => x.state === 'Pending')!;
    expect((await post(`/v3/work-items/${approval.id}/approve/${a.id}`)).status).toBe(200);
    const afterDecision = await expectEmbedEqualsApi(alice);
    const decided = afterDecision.workItems!.items.find((w) => w.id === approval.id)!;
    expect(decided.approvalItems!.find((x) => x.id === a.id)!.state).toBe('Finished');

    const completing = items.find((w) => w.id !== approval.id && w.type === 'Approval')!;
    expect((await post(`/v3/work-items/bulk-approve/${completing.id}`)).status).toBe(200);
    const afterCompletion = await expectEmbedEqualsApi(alice);
    expect(afterCompletion.workItems!.items.map((w) => w.id)).not.toContain(completing.id);
    expect(afterCompletion.workItems!.total).toBe(first.workItems!.total - 1);

    const forwarded = afterCompletion.workItems!.items.find((w) => w.id !== approval.id)!;
    const forward = await post(`/v3/work-items/${forwarded.id}/forward`, {
      targetOwnerId: BOB.id,
      comment: 'Bob owns this one.',
    });
    expect(forward.status).toBeLessThan(300);
    const afterForward = await expectEmbedEqualsApi(alice);
    expect(afterForward.workItems!.items.map((w) => w.id)).not.toContain(forwarded.id);
    const bob = await sessionCookie(server.url, { identity: 'bob.approver' });
    const bobs = await expectEmbedEqualsApi(bob);
    expect(bobs.workItems!.items.map((w) => w.id)).toContain(forwarded.id);
  });

  it("never holds another owner's items: each identity's embed is its own queue", async () => {
    for (const [alias, identity] of [
      ['alice.approver', ALICE],
      ['bob.approver', BOB],
    ] as const) {
      const cookie = await sessionCookie(server.url, { identity: alias });
      const data = embedded((await page('/inbox', cookie)).html)!;
      expect(data.session.identityId).toBe(identity.id);
      expect(data.workItems!.items.length).toBeGreaterThan(0);
      expect(data.workItems!.items.every((w) => w.ownerId === identity.id)).toBe(true);
    }
    // an admin's view of someone else's inbox (ownerId in the URL) embeds nothing: that list is not the own one
    const ada = await sessionCookie(server.url, { identity: 'ada.admin' });
    expect(embedded((await page(`/inbox?ownerId=${ALICE.id}`, ada)).html)).toBeUndefined();
    expect(embedded((await page('/inbox', ada)).html)?.session.isAdmin).toBe(true);
  });

  it('keeps hostile item text data: no markup gets out of the JSON block', async () => {
    const alice = await sessionCookie(server.url, { identity: 'alice.approver' });
    const { html } = await page('/inbox', alice);
    const data = embedded(html)!;
    // the seed's hostile names are in the embedded page, exactly as the API has them …
    const hostile = data.workItems!.items.filter((w) => /<script|<img/i.test(`${w.name}${w.description}`));
    expect(hostile.length).toBeGreaterThan(0);
    // … and as markup nowhere: one element opens, it ends where it began, nothing of the items is raw HTML
    expect(html.split('<script').length - 1).toBe(1);
    expect(html.split('</script>').length - 1).toBe(1);
    expect(html).not.toMatch(/<img/i);
    expect(html.slice(html.indexOf(OPEN) + OPEN.length, html.indexOf('</script>'))).not.toMatch(/[<>&\u2028\u2029]/);
    // the escape itself, for a value crafted to end the element
    const crafted = { name: '</script><script>alert(1)</script><!--', amp: '&', ls: '\u2028' };
    expect(jsonForHtml(crafted)).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(jsonForHtml(crafted))).toEqual(crafted);
  });

  it('embeds nothing without a session, with an ended one, or outside the inbox', async () => {
    expect(embedded((await page('/inbox')).html)).toBeUndefined();
    const cookie = await sessionCookie(server.url, { identity: 'alice.approver' });
    expect(embedded((await page('/completed', cookie)).html)).toBeUndefined();
    expect(embedded((await page('/work-items/abc', cookie)).html)).toBeUndefined();
    expect(embedded((await page('/inbox', cookie)).html)).toBeDefined();
    const out = await fetch(`${server.url}/auth/session`, { method: 'DELETE', headers: { cookie, ...XHR } });
    expect(out.status).toBe(204);
    const after = await page('/inbox', cookie); // the old cookie, replayed
    expect(after.status).toBe(200);
    expect(embedded(after.html)).toBeUndefined();
  });

  it('sends the same CSP and no-store with the embed as without', async () => {
    const cookie = await sessionCookie(server.url, { identity: 'alice.approver' });
    const withEmbed = await page('/inbox', cookie);
    const without = await page('/inbox');
    expect(embedded(withEmbed.html)).toBeDefined();
    for (const answer of [withEmbed, without]) {
      expect(answer.headers.get('content-security-policy')).toBe(EXPECTED_CSP);
      expect(answer.headers.get('cache-control')).toBe('no-store');
      expect(answer.headers.get('content-type')).toBe('text/html; charset=utf-8');
    }
  });
});
