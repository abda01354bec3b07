// Seed data for the sandbox's Approvals service. The tenant has configs (entitlement descriptions expire after 30
// days and are then approved; account deletions need a comment and expire after 14 days; machine accounts escalate
// after 2 days), and alice's desk is written by hand so that every field the page must show appears: net-new
// access-request approvals (referenceType accessRequestId, ids of their own: never one of the legacy access-request
// approvals), account deletions, entitlement descriptions, a machine account, an approval type the page does not
// know; serial steps (one waiting on her, one on her after bob, one not yet hers) and parallel groups (1 of 3,
// 2 of 3, 50 %); every priority; due dates within days and months; escalations, reassignments, comment threads,
// several languages and a hostile comment. Her history has each ending: approved, rejected, expired, approved by
// its timeout, cancelled, and approved by someone else of her group. Deterministic: the same `now`, the same rows.
import type {
  ApprovalConfig,
  ApprovalPriority,
  ApprovalRequestedTarget,
  LocalizedText,
} from '../../../contract/generic-approvals.ts';
import { ACCESS_REQUEST_REFERENCE } from '../../../contract/generic-approvals.ts';
import {
  catalogueItemNamed,
  approversFor,
  CATALOGUE,
  type CatalogueItem,
} from '../access-request-submissions/catalogue.ts';
import { getMeta, setMeta } from '../db.ts';
import { ADA, ALICE, BOB, CAROL, REQUESTERS, identity, type SandboxIdentity } from '../identities.ts';
import { prng, type Rng } from '../prng.ts';
import type { Criterion, NewApproval } from './lifecycle.ts';
import type { GenericApprovalStore } from './store.ts';
import { SANDBOX_TENANT_ID } from '../oauth/tokens.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const SEEDED_META = 'generic_approvals_seeded_at';

/** The tenant's approval configs, kept where GET …/config/{id} shows them. */
const CONFIGS: [id: string, scope: 'APPROVAL_TYPE' | 'ROLE' | 'TENANT', config: ApprovalConfig][] = [
  [
    'ENTITLEMENT_DESCRIPTIONS',
    'APPROVAL_TYPE',
    { timeoutConfig: { enabled: true, daysUntilTimeout: 30, timeoutResult: 'APPROVED' }, requiresComment: 'REJECTION' },
  ],
  [
    'ACCOUNT_DELETE_APPROVAL_REQUEST',
    'APPROVAL_TYPE',
    { timeoutConfig: { enabled: true, daysUntilTimeout: 14, timeoutResult: 'EXPIRED' }, requiresComment: 'ALL' },
  ],
  [
    'MACHINE_ACCOUNT_CREATE_APPROVAL_REQUEST',
    'APPROVAL_TYPE',
    {
      timeoutConfig: { enabled: true, daysUntilTimeout: 7, timeoutResult: 'EXPIRED' },
      escalationConfig: {
        enabled: true,
        daysUntilFirstEscalation: 2,
        escalationCronSchedule: '@every 48h',
        escalationChain: [{ identityId: ALICE.id, identityType: 'IDENTITY' }],
      },
      reminderConfig: { enabled: true, daysUntilFirstReminder: 1, reminderCronSchedule: '@every 24h', maxReminders: 3 },
    },
  ],
  ['ACCESS_REQUEST_APPROVAL', 'APPROVAL_TYPE', { requiresComment: 'REJECTION' }],
  [
    catalogueItemNamed('Payroll Administrator').id,
    'ROLE',
    { timeoutConfig: { enabled: true, daysUntilTimeout: 21, timeoutResult: 'EXPIRED' } },
  ],
  [SANDBOX_TENANT_ID, 'TENANT', { cronTimezone: { location: 'Europe/Berlin', offset: '+01:00' } }],
];

type Locales = Partial<Record<'en_US' | 'de_DE' | 'fr_FR' | 'ja_JP' | 'es_ES', string>>;
const texts = (by: Locales): LocalizedText[] => Object.entries(by).map(([locale, value]) => ({ value, locale }));

interface Event {
  /** Hours after the approval was created (kept before now and before its deadline). */
  afterHours: number;
  do:
    | { comment: string; by: SandboxIdentity }
    | { decide: 'APPROVED' | 'REJECTED'; by: SandboxIdentity; comment?: string }
    | { reassign: SandboxIdentity; to: SandboxIdentity; by: SandboxIdentity | null; comment?: string }
    | { cancel: SandboxIdentity; comment: string };
}

