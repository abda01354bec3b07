// The outbox against the real server: what it keeps, sends, retries and refuses to send. IndexedDB is
// fake-indexeddb here (jsdom has none; the page's own, in Chromium, is what e2e/outbox.spec.ts drives). A "new
// visit" is a fresh copy of the modules over the same database.
import 'fake-indexeddb/auto';
import { clear, createStore } from 'idb-keyval';
import { afterAll, beforeAll, beforeEach, expect, it, vi } from 'vitest';
import type { WorkItem } from '../../../contract/work-items.ts';
import { cookieJarFetch, IDS, startApiServer, type ApiTestServer } from '../../test/api-server.tsx';

type Outbox = typeof import('./outbox.ts');

let server: ApiTestServer;
let adminToken: string;

beforeAll(async () => {
  server = await startApiServer();
  const token = await fetch(`${server.url}/oauth/token`, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: 'ada.admin',
      client_secret: 'sandbox-secret',
    }),
  });
  adminToken = ((await token.json()) as { access_token: string }).access_token;
});
afterAll(() => server?.close());

/** A new page on the same browser profile: fresh modules (and their memory), the same IndexedDB and cookies. */
async function visit(alias?: keyof typeof IDS): Promise<Outbox> {
  vi.resetModules();
  const http = await import('../http.ts');
  http.configureHttp({ baseUrl: server.url, fetch: jar.fetch });
  (await import('./entries.ts')).reopenEntries();
  const outbox = await import('./outbox.ts');
  if (alias) await signInAs(outbox, alias);
  return outbox;
}

let jar = cookieJarFetch();
beforeEach(async () => {
  jar = cookieJarFetch();
  await clear(createStore('wii-outbox', 'entries'));
  await admin('DELETE', '/sandbox/faults');
});

