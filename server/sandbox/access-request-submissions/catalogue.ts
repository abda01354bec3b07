// What can be requested in the sandbox tenant, and who approves it: each role, access profile and entitlement
// has an owner, and an approval scheme — the owner alone, the requestee's manager and then the owner (serial),
// or any one of a group of owners (parallel, "1 of 3"). Fixed ids (32 hex, like ISC's) so that tests, demos and
// the README can name them. A submitted access request starts one approval per item and identity from here.
import type { RequestableObjectType } from '../../../contract/access-requests.ts';
import type { ApprovalPriority } from '../../../contract/generic-approvals.ts';
import { ADA, ALICE, BOB, CAROL, identityByAlias, type SandboxIdentity } from '../identities.ts';

export type ApprovalScheme =
  { kind: 'owner' } | { kind: 'manager-then-owner' } | { kind: 'any-of'; group: readonly SandboxIdentity[] };

export interface CatalogueItem {
  id: string;
  type: RequestableObjectType;
  name: string;
  description: string;
  /** The application (ISC source) it grants access on. */
  app: string;
  owner: SandboxIdentity;
  scheme: ApprovalScheme;
  priority: ApprovalPriority;
}

const item = (
  id: string,
  type: RequestableObjectType,
  name: string,
  app: string,
  owner: SandboxIdentity,
  scheme: ApprovalScheme,
  priority: ApprovalPriority,
  description: string,
): CatalogueItem => ({ id, type, name, app, owner, scheme, priority, description });

const OWNER = { kind: 'owner' } as const;
const MANAGER_THEN_OWNER = { kind: 'manager-then-owner' } as const;
const FINANCE_OWNERS = { kind: 'any-of', group: [ALICE, BOB, CAROL] } as const;

export const CATALOGUE: readonly CatalogueItem[] = [
  item(
    '6a3f1c0d9b2e4f5a8c7d1e2f3a4b5c6d',
    'ROLE',
    'Finance Analyst',
    'SAP ERP',
    ALICE,
    OWNER,
    'LOW',
    'Read-only general ledger, accounts payable and receivable reports in SAP ERP and Workday Financials.',
  ),
  item(
    '7b4e2d1c0a3f4e6b9d8c2f1e4a5b6c7d',
    'ROLE',
    'Payroll Administrator',
    'Workday',
    ALICE,
    MANAGER_THEN_OWNER,
    'HIGH',
    "Runs and corrects payroll in Workday; sees every employee's compensation.",
  ),
  item(
    '8c5f3e2d1b4a4f7c0e9d3a2f5b6c7d8e',
    'ROLE',
    'Platform Engineer',
    'GitHub',
    BOB,
    OWNER,
    'MEDIUM',
    'GitHub acme/platform team, AWS PowerUser in the staging account and the corporate VPN.',
  ),
  item(
    '9d6a4f3e2c5b4a8d1f0e4b3a6c7d8e9f',
    'ROLE',
    'Sales Operations',
    'Salesforce',
    CAROL,
    OWNER,
    'LOW',
    'Salesforce Sales Manager profile with Forecast Manager, and a Tableau licence.',
  ),
  item(
    '0e7b5a4f3d6c4b9e2a1f5c4b7d8e9f0a',
    'ACCESS_PROFILE',
    'Salesforce - Sales Manager',
    'Salesforce',
    CAROL,
    OWNER,
    'LOW',
    'Salesforce Sales Manager profile: opportunities, accounts and reports of the whole team.',
  ),
  item(
    '1f8c6b5a4e7d4c0f3b2a6d5c8e9f0a1b',
    'ACCESS_PROFILE',
    'AWS - Billing Read-Only',
    'AWS',
    ALICE,
    FINANCE_OWNERS,
    'MEDIUM',
    'Cost Explorer and the billing console of every AWS account, read-only.',
  ),
  item(
    '2a9d7c6b5f8e4d1a4c3b7e6d9f0a1b2c',
    'ACCESS_PROFILE',
    'Okta - Tableau Users',
    'Okta',
    CAROL,
    OWNER,
    'LOW',
    'Single sign-on to Tableau Cloud.',
  ),
  item(
    '3b0e8d7c6a9f4e2b5d4c8f7e0a1b2c3d',
    'ENTITLEMENT',
    'SAP - Vendor Master Maintenance',
    'SAP ERP',
    ALICE,
    OWNER,
    'HIGH',
    'SAP role Z_FI_VENDOR_MAINT: create and change vendor master records.',
  ),
  item(
    '4c1f9e8d7b0a4f3c6e5d9a8f1b2c3d4e',
    'ENTITLEMENT',
    'GitHub - acme/payments write',
    'GitHub',
    BOB,
    OWNER,
    'MEDIUM',
    'Write access to the acme/payments repository.',
  ),
  item(
    '5d2a0f9e8c1b4a4d7f6e0b9a2c3d4e5f',
    'ENTITLEMENT',
    'Workday - Compensation Approver',
    'Workday',
    ALICE,
    MANAGER_THEN_OWNER,
    'HIGH',
    'Workday role: approve compensation changes for the Finance organisation.',
  ),
];

const byId = new Map(CATALOGUE.map((i) => [i.id, i]));

export function catalogueItem(id: string): CatalogueItem | undefined {
  return byId.get(id);
}

/** One catalogue item by name (seed and tests); throws for a name this file does not define. */
export function catalogueItemNamed(name: string): CatalogueItem {
  const found = CATALOGUE.find((i) => i.name === name);
  if (!found) throw new Error(`No catalogue item "${name}"`);
  return found;
}

/**
 * Who approves `item` for `requestee`, in order: SERIAL steps, or the PARALLEL group. A requestee without a
 * manager skips the manager's step (ada, the admin, when it would leave nobody).
 */
export function approversFor(
  item: CatalogueItem,
  requestee: SandboxIdentity,
): { criteria: 'SERIAL' | 'PARALLEL'; approvers: string[] } {
  switch (item.scheme.kind) {
    case 'owner':
      return { criteria: 'PARALLEL', approvers: [item.owner.id] };
    case 'any-of':
      return { criteria: 'PARALLEL', approvers: item.scheme.group.map((i) => i.id) };
    case 'manager-then-owner': {
      const manager = requestee.managerAlias ? identityByAlias(requestee.managerAlias) : undefined;
      const chain = [manager?.id ?? ADA.id, item.owner.id];
      return { criteria: 'SERIAL', approvers: chain[0] === chain[1] ? [chain[1]] : chain };
    }
  }
}
