// Seed data for the sandbox's access-request approvals: roles, access profiles and entitlements on the demo
// tenant's applications, requested for the sandbox identities. Alice's queue is written by hand so that every
// field the page must show appears at least once (SOD violations, remove and start dates, earlier reviewers,
// forward history of every kind, comments required on rejection, a request without a comment, a hostile
// comment); the other approvers get a few generated ones. Deterministic: the same `now` gives the same rows.
import { getMeta, setMeta, type Db } from '../db.ts';
import { ADA, ALICE, BOB, CAROL, REQUESTERS, identity, type SandboxIdentity } from '../identities.ts';
import { prng, type Rng } from '../prng.ts';

type ObjectType = 'ROLE' | 'ACCESS_PROFILE' | 'ENTITLEMENT';
type RequestType = 'GRANT_ACCESS' | 'REVOKE_ACCESS' | 'MODIFY_ACCESS';
type Reassignment = 'MANUAL_REASSIGNMENT' | 'AUTOMATIC_REASSIGNMENT' | 'AUTO_ESCALATION' | 'SELF_REVIEW_DELEGATION';

interface Requestable {
  type: ObjectType;
  name: string;
  description: string;
  /** The application (ISC source) it grants access on. */
  app: string;
  privilege: 'High' | 'Medium' | 'Low' | null;
}

const item = (type: ObjectType, name: string, app: string, privilege: Requestable['privilege'], description: string) =>
  ({ type, name, app, privilege, description }) satisfies Requestable;

const CATALOG = {
  financeAnalyst: item(
    'ROLE',
    'Finance Analyst',
    'SAP ERP',
    'Low',
    'Read-only general ledger, accounts payable and receivable reports in SAP ERP and Workday Financials.',
  ),
  payrollAdmin: item(
    'ROLE',
    'Payroll Administrator',
    'Workday',
    'High',
    "Runs and corrects payroll in Workday; sees every employee's compensation.",
  ),
  hrPartner: item(
    'ROLE',
    'HR Business Partner',
    'Workday',
    'Medium',
    'Workday HR Partner and Benefits Administrator security groups, and the HR shared drive.',
  ),
  platformEngineer: item(
    'ROLE',
    'Platform Engineer',
    'GitHub',
    'Medium',
    'GitHub acme/platform team, AWS PowerUser in the staging account and the corporate VPN.',
  ),
  salesOps: item(
    'ROLE',
    'Sales Operations',
    'Salesforce',
    'Low',
    'Salesforce Sales Manager profile with Forecast Manager, and a Tableau licence.',
  ),
  sfSalesManager: item(
    'ACCESS_PROFILE',
    'Salesforce - Sales Manager',
    'Salesforce',
    'Low',
    'Salesforce Sales Manager profile: opportunities, accounts and reports of the whole team.',
  ),
  ghPayments: item(
    'ACCESS_PROFILE',
    'GitHub - Payments Maintainers',
    'GitHub',
    'Medium',
    'Maintain rights on the acme/payments and acme/ledger repositories.',
  ),
  adVpn: item(
    'ACCESS_PROFILE',
    'Active Directory - VPN Users',
    'Active Directory',
    'Low',
    'Remote access through the corporate VPN (CN=VPN-Users).',
  ),
  awsBilling: item(
    'ACCESS_PROFILE',
    'AWS - Billing Administrator',
    'AWS IAM',
    'High',
    'arn:aws:iam::123456789012:role/BillingAdmin: budgets, invoices and cost allocation tags.',
  ),
  wdCompensation: item(
    'ACCESS_PROFILE',
    'Workday - Compensation Partner',
    'Workday',
    'High',
    'Approve salary changes, bonuses and stock grants in Workday.',
  ),
  sapVendor: item(
    'ACCESS_PROFILE',
    'SAP - Vendor Master Maintenance',
    'SAP ERP',
    'Medium',
    'Create and change vendor master records (Z_FI_AP_CLERK).',
  ),
  snowChange: item(
    'ACCESS_PROFILE',
    'ServiceNow - Change Approver',
    'ServiceNow',
    'Low',
    'Approve normal changes as a member of the Change Advisory Board.',
  ),
  oktaTableau: item('ACCESS_PROFILE', 'Okta - Tableau Users', 'Okta', null, 'Single sign-on to Tableau Cloud.'),
  domainAdmins: item(
    'ENTITLEMENT',
    'CN=Domain Admins,OU=Groups,DC=acme,DC=local',
    'Active Directory',
    'High',
    'Active Directory group: full control of the acme.local domain.',
  ),
  securityAuditors: item(
    'ENTITLEMENT',
    'CN=Security-Auditors,OU=Groups,DC=acme,DC=local',
    'Active Directory',
    'Medium',
    'Active Directory group: read access to every security log.',
  ),
  apPaymentRun: item(
    'ENTITLEMENT',
    'Z_FI_AP_PAYMENT_RUN',
    'SAP ERP',
    'High',
    'SAP ERP role: execute the accounts payable payment run (F110).',
  ),
  apClerk: item(
    'ENTITLEMENT',
    'Z_FI_AP_CLERK',
    'SAP ERP',
    'Medium',
    'SAP ERP role: post vendor invoices and maintain vendor master data.',
  ),
  platformAdmins: item(
    'ENTITLEMENT',
    'acme/platform-admins',
    'GitHub',
    'High',
    'GitHub team with admin rights on every repository of the acme organisation.',
  ),
  forecastManager: item(
    'ENTITLEMENT',
    'Forecast Manager',
    'Salesforce',
    'Low',
    'Salesforce permission set: edit forecasts for the whole sales hierarchy.',
  ),
  opportunityExport: item(
    'ENTITLEMENT',
    'Opportunity Export',
    'Salesforce',
    'Medium',
    'Salesforce permission set: export opportunities and contacts as CSV.',
  ),
  awsPowerUser: item(
    'ENTITLEMENT',
    'arn:aws:iam::123456789012:role/PowerUser',
    'AWS IAM',
    'High',
    'AWS IAM role: every service except IAM in the production account.',
  ),
  payrollViewer: item('ENTITLEMENT', 'Payroll Viewer', 'Workday', 'Medium', 'Workday role: read payroll results.'),
};
type CatalogKey = keyof typeof CATALOG;

