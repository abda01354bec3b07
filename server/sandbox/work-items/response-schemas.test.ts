// The response schemas drop nothing: fast-json-stringify writes only what a schema lists, so every work item the
// sandbox holds must come over HTTP exactly as the store builds it (nulls, the form's nested sections and values,
// the sandbox's forwardHistory), for each identity, pending and completed. (The list pages are JSON that SQLite
// writes, sent as it is: page-json.test.ts holds it equal to what the list's schema writes, key order included.)
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkItem } from '../../../contract/work-items.ts';
import { LOGIN_IDENTITIES } from '../identities.ts';
import { WorkItemQueries } from './queries.ts';
import { client, tokenFor } from '../../test/sandbox.ts';
import { startTestServer, type TestServer } from '../../test/server.ts';

let server: TestServer;
let db: Database.Database;
let store: WorkItemQueries;

beforeAll(async () => {
  server = await startTestServer();
  // The seed never leaves these empty; a real tenant may: one of alice's items gets every null the API allows.
  const writer = new Database(server.config.sandboxDb, { fileMustExist: true });
  writer.exec(`
    UPDATE work_items SET requester_id = NULL, modified = NULL, name = NULL
      WHERE id = (SELECT work_item_id FROM approval_items ORDER BY rowid LIMIT 1);
    UPDATE approval_items SET account = NULL, name = NULL, value = NULL
      WHERE work_item_id = (SELECT work_item_id FROM approval_items ORDER BY rowid LIMIT 1);`);
  writer.close();
  db = new Database(server.config.sandboxDb, { readonly: true, fileMustExist: true });
  store = new WorkItemQueries(db);
});
afterAll(async () => {
  db?.close();
  await server?.close();
});

/** What JSON.stringify makes of the store's objects: the answer as it was before response schemas. */
const asJson = (items: WorkItem[]) => JSON.parse(JSON.stringify(items)) as unknown;

describe('work item response schemas', () => {
  it.each(LOGIN_IDENTITIES.map((who) => [who.alias, who.id]))(
    "%s's pending and completed items arrive exactly as stored",
    async (alias, id) => {
      const call = client(server.url, await tokenFor(server.url, alias));
      for (const [path, read] of [
        ['/v3/work-items', (offset: number) => store.pendingPage(id, 250, offset).items],
        ['/v3/work-items/completed', (offset: number) => store.completedPage(id, 250, offset).items],
      ] as const) {
        for (let offset = 0; ; offset += 250) {
          const page = await call<WorkItem[]>('GET', `${path}?limit=250&offset=${offset}`);
          const stored = read(offset);
          expect(page.headers.get('content-type')).toBe('application/json; charset=utf-8');
          expect(page.body).toStrictEqual(asJson(stored));
          if (stored.length < 250) break;
        }
      }
    },
  );

  it('keeps what the sandbox holds in its forms, nulls and forwarding history', async () => {
    const all = LOGIN_IDENTITIES.flatMap((who) => [
      ...store.pendingPage(who.id, 250, 0).items,
      ...store.completedPage(who.id, 250, 0).items,
    ]);
    // The comparison above covers these shapes only if the seed has them.
    expect(all.some((w) => (w.forwardHistory ?? []).length > 0)).toBe(true);
    expect(all.some((w) => w.requesterId === null && w.modified === null && w.name === null)).toBe(true);
    expect(all.some((w) => w.approvalItems?.some((a) => a.account === null && a.value === null))).toBe(true);
    expect(all.some((w) => w.form === null && w.remediationItems === null && w.completed === null)).toBe(true);
    const nested = (w: WorkItem) => w.form?.sections?.some((s) => s.formItems?.some((i) => 'formItems' in i));
    expect(all.some(nested)).toBe(true);
    expect(all.some((w) => w.remediationItems && w.remediationItems.length > 0)).toBe(true);
  });
});
