import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { getMeta, openDb } from '../db.ts';
import { seed } from '../seed.ts';
import { ensureAccessRequestsSeeded } from './seed.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wi-ar-seed-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const count = (db: ReturnType<typeof openDb>, table: string) =>
  (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('access-request seed', () => {
  it('a database seeded before access requests existed gets them once, its work items untouched', () => {
    const db = openDb(path.join(dir, 'old.sqlite'));
    seed(db, { now: Date.UTC(2026, 0, 15) });
    // What a sandbox made before this feature looks like: no approvals, no marker.
    db.exec(`DELETE FROM access_request_approvals; DELETE FROM meta WHERE key = 'access_requests_seeded_at'`);
    const workItems = JSON.stringify(db.prepare('SELECT * FROM work_items ORDER BY rowid').all());
    ensureAccessRequestsSeeded(db);
    const seeded = count(db, 'access_request_approvals');
    expect(seeded).toBeGreaterThan(40);
    expect(count(db, 'access_request_forwards')).toBeGreaterThan(0);
    expect(getMeta(db, 'access_requests_seeded_at')).toBeTruthy();
    expect(JSON.stringify(db.prepare('SELECT * FROM work_items ORDER BY rowid').all())).toBe(workItems);
    // Once: a later start (or decisions that emptied the queue) never reseeds.
    db.exec('DELETE FROM access_request_approvals');
    ensureAccessRequestsSeeded(db);
    expect(count(db, 'access_request_approvals')).toBe(0);
    db.close();
  });
});