async function signInAs(outbox: Outbox, alias: keyof typeof IDS) {
  const session = await jar.fetch(`${server.url}/auth/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-requested-with': 'XMLHttpRequest' },
    body: JSON.stringify({ identity: `${alias}.${alias === 'ada' ? 'admin' : 'approver'}` }),
  });
  expect(session.ok).toBe(true);
  outbox.setOutboxIdentity({ identityId: IDS[alias], deployment: `sandbox@${server.url}` });
}

async function admin(method: string, path: string, body?: unknown) {
  const r = await fetch(`${server.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${adminToken}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(r.status, await r.clone().text()).toBeLessThan(300);
  return r;
}

/** A pending approval item of `alias`'s, not used by another test. */
const used = new Set<string>();
async function pendingItem(alias: keyof typeof IDS) {
  const r = await admin('GET', `/v3/work-items?ownerId=${IDS[alias]}&limit=250`);
  for (const w of (await r.json()) as WorkItem[]) {
    const a = (w.approvalItems ?? []).find((x) => x.state === 'Pending' && !used.has(x.id!));
    if (w.type === 'Approval' && a) {
      used.add(a.id!);
      return { workItemId: w.id!, itemId: a.id!, path: `/v3/work-items/${w.id}/approve/${a.id}` };
    }
  }
  throw new Error(`no pending approval item left for ${alias}`);
}

async function itemState(workItemId: string, itemId: string) {
  const w = (await (await admin('GET', `/v3/work-items/${workItemId}`)).json()) as WorkItem;
  return w.approvalItems?.find((a) => a.id === itemId)?.state;
}

const request = (path: string, itemId: string) =>
  ({ method: 'POST', path, label: `Approve ${itemId}`, kind: 'work-item', itemId, action: 'approve' }) as const;

const stored = async (outbox: Outbox) => {
  await outbox.pump();
  return (await import('./entries.ts')).loadEntries();
};

it('holds a decision, then sends it; Undo within the hold sends nothing and leaves nothing stored', async () => {
  const outbox = await visit('alice');
  const sent = await pendingItem('alice');
  const handle = await outbox.hold(request(sent.path, sent.itemId), {}, 150);
  expect((await stored(outbox)).map((e) => e.itemId)).toEqual([sent.itemId]);
  await handle.sent;
  expect(await itemState(sent.workItemId, sent.itemId)).toBe('Finished');
  expect(await stored(outbox)).toEqual([]);

  const undone = await pendingItem('alice');
  const second = await outbox.hold(request(undone.path, undone.itemId), {}, 150);
  expect(second.cancel()).toBe(true);
  await new Promise((r) => setTimeout(r, 400));
  expect(await itemState(undone.workItemId, undone.itemId)).toBe('Pending');
  expect(await stored(outbox)).toEqual([]);
});

it('a decision left by a page that died in its hold is sent on the next visit of its identity, never of another', async () => {
  const item = await pendingItem('alice');
  // what a page killed in the middle of its hold leaves behind
  const { saveEntry } = await import('./entries.ts');
  await saveEntry({
    ...request(item.path, item.itemId),
    id: crypto.randomUUID(),
    identityId: IDS.alice,
    deployment: `sandbox@${server.url}`,
    createdAt: Date.now() - 10_000,
    notBefore: Date.now() - 5_000,
    nextAttemptAt: 0,
    attempts: 0,
    state: 'held',
  });

  // bob signs in on the same browser: alice's decision waits for her
  const asBob = await visit('bob');
  await asBob.pump();
  expect(asBob.outboxSnapshot().waiting).toEqual([]);
  expect((await stored(asBob)).map((e) => e.identityId)).toEqual([IDS.alice]);
  expect(await itemState(item.workItemId, item.itemId)).toBe('Pending');

  // alice comes back: it is sent, as hers, and the page can say so
  const asAlice = await visit('alice');
  await vi.waitFor(async () => expect(await itemState(item.workItemId, item.itemId)).toBe('Finished'), {
    timeout: 10_000,
  });
  await vi.waitFor(() => expect(asAlice.outboxSnapshot().sentFromEarlier).toBe(1));
  expect(await stored(asAlice)).toEqual([]);
});

it('a 503 or a dropped connection keeps the decision and tries again; a 401 keeps it until its owner signs in again', async () => {
  const outbox = await visit('carol');
  const item = await pendingItem('carol');
  await admin('PUT', '/sandbox/faults', { spec: `POST /v3/work-items/*/approve/*=status:503,count:1` });
  const handle = await outbox.hold(request(item.path, item.itemId), {}, 50);
  await vi.waitFor(() => expect(outbox.outboxSnapshot().waiting.map((e) => e.attempts)).toEqual([1]), {
    timeout: 5_000,
  });
  expect(outbox.outboxSnapshot().waiting[0].lastError).toMatch(/503/);
  await handle.sent; // the retry a few seconds later goes through
  expect(await itemState(item.workItemId, item.itemId)).toBe('Finished');

  // signed out (elsewhere) during the hold: the 401 keeps it
  const later = await pendingItem('carol');
  const held = await outbox.hold(request(later.path, later.itemId), {}, 50);
  await jar.fetch(`${server.url}/auth/session`, {
    method: 'DELETE',
    headers: { 'x-requested-with': 'XMLHttpRequest' },
  });
  await held.released;
  await vi.waitFor(() => expect(outbox.outboxSnapshot().waiting.map((e) => e.lastError)).toHaveLength(1));
  expect(await itemState(later.workItemId, later.itemId)).toBe('Pending');
  // the page sees the session end (it shows the sign-in form), and the next visit signs carol in again: it is sent
  outbox.setOutboxIdentity(null);
  const again = await visit('carol');
  await vi.waitFor(async () => expect(await itemState(later.workItemId, later.itemId)).toBe('Finished'), {
    timeout: 10_000,
  });
  expect(await stored(again)).toEqual([]);
});

it('a refusal for good is kept as failed with the reason, for the user to retry or discard', async () => {
  const outbox = await visit('bob');
  const item = await pendingItem('bob');
  // someone else rejected it meanwhile: approving is refused for good
  await admin('POST', `/v3/work-items/${item.workItemId}/reject/${item.itemId}`);
  const handle = await outbox.hold(request(item.path, item.itemId), {}, 50);
  await expect(handle.sent).rejects.toThrow();
  const [failed] = outbox.outboxSnapshot().failed;
  expect(failed.itemId).toBe(item.itemId);
  expect(failed.lastError).toBeTruthy();
  await outbox.discardEntry(failed.id);
  expect(outbox.outboxSnapshot().failed).toEqual([]);
  expect(await stored(outbox)).toEqual([]);
});

it('sign-out first sends what the leaving identity holds, and says what could not be sent', async () => {
  const outbox = await visit('alice');
  const a = await pendingItem('alice');
  const b = await pendingItem('alice');
  await outbox.hold(request(a.path, a.itemId), {}, 60_000);
  expect(await outbox.flushIdentity(5_000)).toEqual([]);
  expect(await itemState(a.workItemId, a.itemId)).toBe('Finished');

  await admin('PUT', '/sandbox/faults', { spec: `POST /v3/work-items/*/approve/*=status:503` });
  await outbox.hold(request(b.path, b.itemId), {}, 60_000);
  const left = await outbox.flushIdentity(1_500);
  expect(left.map((e) => [e.itemId, e.label])).toEqual([[b.itemId, `Approve ${b.itemId}`]]);
  expect(await itemState(b.workItemId, b.itemId)).toBe('Pending');
});