interface SeedApproval {
  approval: Omit<NewApproval, 'id'>;
  ageDays: number;
  events?: Event[];
}

class Seeder {
  readonly rng: Rng;

  constructor(
    private readonly store: GenericApprovalStore,
    private readonly now: number,
  ) {
    this.rng = prng(20250301);
  }

  uuid(): string {
    const h = this.rng.hex();
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
  }

  add({ approval, ageDays, events = [] }: SeedApproval): string {
    const life = this.store.lifecycle;
    const created = this.now - Math.round(ageDays * DAY);
    const id = life.create({ ...approval, id: this.uuid() }, created);
    const due = life.row(id)!.due;
    const end = Math.min(this.now - 60_000, due ? Date.parse(due) - 60_000 : Infinity);
    for (const e of events) {
      const at = Math.min(created + e.afterHours * HOUR, end);
      const act = e.do;
      if ('comment' in act && !('decide' in act) && !('cancel' in act) && !('reassign' in act)) {
        life.addComment(id, act.by.id, act.comment, at, this.uuid());
      } else if ('decide' in act) {
        if (act.comment) life.addComment(id, act.by.id, act.comment, at, this.uuid());
        life.decide(id, act.by.id, act.decide, at);
      } else if ('reassign' in act) {
        const commentId = act.comment
          ? life.addComment(id, (act.by ?? act.reassign).id, act.comment, at, this.uuid())
          : null;
        const type = act.by ? 'MANUAL_REASSIGNMENT' : 'ESCALATION';
        life.reassign(id, act.reassign.id, act.to.id, act.by?.id ?? null, type, commentId, at);
      } else {
        life.addComment(id, act.cancel.id, act.comment, at, this.uuid());
        life.cancel(id, at);
      }
    }
    return id;
  }

  /** A net-new access-request approval for a catalogue item, as a submitted request would have made it. */
  accessRequest(
    itemName: string,
    requestee: SandboxIdentity,
    opts: {
      requester?: SandboxIdentity;
      justification?: string;
      names?: (item: CatalogueItem) => Locales;
      description?: Locales;
      priority?: ApprovalPriority;
      approvers?: SandboxIdentity[];
      approve?: Criterion;
      reject?: Criterion;
      removalInDays?: number;
    } = {},
  ): Omit<NewApproval, 'id'> {
    const item = catalogueItemNamed(itemName);
    const requester = opts.requester ?? requestee;
    const scheme = approversFor(item, requestee);
    const names = opts.names?.(item) ?? {
      en_US: `${item.name} for ${requestee.name}`,
      de_DE: `${item.name} für ${requestee.name}`,
      fr_FR: `${item.name} pour ${requestee.name}`,
    };
    const target: ApprovalRequestedTarget = {
      id: item.id,
      name: item.name,
      targetType: item.type,
      requestType: 'GRANT_ACCESS',
      reauthRequired: item.priority === 'HIGH',
      ...(opts.removalInDays ? { removalDate: new Date(this.now + opts.removalInDays * DAY).toISOString() } : {}),
    };
    return {
      type: 'ACCESS_REQUEST_APPROVAL',
      priority: opts.priority ?? item.priority,
      name: texts(names),
      description: texts(opts.description ?? { en_US: item.description }),
      requesterId: requester.id,
      requesteeId: requestee.id,
      criteria: opts.approvers ? 'PARALLEL' : scheme.criteria,
      approvers: opts.approvers?.map((a) => a.id) ?? scheme.approvers,
      approve: opts.approve,
      reject: opts.reject,
      reference: { type: ACCESS_REQUEST_REFERENCE, id: this.rng.hex(), name: 'Access Request' },
      requestedTarget: [target],
      additionalAttributes: opts.justification ? { justification: opts.justification } : {},
      staticAttributes: { serviceName: 'AccessRequestService', requestedAppName: item.app },
      configTargets: [[item.type, item.id]],
    };
  }

