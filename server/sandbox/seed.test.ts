import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { WorkItem } from '../../contract/work-items.ts';
import { startTestServer } from '../test/server.ts';
import { openDb } from './db.ts';
import { ALICE } from './identities.ts';
import { seed } from './seed.ts';
import { client, dumpDb, tokenFor } from '../test/sandbox.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wi-seed-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('seed', () => {
  it('is deterministic: the same moment gives byte-identical rows', () => {
    const files = ['a.sqlite', 'b.sqlite'].map((f) => path.join(dir, f));
    for (const file of files) {
      const db = openDb(file);
      seed(db, { now: Date.UTC(2026, 0, 15) });
      db.close();
    }
    // Hostile items are stamped with the wall clock: compare everything else.
    const strip = (dump: string) => dump.replace(/"(created|modified|completed)":"[^"]*"/g, '');
    expect(strip(dumpDb(files[0]))).toBe(strip(dumpDb(files[1])));
  });

  it('SANDBOX_SEED_SCALE and SANDBOX_BIG_ITEM_SIZE add pending items for alice', async () => {
    const server = await startTestServer({ SANDBOX_SEED_SCALE: '3000', SANDBOX_BIG_ITEM_SIZE: '1500' });
    try {
      const call = client(server.url, await tokenFor(server.url, 'alice.approver'));
      const count = await call<{ count: number }>('GET', '/v3/work-items/count');
      expect(count.body.count).toBeGreaterThanOrEqual(3040);
      const deep = await call<WorkItem[]>('GET', '/v3/work-items?limit=250&offset=2700');
      expect(deep.status).toBe(200);
      expect(deep.body.length).toBe(250);
      expect(deep.body.every((w) => w.ownerId === ALICE.id)).toBe(true);
      const all: WorkItem[] = [];
      for (let offset = 0; offset < count.body.count; offset += 250) {
        all.push(...(await call<WorkItem[]>('GET', `/v3/work-items?limit=250&offset=${offset}`)).body);
      }
      expect(new Set(all.map((w) => w.id)).size).toBe(count.body.count);
      expect(all.some((w) => w.approvalItems?.length === 1500)).toBe(true);
      // A tenth as many extra access-request approvals.
      const approvals = await call('GET', '/v3/access-request-approvals/pending?limit=1&count=true');
      expect(Number(approvals.headers.get('x-total-count'))).toBeGreaterThanOrEqual(300 + 15);
    } finally {
      await server.close();
    }
  });
});
