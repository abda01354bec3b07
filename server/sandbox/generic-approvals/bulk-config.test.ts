// The admins' operations over real HTTP: bulk approve, reject, reassign and cancel (202, all or nothing: one bad id
// and none is touched), and the approval configs (read by anyone, kept and removed by admins) that decide how
// approvals created afterwards behave: when they expire, what expiry does, whether a comment is needed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApprovalConfig, Approval } from '../../../contract/generic-approvals.ts';
import { startTestServer, type TestServer } from '../../test/server.ts';
import { SANDBOX_TENANT_ID } from '../oauth/tokens.ts';
import { catalogueItemNamed } from '../access-request-submissions/catalogue.ts';
import { ADA, ALICE, BOB, CAROL } from '../identities.ts';
import { client, dumpDb, errorText, tokenFor, type Call } from '../../test/sandbox.ts';
import { accepted, approvalConfig, errorResponse } from './spec-shapes.ts';
import {
  DAY,
  PENDING,
  V2025,
  approvalOf,
  conforms,
  filters,
  isAccessRequest,
  pendingOf,
  picker,
  whole,
} from '../../test/generic-approvals.ts';

let server: TestServer;
let alice: Call;
let bob: Call;
let ada: Call;
let desk: Approval[];
const take = picker();

beforeAll(async () => {
  server = await startTestServer({ SANDBOX_SEED_SCALE: '200' });
  alice = client(server.url, await tokenFor(server.url, 'alice.approver'));
  bob = client(server.url, await tokenFor(server.url, 'bob.approver'));
  ada = client(server.url, await tokenFor(server.url, 'ada.admin'));
  desk = await whole(alice, `mine=true&${PENDING}&include-approvers=true`);
});
afterAll(async () => {
  await server?.close();
});

/** Alice alone approves it, and ada (who acts as the admin) did not ask for it. */
const alone = (a: Approval) => isAccessRequest(a) && a.approvers!.length === 1 && a.requester?.identityID !== ADA.id;
const several = (n: number) => Array.from({ length: n }, () => take(desk, alone).id);

async function refused(call: Call, method: string, path: string, body: unknown, status: number, what: string) {
  const before = dumpDb(server.config.sandboxDb);
  const res = await call(method, path, body);
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  conforms(errorResponse, res.body);
  expect(errorText(res.body)).toContain(what);
  expect(dumpDb(server.config.sandboxDb)).toBe(before);
}

const statuses = async (ids: string[]) =>
  (await whole(ada, filters(`approvalId in (${ids.map((id) => `"${id}"`).join(', ')})`))).map((a) => a.status);

describe('bulk operations (ORG_ADMIN)', () => {
  it('bulk-approve and bulk-reject: 202 {}, each one decided by the admin in the waiting approver’s place', async () => {
    const ids = several(3);
    const res = await ada('POST', `${V2025}/bulk-approve`, { approvalIds: ids, comment: 'Quarter-end sweep.' });
    expect(res.status).toBe(202);
    conforms(accepted, res.body);
    expect(await statuses(ids)).toEqual(['APPROVED', 'APPROVED', 'APPROVED']);
    expect((await approvalOf(ada, ids[0]!)).approvedBy![0]!.identityID).toBe(ADA.id);
    const rejected = several(2);
    const rej = await ada('POST', `${V2025}/bulk-reject`, { approvalIds: rejected, comment: 'Duplicates.' });
    expect(rej.status).toBe(202);
    expect(await statuses(rejected)).toEqual(['REJECTED', 'REJECTED']);
  });

  it('bulk-reassign moves them to bob’s desk; bulk-cancel ends the ones that are not access requests', async () => {
    const ids = several(2);
    const res = await ada('POST', `${V2025}/bulk-reassign`, {
      approvalIds: ids,
      reassignFrom: ALICE.id,
      reassignTo: BOB.id,
    });
    expect(res.status).toBe(202);
    const bobs = (await pendingOf(bob)).map((a) => a.id);
    expect(ids.every((id) => bobs.includes(id))).toBe(true);
    const generic = take(desk, (a) => a.type === 'AGENT_ACTIVATE_APPROVAL');
    expect(
      (await ada('POST', `${V2025}/bulk-cancel`, { approvalIds: [generic.id], comment: 'Agent retired.' })).status,
    ).toBe(202);
    expect(await statuses([generic.id])).toEqual(['CANCELLED']);
    expect((await pendingOf(alice)).map((a) => a.id)).not.toContain(generic.id);
  });

  it('all or nothing: one unknown, decided or duplicated id, and not one of the others changes', async () => {
    const [a, b] = several(2);
    const decided = desk.find((d) => d.id === a)!;
    await refused(ada, 'POST', `${V2025}/bulk-approve`, { approvalIds: [a, 'f'.repeat(32)] }, 404, 'was not found');
    await refused(ada, 'POST', `${V2025}/bulk-approve`, { approvalIds: [a, a] }, 400, 'listed twice');
    expect((await alice('POST', `${V2025}/${b}/approve`)).status).toBe(200);
    await refused(ada, 'POST', `${V2025}/bulk-reject`, { approvalIds: [a, b], comment: 'x' }, 400, 'already approved');
    // a rejection its config wants a comment for
    await refused(ada, 'POST', `${V2025}/bulk-reject`, { approvalIds: [a] }, 400, 'requires a comment');
    const ar = take(desk, isAccessRequest);
    await refused(ada, 'POST', `${V2025}/bulk-cancel`, { approvalIds: [ar.id] }, 400, 'cancel the access request');
    expect(await statuses([decided.id])).toEqual(['PENDING']);
  });

  it('non-admins get 403; bodies out of bounds get 400 naming the bound', async () => {
    const [a] = several(1);
    for (const op of ['bulk-approve', 'bulk-reject', 'bulk-cancel', 'bulk-reassign']) {
      await refused(alice, 'POST', `${V2025}/${op}`, { approvalIds: [a], reassignTo: CAROL.id }, 403, 'Only an admin');
    }
    const many = Array.from({ length: 251 }, (_, i) => `id-${i}`);
    await refused(
      ada,
      'POST',
      `${V2025}/bulk-approve`,
      { approvalIds: many },
      400,
      'must NOT have more than 250 items',
    );
    await refused(ada, 'POST', `${V2025}/bulk-approve`, { approvalIds: [] }, 400, 'must NOT have fewer than 1 items');
    await refused(ada, 'POST', `${V2025}/bulk-approve`, {}, 400, 'approvalIds');
    await refused(ada, 'POST', `${V2025}/bulk-reassign`, { approvalIds: [a] }, 400, 'reassignTo');
  });
});