/** SOD policies: holding the left side (already) and getting the right side (requested) is a violation. */
const POLICIES = {
  fin: { name: 'SOD-FIN-001 Vendor maintenance vs. payment run', left: 'apClerk', right: 'apPaymentRun' },
  hr: { name: 'SOD-HR-004 Run payroll vs. approve compensation', left: 'wdCompensation', right: 'payrollAdmin' },
  it: { name: 'SOD-IT-002 Domain administration vs. security audit', left: 'securityAuditors', right: 'domainAdmins' },
} as const satisfies Record<string, { name: string; left: CatalogKey; right: CatalogKey }>;
type PolicyKey = keyof typeof POLICIES;

const JUSTIFICATIONS = [
  'Needed for the quarter-end close.',
  'Joining the payments team next week.',
  'Covering for a colleague on parental leave until September.',
  'New project kickoff: read access is enough.',
  'Internal audit asked for this evidence by Friday.',
  'Role change approved by HR (ticket HR-2291).',
  'Temporary access for the data-centre migration weekend.',
  'Standard starter kit for the new team.',
];

const APPROVED_COMMENTS = [
  'Approved: matches the role description.',
  'OK for the quarter, please re-request if still needed after that.',
  null,
  'Approved per the manager’s request in ticket REQ-4471.',
  null,
];
const REJECTED_COMMENTS = [
  'Rejected: conflicts with SOD-FIN-001; ask for a mitigating control first.',
  'Rejected: read-only access (Finance Analyst) covers what was asked.',
  'Rejected: the project was cancelled.',
];

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

interface ForwardSeed {
  from: SandboxIdentity;
  to: SandboxIdentity;
  /** Null for the system's own reassignments. */
  by: SandboxIdentity | null;
  comment: string | null;
  type: Reassignment;
}

interface ApprovalSeed {
  owner: SandboxIdentity;
  requester: SandboxIdentity;
  requestedFor: SandboxIdentity;
  object: CatalogKey;
  ageMs: number;
  requestType?: RequestType;
  /** Undefined: a generated justification; null: the requester left no comment. */
  requesterComment?: string | null;
  previous?: { author: SandboxIdentity; comment: string }[];
  forwards?: ForwardSeed[];
  commentRequired?: boolean;
  /** 'unchecked': no SOD check ran (null context); 'clean': checked, no violation; else the violated policy. */
  sod?: 'unchecked' | 'clean' | PolicyKey;
  removeInDays?: number;
  currentRemoveInDays?: number;
  startInDays?: number;
  /** The requester picked one of two accounts on the source. */
  accounts?: boolean;
  /** Several approvals of one request share its id. */
  accessRequestId?: string;
  decision?: { state: 'APPROVED' | 'REJECTED'; by?: SandboxIdentity; comment: string | null };
}