  /** A generated access-request approval that waits on (or was decided by) `approver`. */
  random(approver: SandboxIdentity, decided?: 'APPROVED' | 'REJECTED'): string {
    const r = this.rng;
    const items = CATALOGUE.filter(
      (i) => i.scheme.kind === 'owner' && i.owner.id === approver.id && i.name !== 'Payroll Administrator',
    );
    const requestee = r.pick(REQUESTERS.filter((i) => i.identityState === 'ACTIVE'));
    const item = items.length ? r.pick(items) : r.pick(CATALOGUE.filter((i) => i.scheme.kind === 'owner'));
    const base = this.accessRequest(item.name, requestee, {
      // an admin's own desk gets only requests made by the requestee
      requester: r.next() < 0.6 || approver.id === ADA.id ? requestee : ADA,
      justification: r.pick(JUSTIFICATIONS),
      approvers: [approver],
    });
    const ageDays = r.int(1, decided ? 80 : 60) + r.next();
    const events: Event[] = decided
      ? [{ afterHours: r.int(2, 48), do: { decide: decided, by: approver, comment: r.pick(DECISION_COMMENTS) } }]
      : [];
    return this.add({ approval: base, ageDays, events });
  }
}

const JUSTIFICATIONS = [
  'Needed for the quarter-end close.',
  'Joining the payments team next week.',
  'Covering for a colleague on parental leave until September.',
  'Internal audit asked for this evidence by Friday.',
  'Role change approved by HR (ticket HR-2291).',
];
const DECISION_COMMENTS = ['Approved for the project.', 'OK until the end of the quarter.', 'Rejected: not needed.'];

const account = (name: string, requestType: string): ApprovalRequestedTarget => ({
  id: name
    .replace(/[^a-z0-9]/gi, '')
    .toLowerCase()
    .slice(0, 24)
    .padEnd(24, '0'),
  name,
  targetType: 'ACCOUNT',
  requestType,
  reauthRequired: false,
});

