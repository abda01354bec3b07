// Pages in the older half of a list are read from its oldest end and reversed (queries.ts); over HTTP they must be
// exactly the pages a plain OFFSET walk from the newest end gives, ties in the sort key included, at every offset.
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkItem } from '../../../contract/work-items.ts';
import { startTestServer, type TestServer } from '../../test/server.ts';
import { ALICE } from '../identities.ts';
import { client, tokenFor, type Call } from '../../test/sandbox.ts';

let server: TestServer;
let alice: Call;
let ada: Call;
const expected: Record<'pending' | 'completed', string[]> = { pending: [], completed: [] };

beforeAll(async () => {
  server = await startTestServer({ SANDBOX_SEED_SCALE: '700' });
  const db = new Database(server.config.sandboxDb, { fileMustExist: true });
  // Ties: 40 pending and 10 completed items share one timestamp each, so only the id orders them.
  db.exec(`
    UPDATE work_items SET created = '2026-01-01T00:00:00.000Z'
      WHERE id IN (SELECT id FROM work_items WHERE state = 'Pending' ORDER BY rowid DESC LIMIT 40);
    UPDATE work_items SET completed = '2026-01-02T00:00:00.000Z'
      WHERE id IN (SELECT id FROM work_items WHERE completed IS NOT NULL ORDER BY rowid LIMIT 10);`);
  const ids = (sql: string) => db.prepare(sql).pluck().all(ALICE.id) as string[];
  expected.pending = ids(
    `SELECT id FROM work_items WHERE owner_id = ? AND state = 'Pending' ORDER BY created DESC, id DESC`,
  );
  expected.completed = ids(
    `SELECT id FROM work_items WHERE owner_id = ? AND completed IS NOT NULL ORDER BY completed DESC, id DESC`,
  );
  db.close();
  alice = client(server.url, await tokenFor(server.url, 'alice.approver'));
  ada = client(server.url, await tokenFor(server.url, 'ada.admin'));
});
afterAll(async () => {
  await server?.close();
});

describe('list pages from either end', () => {
  it.each([
    ['pending', '/v3/work-items'],
    ['completed', '/v3/work-items/completed'],
  ] as const)('%s: every page equals the OFFSET walk from the newest end', async (list, path) => {
    const all = expected[list];
    const total = all.length;
    expect(total).toBeGreaterThan(list === 'pending' ? 700 : 20);
    const pages: [number, number][] = [
      [250, 0],
      [0, 0],
      [1, total - 1],
      [250, total - 1],
      [3, total],
      [10, total + 5],
    ];
    for (const limit of [1, 7, 250]) {
      for (let offset = 0; offset < total; offset += Math.max(1, Math.floor(total / 23))) pages.push([limit, offset]);
      const last = Math.max(0, total - limit);
      pages.push([limit, last], [limit, Math.floor(last / 2)], [limit, Math.ceil(total / 2)]);
    }
    for (const [limit, offset] of pages) {
      const page = await alice<WorkItem[]>('GET', `${path}?limit=${limit}&offset=${offset}&count=true`);
      expect(page.status).toBe(200);
      expect(page.headers.get('x-total-count')).toBe(String(total));
      expect(
        page.body.map((w) => w.id),
        `limit ${limit}, offset ${offset}`,
      ).toEqual(all.slice(offset, offset + limit));
    }
    // An admin reading alice's list gets the same pages.
    const tail = await ada<WorkItem[]>('GET', `${path}?limit=9&offset=${total - 12}&ownerId=${ALICE.id}`);
    expect(tail.body.map((w) => w.id)).toEqual(all.slice(total - 12, total - 3));
  });
});