class ApprovalSeeder {
  readonly rng: Rng;
  private readonly ids = new Map<CatalogKey, string>();
  private readonly insert;
  private readonly insertForward;

  constructor(
    db: Db,
    seed: number,
    private readonly now: number,
  ) {
    this.rng = prng(seed);
    for (const key of Object.keys(CATALOG) as CatalogKey[]) this.ids.set(key, this.rng.hex());
    this.insert = db.prepare(
      `INSERT INTO access_request_approvals (id, access_request_id, owner_id, requester_id, requested_for_id, name,
         request_type, object_type, object_id, object_name, object_description, request_created, created, modified,
         state, reviewed_by_id, reviewer_comment, decided, comment_required_when_rejected, requester_comment,
         remove_date, current_remove_date, remove_date_update_requested, start_date, privilege_level,
         previous_reviewers_comments, sod_violation_context, requested_accounts, client_metadata)
       VALUES (@id, @accessRequestId, @owner, @requester, @requestedFor, @name, @requestType, @objectType, @objectId,
         @objectName, @objectDescription, @requestCreated, @created, @modified, @state, @reviewedBy, @reviewerComment,
         @decided, @commentRequired, @requesterComment, @removeDate, @currentRemoveDate, @removeDateUpdate, @startDate,
         @privilege, @previous, @sod, @accounts, @metadata)`,
    );
    this.insertForward = db.prepare(
      `INSERT INTO access_request_forwards (approval_id, from_id, to_id, by_id, comment, reassignment_type, forwarded)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
  }

  private iso(ms: number) {
    return new Date(ms).toISOString();
  }

  private uuid() {
    const h = this.rng.hex();
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
  }

  private sodContext(objectKey: CatalogKey, sod: ApprovalSeed['sod']) {
    if (sod === undefined || sod === 'unchecked') return null;
    const violationCheckResult =
      sod === 'clean'
        ? { violationContexts: [], violatedPolicies: [] }
        : (() => {
            const p = POLICIES[sod];
            const policy = { type: 'SOD_POLICY', id: this.uuid(), name: p.name };
            const side = (key: CatalogKey, existing: boolean) => ({
              criteriaList: [{ existing, type: CATALOG[key].type, id: this.ids.get(key)!, name: CATALOG[key].name }],
            });
            const requestedIsRight = objectKey === p.right;
            return {
              violationContexts: [
                {
                  policy,
                  conflictingAccessCriteria: {
                    leftCriteria: side(p.left, requestedIsRight),
                    rightCriteria: side(p.right, !requestedIsRight),
                  },
                },
              ],
              violatedPolicies: [policy],
            };
          })();
    return { state: 'SUCCESS', uuid: this.uuid(), violationCheckResult };
  }

  private accountsFor(who: SandboxIdentity, app: string) {
    const base = app === 'Active Directory' ? `CN=${who.name},OU=Users,DC=acme,DC=local` : `${who.alias}`;
    return [
      {
        name: `${who.name} (admin)`,
        type: 'ACCOUNT',
        accountUuid: `{${this.uuid()}}`,
        accountId: base.replace(who.name, `${who.name} (admin)`),
        sourceName: app,
      },
    ];
  }

  add(a: ApprovalSeed): string {
    const r = this.rng;
    const id = r.hex();
    const object = CATALOG[a.object];
    const requestCreated = this.now - a.ageMs;
    // Every step of the approval's life happens between the request and a minute ago, in order: each takes a
    // share of the time left (at most `cap`), so even a request made minutes ago has a consistent history.
    const end = this.now - 60_000;
    let t = requestCreated;
    const step = (cap: number) => (t += r.int(0, Math.max(0, Math.min(cap, Math.floor((end - t) / 3)))));
    step(90_000);
    // A later approval level starts once the earlier reviewers have spoken.
    const comments = (a.previous ?? []).map((p) => ({
      comment: p.comment,
      created: this.iso(step(20 * HOUR)),
      author: { type: 'IDENTITY', id: p.author.id, name: p.author.name },
    }));
    const created = step(60_000);
    const forwards = (a.forwards ?? []).map((f) => ({ ...f, at: step(3 * DAY) }));
    const decided = a.decision ? step(5 * DAY) : null;
    const modified = t;
    const requesterComment = a.requesterComment === undefined ? r.pick(JUSTIFICATIONS) : a.requesterComment;
    const day = (n: number | undefined) =>
      n === undefined ? null : this.iso(Math.floor(this.now / DAY) * DAY + n * DAY);
    const metadata =
      object.type === 'ROLE'
        ? {}
        : { requestedAppName: object.app, requestedAppId: this.ids.get(a.object)!.slice(0, 24) };
    this.insert.run({
      id,
      accessRequestId: a.accessRequestId ?? r.hex(),
      owner: a.owner.id,
      requester: a.requester.id,
      requestedFor: a.requestedFor.id,
      name: object.name,
      requestType: a.requestType ?? 'GRANT_ACCESS',
      objectType: object.type,
      objectId: this.ids.get(a.object)!,
      objectName: object.name,
      objectDescription: object.description,
      requestCreated: this.iso(requestCreated),
      created: this.iso(created),
      modified: this.iso(modified),
      state: a.decision?.state ?? 'PENDING',
      reviewedBy: a.decision ? (a.decision.by ?? a.owner).id : null,
      reviewerComment: a.decision?.comment ?? null,
      decided: decided === null ? null : this.iso(decided),
      commentRequired: a.commentRequired ? 1 : 0,
      requesterComment,
      removeDate: day(a.removeInDays),
      currentRemoveDate: day(a.currentRemoveInDays),
      removeDateUpdate: a.currentRemoveInDays !== undefined ? 1 : 0,
      startDate: day(a.startInDays),
      privilege: object.privilege,
      previous: JSON.stringify(comments),
      sod: JSON.stringify(this.sodContext(a.object, a.sod)),
      accounts: a.accounts ? JSON.stringify(this.accountsFor(a.requestedFor, object.app)) : null,
      metadata: JSON.stringify(metadata),
    });
    for (const f of forwards) {
      this.insertForward.run(id, f.from.id, f.to.id, f.by?.id ?? null, f.comment, f.type, this.iso(f.at));
    }
    return id;
  }

  /** A generated approval: random object, requester (often the requested-for themselves), age and extras. */
  random(owner: SandboxIdentity, decision?: ApprovalSeed['decision']): string {
    const r = this.rng;
    const requestedFor = r.pick(REQUESTERS);
    const object = r.pick(Object.keys(CATALOG) as CatalogKey[]);
    return this.add({
      owner,
      requester: r.next() < 0.7 ? requestedFor : r.pick(REQUESTERS),
      requestedFor,
      object,
      ageMs: r.int(10 * 60_000, 60 * DAY),
      commentRequired: r.next() < 0.35,
      sod: r.next() < 0.5 ? 'clean' : 'unchecked',
      removeInDays: r.next() < 0.2 ? r.int(7, 90) : undefined,
      decision,
    });
  }

  /** Two approvals in three, then a rejection. */
  decision(i: number): NonNullable<ApprovalSeed['decision']> {
    return i % 3 === 2
      ? { state: 'REJECTED', comment: this.rng.pick(REJECTED_COMMENTS) }
      : { state: 'APPROVED', comment: this.rng.pick(APPROVED_COMMENTS) };
  }
}

/** Alice's pending queue, written out so every field the page must show is there. */
function seedAlicePending(s: ApprovalSeeder) {
  const [priya, hannah, marcus, liam, diego, sofia, kenji, amara, omar, grace, lucas, noah, elena] = [
    'priya.raman',
    'hannah.muller',
    'marcus.chen',
    'liam.oconnor',
    'diego.alvarez',
    'sofia.rossi',
    'kenji.tanaka',
    'amara.okafor',
    'omar.haddad',
    'grace.kim',
    'lucas.dubois',
    'noah.williams',
    'elena.petrova',
  ].map(identity);
  const base = { owner: ALICE };
  s.add({
    ...base,
    requester: priya,
    requestedFor: priya,
    object: 'apPaymentRun',
    ageMs: 25 * 60_000,
    sod: 'fin',
    commentRequired: true,
    requesterComment: 'I need to run the Friday payment batch while Omar is on holiday.',
    previous: [
      { author: kenji, comment: 'Approved as SAP application owner; the SOD exception needs Finance sign-off.' },
    ],
  });
  s.add({
    ...base,
    requester: hannah,
    requestedFor: hannah,
    object: 'payrollAdmin',
    ageMs: 2 * HOUR,
    sod: 'hr',
    commentRequired: true,
    removeInDays: 30,
    requesterComment: 'Covering payroll for the month of the system upgrade.',
  });
  s.add({
    ...base,
    requester: BOB,
    requestedFor: marcus,
    object: 'ghPayments',
    ageMs: 26 * HOUR,
    sod: 'clean',
    forwards: [
      {
        from: BOB,
        to: ALICE,
        by: BOB,
        comment: 'Alice owns the payments repositories now.',
        type: 'MANUAL_REASSIGNMENT',
      },
    ],
  });
  s.add({
    ...base,
    requester: liam,
    requestedFor: liam,
    object: 'domainAdmins',
    ageMs: 3 * DAY,
    sod: 'it',
    commentRequired: true,
    removeInDays: 7,
    accounts: true,
    requesterComment: 'Temporary admin rights for the domain controller migration weekend.',
  });
  s.add({
    ...base,
    requester: CAROL,
    requestedFor: diego,
    object: 'sfSalesManager',
    ageMs: 9 * DAY,
    sod: 'clean',
    forwards: [{ from: sofia, to: ALICE, by: null, comment: null, type: 'AUTO_ESCALATION' }],
    requesterComment: 'Diego leads the EMEA team from next month.',
  });
  s.add({
    ...base,
    requester: CAROL,
    requestedFor: sofia,
    object: 'opportunityExport',
    ageMs: 4 * DAY,
    requestType: 'REVOKE_ACCESS',
    requesterComment: 'Sofia moved to Marketing and no longer needs exports.',
  });
  s.add({
    ...base,
    requester: kenji,
    requestedFor: kenji,
    object: 'financeAnalyst',
    ageMs: 6 * DAY,
    requestType: 'MODIFY_ACCESS',
    removeInDays: 95,
    currentRemoveInDays: 5,
    sod: 'clean',
    requesterComment: 'Please extend my access until the external audit is over.',
  });
  s.add({
    ...base,
    requester: ADA,
    requestedFor: amara,
    object: 'hrPartner',
    ageMs: 12 * HOUR,
    startInDays: 7,
    requesterComment: 'Amara starts as HR Business Partner on Monday.',
  });
  s.add({
    ...base,
    requester: omar,
    requestedFor: omar,
    object: 'awsBilling',
    ageMs: 15 * DAY,
    sod: 'clean',
    commentRequired: true,
    previous: [
      { author: CAROL, comment: 'Approved as his manager for the cost-allocation project.' },
      { author: grace, comment: 'Approved as AWS account owner; please keep it to the billing console.' },
    ],
  });
  s.add({
    ...base,
    requester: grace,
    requestedFor: grace,
    object: 'platformAdmins',
    ageMs: 20 * DAY,
    sod: 'clean',
    forwards: [
      {
        from: grace,
        to: ALICE,
        by: null,
        comment: 'Self-review prevented: Grace owns this entitlement.',
        type: 'SELF_REVIEW_DELEGATION',
      },
    ],
  });
  s.add({
    ...base,
    requester: lucas,
    requestedFor: lucas,
    object: 'wdCompensation',
    ageMs: 33 * DAY,
    requesterComment: null,
  });
  const noahRequest = s.rng.hex();
  s.add({
    ...base,
    requester: CAROL,
    requestedFor: noah,
    object: 'sfSalesManager',
    ageMs: 41 * DAY,
    accessRequestId: noahRequest,
    requesterComment: 'Noah is promoted to sales manager.',
  });
  s.add({
    ...base,
    requester: CAROL,
    requestedFor: noah,
    object: 'forecastManager',
    ageMs: 41 * DAY,
    accessRequestId: noahRequest,
    requesterComment: 'Noah is promoted to sales manager.',
  });
  s.add({
    ...base,
    requester: ADA,
    requestedFor: elena,
    object: 'snowChange',
    ageMs: 52 * DAY,
    requesterComment: 'Elena is on leave; keep her CAB seat for her return.',
    forwards: [
      { from: CAROL, to: BOB, by: CAROL, comment: 'Bob runs the CAB this quarter.', type: 'MANUAL_REASSIGNMENT' },
      {
        from: BOB,
        to: ALICE,
        by: null,
        comment: 'Out of office: automatic reassignment.',
        type: 'AUTOMATIC_REASSIGNMENT',
      },
    ],
  });
  s.add({
    ...base,
    requester: marcus,
    requestedFor: marcus,
    object: 'adVpn',
    ageMs: 59 * DAY,
    requesterComment: '<script>alert("owned")</script> <img src=x onerror="alert(1)"> \u202Eexe.txt\u202C — please 🙏',
  });
  s.add({ ...base, requester: priya, requestedFor: priya, object: 'oktaTableau', ageMs: 8 * 60_000 });
  for (let i = 0; i < 5; i++) s.random(ALICE);
}

/** Alice's decided approvals: both states, with and without comments, one decided by the admin for her. */
function seedAliceCompleted(s: ApprovalSeeder) {
  const [priya, hannah, omar] = ['priya.raman', 'hannah.muller', 'omar.haddad'].map(identity);
  s.add({
    owner: ALICE,
    requester: priya,
    requestedFor: priya,
    object: 'apClerk',
    ageMs: 45 * DAY,
    sod: 'clean',
    decision: { state: 'APPROVED', comment: 'Approved for vendor onboarding.' },
  });
  s.add({
    owner: ALICE,
    requester: hannah,
    requestedFor: hannah,
    object: 'payrollAdmin',
    ageMs: 30 * DAY,
    sod: 'hr',
    commentRequired: true,
    decision: { state: 'REJECTED', comment: REJECTED_COMMENTS[0] },
  });
  s.add({
    owner: ALICE,
    requester: omar,
    requestedFor: omar,
    object: 'financeAnalyst',
    ageMs: 10 * DAY,
    decision: { state: 'APPROVED', by: ADA, comment: 'Approved by IT Security while Alice was out.' },
  });
  s.add({
    owner: ALICE,
    requester: BOB,
    requestedFor: identity('marcus.chen'),
    object: 'awsPowerUser',
    ageMs: 3 * DAY,
    forwards: [
      { from: BOB, to: ALICE, by: BOB, comment: 'Finance pays for this account.', type: 'MANUAL_REASSIGNMENT' },
    ],
    decision: { state: 'REJECTED', comment: 'Rejected: the staging role is enough for this work.' },
  });
  for (let i = 0; i < 6; i++) s.random(ALICE, s.decision(i));
}

export interface AccessRequestSeedOptions {
  /** The moment the 60-day spread ends. */
  now: number;
  /** Like SANDBOX_SEED_SCALE for work items: a tenth as many extra pending approvals for alice. */
  scale?: number;
}

/** Seeds the access-request approvals (inside the caller's transaction when there is one). */
export function seedAccessRequests(db: Db, options: AccessRequestSeedOptions): void {
  const s = new ApprovalSeeder(db, 20240601, options.now);
  db.transaction(() => {
    seedAlicePending(s);
    seedAliceCompleted(s);
    for (const [owner, pending, completed] of [
      [BOB, 5, 3],
      [CAROL, 4, 3],
      [ADA, 3, 2],
    ] as const) {
      for (let i = 0; i < pending; i++) s.random(owner);
      for (let i = 0; i < completed; i++) s.random(owner, s.decision(i));
    }
    for (let i = 0; i < Math.floor((options.scale ?? 0) / 10); i++) s.random(ALICE);
    setMeta(db, 'access_requests_seeded_at', new Date(options.now).toISOString());
  })();
}

/** A sandbox database seeded before access requests existed gets them once, without touching its work items. */
export function ensureAccessRequestsSeeded(db: Db): void {
  if (getMeta(db, 'access_requests_seeded_at')) return;
  const { n } = db.prepare('SELECT count(*) AS n FROM access_request_approvals').get() as { n: number };
  if (n === 0) seedAccessRequests(db, { now: Date.now() });
  else setMeta(db, 'access_requests_seeded_at', new Date().toISOString());
}