function seedAlicePending(s: Seeder) {
  const [priya, hannah, marcus, diego, kenji, omar, lucas, sofia, noah, grace, amara, liam] = [
    'priya.raman',
    'hannah.muller',
    'marcus.chen',
    'diego.alvarez',
    'kenji.tanaka',
    'omar.haddad',
    'lucas.dubois',
    'sofia.rossi',
    'noah.williams',
    'grace.kim',
    'amara.okafor',
    'liam.oconnor',
  ].map(identity);
  const group = [ALICE, BOB, CAROL];

  s.add({
    approval: s.accessRequest('Finance Analyst', priya, { justification: 'Needed for the quarter-end close.' }),
    ageDays: 2,
    events: [{ afterHours: 0, do: { comment: 'Needed for the quarter-end close.', by: priya } }],
  });
  // serial: bob (Marcus's manager) approved; now it is alice's step
  s.add({
    approval: s.accessRequest('Workday - Compensation Approver', marcus, { requester: marcus }),
    ageDays: 6,
    events: [{ afterHours: 20, do: { decide: 'APPROVED', by: BOB, comment: 'Marcus leads the comp review now.' } }],
  });
  // due within days (90-day timeout)
  s.add({
    approval: s.accessRequest('SAP - Vendor Master Maintenance', priya, {
      justification: 'Vendor onboarding backlog.',
    }),
    ageDays: 86,
  });
  s.add({ approval: s.accessRequest('AWS - Billing Read-Only', diego, { requester: CAROL }), ageDays: 9 });
  s.add({
    approval: s.accessRequest('AWS - Billing Read-Only', kenji, { justification: 'FinOps rotation.' }),
    ageDays: 20,
  });
  s.add({ approval: s.accessRequest('Finance Analyst', omar, { requester: ADA, priority: 'HIGH' }), ageDays: 88.6 });
  s.add({
    approval: s.accessRequest('Finance Analyst', lucas, { approvers: [BOB] }),
    ageDays: 4,
    events: [
      {
        afterHours: 5,
        do: { reassign: BOB, to: ALICE, by: BOB, comment: 'Alice owns the Finance Analyst role now.' },
      },
    ],
  });
  s.add({
    approval: s.accessRequest('SAP - Vendor Master Maintenance', hannah, {
      requester: hannah,
      description: {
        en_US: 'SAP role Z_FI_VENDOR_MAINT: create and change vendor master records.',
        de_DE: 'SAP-Rolle Z_FI_VENDOR_MAINT: Kreditorenstammdaten anlegen und ändern.',
      },
    }),
    ageDays: 11,
    events: [
      { afterHours: 0, do: { comment: 'For the supplier consolidation project.', by: hannah } },
      { afterHours: 26, do: { comment: 'Does this clash with your AP clerk access?', by: ALICE } },
      { afterHours: 30, do: { comment: 'No: the AP clerk role was removed last week.', by: hannah } },
    ],
  });
  // serial: ada (Sofia has no manager) approved; now alice
  s.add({
    approval: s.accessRequest('Payroll Administrator', sofia, { requester: sofia }),
    ageDays: 3,
    events: [{ afterHours: 8, do: { decide: 'APPROVED', by: ADA } }],
  });
  // serial: carol (Noah's manager) has not decided: not on alice's desk yet
  s.add({ approval: s.accessRequest('Workday - Compensation Approver', noah, { requester: CAROL }), ageDays: 2 });
  s.add({
    approval: s.accessRequest('Finance Analyst', grace, { requester: grace }),
    ageDays: 1.5,
    events: [
      {
        afterHours: 0,
        do: {
          comment: '<script>alert("owned")</script> <img src=x onerror="alert(1)"> \u202Eexe.txt\u202C — please 🙏',
          by: grace,
        },
      },
    ],
  });
  s.add({
    approval: s.accessRequest('Finance Analyst', amara, {
      names: (item) => ({ ja_JP: `${item.name}（アマラ・オカフォー）`, de_DE: `${item.name} für Amara Okafor` }),
    }),
    ageDays: 7,
  });
  // 2 of 3: bob approved, one more needed
  s.add({
    approval: s.accessRequest('AWS - Billing Read-Only', liam, {
      approvers: group,
      approve: { calculationType: 'COUNT', value: 2 },
      reject: { calculationType: 'COUNT', value: 2 },
      removalInDays: 90,
    }),
    ageDays: 5,
    events: [{ afterHours: 3, do: { decide: 'APPROVED', by: BOB } }],
  });

  // account deletions (14 days, comment required either way)
  const deletion = (
    owner: SandboxIdentity,
    target: ApprovalRequestedTarget,
    by: SandboxIdentity,
    priority: ApprovalPriority,
  ) => ({
    type: 'ACCOUNT_DELETE_APPROVAL_REQUEST',
    priority,
    name: texts({ en_US: `Delete account ${target.name}`, de_DE: `Konto ${target.name} löschen` }),
    description: texts({ en_US: `${owner.name} left the company: their account is to be deleted.` }),
    requesterId: by.id,
    requesteeId: owner.id,
    criteria: 'PARALLEL' as const,
    approvers: [ALICE.id],
    requestedTarget: [target],
    staticAttributes: { serviceName: 'AccountService', sourceName: target.name?.split(' on ')[1] ?? '' },
  });
  s.add({
    approval: deletion(liam, account("CN=Liam O'Connor on Active Directory", 'DELETE'), ADA, 'MEDIUM'),
    ageDays: 2,
  });
  s.add({ approval: deletion(omar, account('omar.haddad on Salesforce', 'DELETE'), ADA, 'LOW'), ageDays: 9 });
  s.add({ approval: deletion(grace, account('gkim on GitHub', 'DELETE'), ADA, 'HIGH'), ageDays: 12.5 });

  // entitlement descriptions (30 days, then approved by the timeout)
  const description = (name: string, generated: string, ageDays: number, priority: ApprovalPriority) =>
    s.add({
      approval: {
        type: 'ENTITLEMENT_DESCRIPTIONS',
        priority,
        name: texts({ en_US: `Description of ${name}`, fr_FR: `Description de ${name}` }),
        description: texts({ en_US: 'A generated description waits for the entitlement owner to confirm it.' }),
        requesterId: null,
        requesteeId: null,
        criteria: 'PARALLEL',
        approvers: [ALICE.id],
        requestedTarget: [{ id: s.rng.hex(), name, targetType: 'ENTITLEMENT', requestType: 'UPDATE_DESCRIPTION' }],
        additionalAttributes: { llm_description: generated, previous_description: '' },
      },
      ageDays,
    });
  description('SAP - Z_FI_GL_DISPLAY', 'Displays general ledger balances and line items in SAP FI.', 5, 'LOW');
  description(
    'Workday - Payroll Viewer',
    'Reads payroll results and pay slips of the Finance organisation.',
    20,
    'MEDIUM',
  );
  description(
    'AWS - billing-admins',
    'Manages budgets, invoices and payment methods of every AWS account.',
    27,
    'HIGH',
  );

  // a machine account, escalated from carol to alice after two days
  s.add({
    approval: {
      type: 'MACHINE_ACCOUNT_CREATE_APPROVAL_REQUEST',
      priority: 'HIGH',
      name: texts({ en_US: 'Create machine account svc-payments-batch on AWS' }),
      description: texts({ en_US: 'A service account for the nightly payment batch, owned by the payments team.' }),
      requesterId: BOB.id,
      requesteeId: null,
      criteria: 'PARALLEL',
      approvers: [CAROL.id],
      requestedTarget: [account('svc-payments-batch on AWS', 'CREATE')],
      staticAttributes: { serviceName: 'MachineAccountService', owner: { team: 'Payments', costCentre: 'CC-4410' } },
    },
    ageDays: 3,
    events: [{ afterHours: 48, do: { reassign: CAROL, to: ALICE, by: null } }],
  });
  // a type the page does not know
  s.add({
    approval: {
      type: 'AGENT_ACTIVATE_APPROVAL',
      priority: 'MEDIUM',
      name: texts({ en_US: 'Activate AI agent "Invoice Matcher"', es_ES: 'Activar el agente "Invoice Matcher"' }),
      description: texts({ en_US: 'The agent matches supplier invoices to purchase orders in SAP.' }),
      requesterId: identity('kenji.tanaka').id,
      requesteeId: null,
      criteria: 'PARALLEL',
      approvers: [ALICE.id],
      additionalAttributes: { model: 'invoice-matcher-2', scopes: 'sap.read sap.invoices.write' },
      staticAttributes: { serviceName: 'AgentService', agent: { id: 'agt-7781', version: '2.3.0' } },
    },
    ageDays: 1,
  });
  // serial, alice first and then bob
  s.add({
    approval: {
      type: 'GENERIC_APPROVAL',
      priority: 'HIGH',
      name: texts({ en_US: 'Quarter-end journal entry over €1M', de_DE: 'Quartalsabschluss-Buchung über 1 Mio. €' }),
      description: texts({ en_US: 'Manual journal JE-2291 moves €1.4M between cost centres; two sign-offs required.' }),
      requesterId: priya.id,
      requesteeId: null,
      criteria: 'SERIAL',
      approvers: [ALICE.id, BOB.id],
      batch: { id: s.uuid(), size: 2 },
    },
    ageDays: 0.5,
  });
  // half of four must approve
  s.add({
    approval: {
      type: 'GENERIC_APPROVAL',
      priority: 'LOW',
      name: texts({ en_US: 'Firewall change CHG-1182' }),
      description: texts({ en_US: 'Open TCP 443 from the partner network to the invoice portal.' }),
      requesterId: identity('omar.haddad').id,
      requesteeId: null,
      criteria: 'PARALLEL',
      approvers: [ALICE.id, BOB.id, CAROL.id, ADA.id],
      approve: { calculationType: 'PERCENT', value: 50 },
      reject: { calculationType: 'PERCENT', value: 50 },
    },
    ageDays: 6,
    events: [{ afterHours: 10, do: { decide: 'APPROVED', by: CAROL, comment: 'Fine from the sales side.' } }],
  });
  for (let i = 0; i < 5; i++) s.random(ALICE);
}