describe('approval configs', () => {
  const role = catalogueItemNamed('Finance Analyst');

  it('anyone reads a config: the kept one, else what the tenant’s approvals get', async () => {
    const type = await bob<ApprovalConfig>('GET', `${V2025}/config/ENTITLEMENT_DESCRIPTIONS`);
    expect(type.status).toBe(200);
    conforms(approvalConfig, type.body);
    expect(type.body.timeoutConfig).toEqual({ enabled: true, daysUntilTimeout: 30, timeoutResult: 'APPROVED' });
    const tenant = await bob<ApprovalConfig>('GET', `${V2025}/config/${SANDBOX_TENANT_ID}`);
    expect(tenant.body.timeoutConfig).toEqual({ enabled: true, daysUntilTimeout: 90, timeoutResult: 'EXPIRED' });
    expect(tenant.body.cronTimezone?.location).toBe('Europe/Berlin');
  });

  it('an admin puts a role’s config: approvals for it created afterwards expire after 3 days, approved', async () => {
    const put = await ada<ApprovalConfig>('PUT', `${V2025}/config/${role.id}/ROLE`, {
      timeoutConfig: { enabled: true, daysUntilTimeout: 3, timeoutResult: 'APPROVED' },
    });
    expect(put.status).toBe(200);
    conforms(approvalConfig, put.body);
    expect((await bob<ApprovalConfig>('GET', `${V2025}/config/${role.id}`)).body.timeoutConfig?.daysUntilTimeout).toBe(
      3,
    );
    const before = Date.now();
    const submitted = await bob('POST', '/v3/access-requests', {
      requestedFor: [CAROL.id],
      requestedItems: [{ type: 'ROLE', id: role.id, comment: 'Carol helps with the close.' }],
    });
    expect(submitted.status).toBe(202);
    const [created] = await whole(
      alice,
      `mine=true&${filters(`requesteeId eq "${CAROL.id}" and status eq "PENDING"`)}`,
    );
    expect(created!.approvalConfig?.timeoutConfig).toEqual({
      enabled: true,
      daysUntilTimeout: 3,
      timeoutResult: 'APPROVED',
    });
    const due = Date.parse(created!.dueDate!) - Date.parse(created!.createdDate!);
    expect(due).toBe(3 * DAY);
    expect(Date.parse(created!.createdDate!)).toBeGreaterThanOrEqual(before - 1000);
    // an approval made before keeps its own deadline
    const older = desk.find((a) => a.requestedTarget?.[0]?.id === role.id)!;
    expect((await approvalOf(ada, older.id)).dueDate).toBe(older.dueDate);
    expect((await ada('DELETE', `${V2025}/config/${role.id}/ROLE`)).status).toBe(204);
    await refused(ada, 'DELETE', `${V2025}/config/${role.id}/ROLE`, undefined, 404, 'No approval config');
  });

  it('refused: non-admins (403), unknown scopes, ids a scope cannot take, out-of-range values (400)', async () => {
    const config = { timeoutConfig: { enabled: true, daysUntilTimeout: 10 } };
    await refused(alice, 'PUT', `${V2025}/config/${role.id}/ROLE`, config, 403, 'Only an admin');
    await refused(
      alice,
      'DELETE',
      `${V2025}/config/ACCESS_REQUEST_APPROVAL/APPROVAL_TYPE`,
      undefined,
      403,
      'Only an admin',
    );
    await refused(ada, 'PUT', `${V2025}/config/${role.id}/PLANET`, config, 400, 'params.scope');
    await refused(ada, 'PUT', `${V2025}/config/COFFEE_BREAK/APPROVAL_TYPE`, config, 400, 'not an approval type');
    await refused(ada, 'PUT', `${V2025}/config/another-tenant/TENANT`, config, 400, 'TENANT scope');
    await refused(ada, 'PUT', `${V2025}/config/a%2Fb/ROLE`, config, 400, 'params.id');
    const over = { timeoutConfig: { daysUntilTimeout: 91 } };
    await refused(ada, 'PUT', `${V2025}/config/${role.id}/ROLE`, over, 400, 'daysUntilTimeout must be <= 90');
    const reminders = { reminderConfig: { maxReminders: 21 } };
    await refused(ada, 'PUT', `${V2025}/config/${role.id}/ROLE`, reminders, 400, 'maxReminders must be <= 20');
    const nobody = {
      escalationConfig: { escalationChain: [{ identityType: 'IDENTITY', identityId: 'f'.repeat(32) }] },
    };
    await refused(ada, 'PUT', `${V2025}/config/${role.id}/ROLE`, nobody, 400, 'No identity');
  });
});
