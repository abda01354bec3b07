// Which kind of work a delegation moves, at the one place the Approvals service assigns new work (createApproval),
// on a real SQLite database: an access request's approval follows ACCESS_REQUESTS, every other approval type
// (account deletions, entitlement descriptions, …) follows GENERIC_APPROVALS. No HTTP route makes approvals of the
// other types (the seed writes them), so this one drives the stores the routes use, as the sandbox wires them.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServerClock } from '../../clock.ts';
import { openDb, type Db } from '../db.ts';
import type { NewApproval } from '../generic-approvals/lifecycle.ts';
import { openGenericApprovals } from '../generic-approvals/routes.ts';
import type { GenericApprovalStore } from '../generic-approvals/store.ts';
import { ADA, ALICE, BOB, CAROL, identity } from '../identities.ts';
import { WorkReassignmentStore } from './store.ts';

let dir: string;
let db: Db;
let approvals: GenericApprovalStore;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wi-kinds-'));
  db = openDb(path.join(dir, 'sandbox.sqlite'));
  const { clock } = createServerClock();
  approvals = openGenericApprovals(db, clock, 0);
  const reassignment = new WorkReassignmentStore(db, clock);
  approvals.delegateWith(reassignment.chains);
  const admin = { id: ADA.id, admin: true };
  const start = new Date(clock.now() - 60_000).toISOString();
  reassignment.create(admin, {
    reassignedFromId: ALICE.id,
    reassignedToId: BOB.id,
    configType: 'ACCESS_REQUESTS',
    startDate: start,
  });
  reassignment.create(admin, {
    reassignedFromId: ALICE.id,
    reassignedToId: CAROL.id,
    configType: 'GENERIC_APPROVALS',
    startDate: start,
  });
});
afterAll(() => {
  db?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const approval = (type: string): NewApproval => ({
  type,
  priority: 'MEDIUM',
  name: [{ locale: 'en_US', value: `${type} for the kinds test` }],
  description: [],
  requesterId: identity('marcus.chen').id,
  requesteeId: identity('marcus.chen').id,
  criteria: 'PARALLEL',
  approvers: [ALICE.id],
});
const approverOf = (id: string) => approvals.lifecycle.approverRows(id).map((a) => a.identity_id);

describe('which delegation an approval follows', () => {
  it.each([
    ['ACCESS_REQUEST_APPROVAL', BOB.id],
    ['ACCOUNT_DELETE_APPROVAL_REQUEST', CAROL.id],
    ['ENTITLEMENT_DESCRIPTIONS', CAROL.id],
    ['A_TYPE_NOBODY_KNOWS', CAROL.id],
  ])('%s → its delegate, recorded', (type, delegate) => {
    const id = approvals.createApproval(approval(type));
    expect(approverOf(id)).toEqual([delegate]);
    const history = approvals.details([id]).reassignments.get(id)!;
    expect(history.map((r) => [r.from_id, r.to_id, r.by_id, r.type])).toEqual([
      [ALICE.id, delegate, null, 'AUTO_REASSIGNMENT'],
    ]);
  });

  it('an approval with several approvers moves only the delegating one', () => {
    const id = approvals.createApproval({ ...approval('ACCESS_REQUEST_APPROVAL'), approvers: [ALICE.id, CAROL.id] });
    expect(approverOf(id)).toEqual([BOB.id, CAROL.id]);
  });
});