function seedAliceCompleted(s: Seeder) {
  const [marcus, diego, hannah, omar, kenji] = [
    'marcus.chen',
    'diego.alvarez',
    'hannah.muller',
    'omar.haddad',
    'kenji.tanaka',
  ].map(identity);
  s.add({
    approval: s.accessRequest('Finance Analyst', marcus),
    ageDays: 12,
    events: [{ afterHours: 30, do: { decide: 'APPROVED', by: ALICE, comment: 'Approved: matches his new role.' } }],
  });
  s.add({
    approval: s.accessRequest('SAP - Vendor Master Maintenance', diego),
    ageDays: 25,
    events: [{ afterHours: 4, do: { decide: 'REJECTED', by: ALICE, comment: 'Rejected: sales has no vendor work.' } }],
  });
  // expired 5 days ago (90 days, rejected by the timeout)
  s.add({ approval: s.accessRequest('Finance Analyst', hannah), ageDays: 95 });
  // approved by its timeout (entitlement descriptions: 30 days, APPROVED)
  s.add({
    approval: {
      type: 'ENTITLEMENT_DESCRIPTIONS',
      priority: 'LOW',
      name: texts({ en_US: 'Description of SAP - Z_FI_AP_DISPLAY' }),
      description: texts({ en_US: 'A generated description waits for the entitlement owner to confirm it.' }),
      requesterId: null,
      requesteeId: null,
      criteria: 'PARALLEL',
      approvers: [ALICE.id],
      requestedTarget: [
        {
          id: s.rng.hex(),
          name: 'SAP - Z_FI_AP_DISPLAY',
          targetType: 'ENTITLEMENT',
          requestType: 'UPDATE_DESCRIPTION',
        },
      ],
      additionalAttributes: { llm_description: 'Displays accounts payable documents in SAP FI.' },
    },
    ageDays: 33,
  });
  // 1 of 3: bob approved first
  s.add({
    approval: s.accessRequest('AWS - Billing Read-Only', omar),
    ageDays: 15,
    events: [{ afterHours: 6, do: { decide: 'APPROVED', by: BOB, comment: 'Standard FinOps access.' } }],
  });
  s.add({
    approval: {
      type: 'GENERIC_APPROVAL',
      priority: 'MEDIUM',
      name: texts({ en_US: 'Budget transfer BT-0921' }),
      description: texts({ en_US: 'Move €20k of travel budget to training.' }),
      requesterId: kenji.id,
      requesteeId: null,
      criteria: 'PARALLEL',
      approvers: [ALICE.id],
    },
    ageDays: 18,
    events: [{ afterHours: 40, do: { cancel: ADA, comment: 'Withdrawn: the training was cancelled.' } }],
  });
  s.add({
    approval: {
      type: 'ACCOUNT_DELETE_APPROVAL_REQUEST',
      priority: 'LOW',
      name: texts({ en_US: 'Delete account dalvarez-old on Active Directory' }),
      description: texts({ en_US: 'A duplicate account found by the quarterly review.' }),
      requesterId: ADA.id,
      requesteeId: diego.id,
      criteria: 'PARALLEL',
      approvers: [ALICE.id],
      requestedTarget: [account('dalvarez-old on Active Directory', 'DELETE')],
    },
    ageDays: 10,
    events: [{ afterHours: 2, do: { decide: 'APPROVED', by: ALICE, comment: 'Confirmed duplicate; delete it.' } }],
  });
  for (let i = 0; i < 3; i++) s.random(ALICE, i === 1 ? 'REJECTED' : 'APPROVED');
}

