import { describe, expect, it } from 'vitest';
import type { WorkItem } from '../../../../contract/work-items.ts';
import { filterRows, matchRows, NO_FILTER } from '../../../lib/queue/query-index.ts';
import { SEARCH_TEXT_LIMIT } from '../../../lib/queue/row.ts';
import { workItemRow } from './queue-row.ts';

const approval: WorkItem = {
  id: 'w-approval-1',
  name: 'Access request: 2 items for Priya Patel',
  description: 'Marcus Chen requested access for Priya Patel on Workday: quarter close.',
  requesterDisplayName: 'Marcus Chen',
  ownerId: 'alice',
  ownerName: 'Alice Approver',
  created: '2025-01-02T03:04:05.000Z',
  type: 'Approval',
  state: 'Pending',
  approvalItems: [
    {
      id: 'a1',
      application: 'Workday',
      account: 'ppatel',
      name: 'securityGroup',
      value: 'Payroll Admin',
      state: 'Pending',
    },
    { id: 'a2', application: 'Okta', account: 'priya@acme', name: 'group', value: 'VPN Users', state: 'Finished' },
  ],
};
const remediation: WorkItem = {
  id: 'w-remediation-1',
  name: 'Manual provisioning on SAP for Jonas Berg',
  type: 'Generic',
  state: 'Pending',
  requesterDisplayName: 'Ann Lee',
  remediationItems: [
    {
      id: 'r1',
      targetDisplayName: 'Jonas Berg',
      applicationName: 'SAP',
      attributeName: 'role',
      attributeValue: 'SAP_FI_ACCOUNTANT',
      nativeIdentity: 'JBERG01',
    },
  ],
};

const find = (q: string) =>
  filterRows([workItemRow(approval), workItemRow(remediation)], { ...NO_FILTER, q }, Date.now()).map((r) => r.id);

describe('workItemRow', () => {
  it('keeps the listed fields and what may be done, not the payload', () => {
    const row = workItemRow(approval);
    expect(row).toMatchObject({
      kind: 'work-item',
      id: 'w-approval-1',
      requester: 'Marcus Chen',
      typeLabel: 'Approval',
      created: Date.parse('2025-01-02T03:04:05.000Z'),
      pendingCount: 1,
      itemCount: 2,
      applications: ['Workday', 'Okta'],
      can: { approve: true, reject: true, complete: false, forward: true },
    });
    expect(Object.keys(row)).not.toContain('approvalItems');
    expect(workItemRow(remediation)).toMatchObject({
      requestedFor: 'Jonas Berg',
      can: { approve: false, reject: false, complete: true, forward: true },
    });
    // an approval names no one in v3: its name does
    expect(workItemRow(approval).requestedFor).toBe('Priya Patel');
  });

  it('the search covers name, description, requester, requested-for, application, account, attribute, value and id', () => {
    expect(find('2 items for priya')).toEqual(['w-approval-1']); // name
    expect(find('quarter close')).toEqual(['w-approval-1']); // description
    expect(find('ann lee')).toEqual(['w-remediation-1']); // requester
    expect(find('jonas berg')).toEqual(['w-remediation-1']); // requested for
    expect(find('okta')).toEqual(['w-approval-1']); // application
    expect(find('ppatel')).toEqual(['w-approval-1']); // account
    expect(find('jberg01')).toEqual(['w-remediation-1']); // account (native identity)
    expect(find('securitygroup')).toEqual(['w-approval-1']); // attribute
    expect(find('vpn users')).toEqual(['w-approval-1']); // value
    expect(find('sap_fi_accountant')).toEqual(['w-remediation-1']); // value
    expect(find('w-remediation-1')).toEqual(['w-remediation-1']); // id
  });

  it('a huge name or description does not push the short fields (the id) out of the capped search text', () => {
    const long = { ...approval, id: 'w-long-1', name: 'Z'.repeat(5_000), description: 'Y '.repeat(3_000) };
    const row = workItemRow(long);
    expect(row.search).toContain('w-long-1');
    expect(row.search).toContain('marcus chen');
    expect(row.search).toContain('ppatel');
  });

  it('a work item with 5,000 approval items: its own text capped, every approval item findable on its own', () => {
    const big: WorkItem = {
      ...approval,
      approvalItems: Array.from({ length: 5_000 }, (_, i) => ({
        id: `x${i}`,
        application: `App ${i % 50}`,
        account: `account-${i}`,
        name: 'memberOf',
        value: i % 450 === 7 ? 'acme/platform-admins' : `CN=Group ${i},OU=Groups,DC=acme,DC=local`,
        state: 'Pending' as const,
      })),
    };
    const row = workItemRow(big);
    expect(row.ownEnd).toBeLessThanOrEqual(SEARCH_TEXT_LIMIT);
    expect(row.applications.length).toBeLessThanOrEqual(20);
    expect(row.pendingCount).toBe(5_000);
    expect(row.subItems).toHaveLength(5_000);
    // one row of about a hundred bytes per approval item (no payload kept)
    expect(JSON.stringify(row).length).toBeLessThan(5_000 * 150);
    const { rows, partial } = matchRows([row], { ...NO_FILTER, q: 'platform-admins' }, Date.now());
    expect(rows).toHaveLength(1);
    const matched = big.approvalItems!.filter((a) => a.value === 'acme/platform-admins').map((a) => a.id);
    expect(matched).toHaveLength(12);
    expect(partial.get(big.id)).toEqual(matched);
    // a term of the work item's own text matches all of it; with another term, the approval items that have it
    expect(matchRows([row], { ...NO_FILTER, q: 'marcus' }, Date.now()).partial.size).toBe(0);
    expect(matchRows([row], { ...NO_FILTER, q: 'marcus account-4999' }, Date.now()).partial.get(big.id)).toEqual([
      'x4999',
    ]);
    // the application filter keeps that application's approval items
    expect(matchRows([row], { ...NO_FILTER, application: 'App 3' }, Date.now()).partial.get(big.id)).toHaveLength(100);
  });
});
