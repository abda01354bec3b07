// The Approvals service's seed: deterministic (the same moment, the same rows), alice's desk holds 20–40 pending
// approvals of every kind the page must show, SANDBOX_SEED_SCALE adds a tenth as many, it is seeded once, and no
// access request is both here and among the legacy access-request approvals.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Clock } from '../../clock.ts';
import { openDb, type Db } from '../db.ts';
import { ALICE } from '../identities.ts';
import { seed } from '../seed.ts';
import { openGenericApprovals } from './routes.ts';
import { GENERIC_APPROVAL_TABLES } from './schema.ts';
import type { GenericApprovalStore } from './store.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wi-ga-seed-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const NOW = Date.UTC(2026, 5, 15, 9, 30);
const DAY = 86_400_000;
const fixed = (at: number): Clock => ({ now: () => at, iso: () => new Date(at).toISOString(), offsetMs: 0 });

function fresh(name: string, scale = 0): { db: Db; store: GenericApprovalStore } {
  const db = openDb(path.join(dir, `${name}.sqlite`));
  seed(db, { now: NOW, scale });
  return { db, store: openGenericApprovals(db, fixed(NOW), scale) };
}

const dump = (db: Db) =>
  JSON.stringify(GENERIC_APPROVAL_TABLES.map((t) => db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all()));

const alice = { id: ALICE.id, admin: false };
const desk = (store: GenericApprovalStore) =>
  store.list(alice, { ...listDefaults, filters: 'status eq "PENDING"' }, []).items;
const listDefaults = {
  count: false,
  'count-only': false,
  'include-comments': true,
  'include-approvers': true,
  'include-reassignment-history': true,
  'include-batch-info': true,
  limit: 250,
  offset: 0,
};

describe('the Approvals service seed', () => {
  it('is deterministic: two databases seeded at the same moment hold the same rows', () => {
    const a = fresh('a');
    const b = fresh('b');
    expect(dump(a.db)).toBe(dump(b.db));
    a.db.close();
    b.db.close();
  });

  it('gives alice 20–40 pending approvals with every kind, priority, deadline and history the page shows', () => {
    const { db, store } = fresh('desk');
    const pending = desk(store);
    expect(pending.length).toBeGreaterThanOrEqual(20);
    expect(pending.length).toBeLessThanOrEqual(40);
    const types = new Set(pending.map((a) => a.type));
    for (const type of [
      'ACCESS_REQUEST_APPROVAL',
      'ACCOUNT_DELETE_APPROVAL_REQUEST',
      'ENTITLEMENT_DESCRIPTIONS',
      'MACHINE_ACCOUNT_CREATE_APPROVAL_REQUEST',
      'AGENT_ACTIVATE_APPROVAL',
    ]) {
      expect(types.has(type), type).toBe(true);
    }
    expect(new Set(pending.map((a) => a.priority))).toEqual(new Set(['HIGH', 'MEDIUM', 'LOW']));
    const dueIn = (a: (typeof pending)[number]) => (Date.parse(a.dueDate!) - NOW) / DAY;
    expect(pending.filter((a) => dueIn(a) < 7).length).toBeGreaterThanOrEqual(4);
    expect(pending.some((a) => dueIn(a) > 60)).toBe(true);
    expect(
      pending.some((a) => a.isEscalated && a.reassignmentHistory!.some((r) => r.reassignmentType === 'ESCALATION')),
    ).toBe(true);
    expect(pending.some((a) => a.reassignmentHistory!.some((r) => r.reassignmentType === 'MANUAL_REASSIGNMENT'))).toBe(
      true,
    );
    expect(pending.some((a) => a.comments!.length >= 3)).toBe(true);
    expect(pending.some((a) => a.approvalCriteria?.type === 'SERIAL' && a.serialStep === 1)).toBe(true);
    expect(pending.some((a) => a.approvalCriteria?.type === 'SERIAL' && a.serialStep === 2)).toBe(true);
    expect(pending.some((a) => a.approvalCriteria?.type === 'PARALLEL' && a.approvers!.length === 3)).toBe(true);
    expect(pending.some((a) => a.approvalCriteria?.approval?.calculationType === 'PERCENT')).toBe(true);
    const locales = new Set(pending.flatMap((a) => a.name!.map((n) => n.locale)));
    for (const locale of ['en_US', 'de_DE', 'fr_FR', 'ja_JP']) expect(locales.has(locale), locale).toBe(true);
    expect(pending.some((a) => !a.name!.some((n) => n.locale === 'en_US'))).toBe(true);
    // and her history: every way an approval ends
    const ended = store.list(alice, { ...listDefaults, filters: 'status ne "PENDING"' }, []).items;
    expect(new Set(ended.map((a) => a.status))).toEqual(new Set(['APPROVED', 'REJECTED', 'EXPIRED', 'CANCELLED']));
    expect(ended.some((a) => a.status === 'APPROVED' && a.approvedBy!.length === 0)).toBe(true);
    expect(ended.some((a) => a.status === 'APPROVED' && a.approvedBy!.every((p) => p.identityID !== ALICE.id))).toBe(
      true,
    );
    db.close();
  });

  it('net-new access requests have ids of their own: none is also a legacy access-request approval', () => {
    const { db } = fresh('overlap');
    const shared = db
      .prepare(
        `SELECT g.reference_id FROM generic_approvals g
         JOIN access_request_approvals l ON l.access_request_id = g.reference_id`,
      )
      .all();
    expect(shared).toEqual([]);
    const { n } = db
      .prepare(
        `SELECT count(*) AS n FROM generic_approvals WHERE type = 'ACCESS_REQUEST_APPROVAL' AND reference_type = 'accessRequestId'`,
      )
      .get() as { n: number };
    expect(n).toBeGreaterThan(15);
    db.close();
  });

  it('SANDBOX_SEED_SCALE adds a tenth as many pending approvals for alice; a second start seeds nothing', () => {
    const base = fresh('base');
    const scaled = fresh('scaled', 500);
    expect(desk(scaled.store).length).toBe(desk(base.store).length + 50);
    const before = dump(scaled.db);
    openGenericApprovals(scaled.db, fixed(NOW + DAY), 500);
    expect(dump(scaled.db)).toBe(before);
    base.db.close();
    scaled.db.close();
  });
});