function seedOthers(s: Seeder) {
  const liam = identity('liam.oconnor');
  const marcus = identity('marcus.chen');
  s.add({ approval: s.accessRequest('Platform Engineer', marcus), ageDays: 4 });
  s.add({ approval: s.accessRequest('GitHub - acme/payments write', liam), ageDays: 1 });
  s.add({ approval: s.accessRequest('Sales Operations', identity('noah.williams')), ageDays: 8 });
  s.add({ approval: s.accessRequest('Okta - Tableau Users', identity('diego.alvarez')), ageDays: 16 });
  s.add({ approval: s.accessRequest('Payroll Administrator', identity('lucas.dubois')), ageDays: 2 });
  for (const [who, pending, decided] of [
    [BOB, 3, 2],
    [CAROL, 2, 2],
    [ADA, 2, 1],
  ] as const) {
    for (let i = 0; i < pending; i++) s.random(who);
    for (let i = 0; i < decided; i++) s.random(who, i % 2 ? 'REJECTED' : 'APPROVED');
  }
}

/** Seeds the Approvals service (configs, approvals); `scale` adds a tenth as many pending approvals for alice. */
export function seedGenericApprovals(store: GenericApprovalStore, scale = 0): void {
  const now = store.clock.now();
  const s = new Seeder(store, now);
  store.write(() => {
    if (getMeta(store.db, SEEDED_META)) return;
    for (const [id, scope, config] of CONFIGS)
      store.configs.put(id, scope, config, new Date(now - 120 * DAY).toISOString());
    seedAlicePending(s);
    seedAliceCompleted(s);
    seedOthers(s);
    for (let i = 0; i < Math.floor(scale / 10); i++) s.random(ALICE);
    // What the seed's past made expire expires now (its deadline passed before the seed's now).
    store.lifecycle.expireDue(now);
    setMeta(store.db, SEEDED_META, new Date(now).toISOString());
  });
}

/** Seeds once per database (a later start, or decisions that emptied the queues, never reseeds). */
export function ensureGenericApprovalsSeeded(store: GenericApprovalStore, scale = 0): void {
  if (getMeta(store.db, SEEDED_META)) return;
  seedGenericApprovals(store, scale);
}
