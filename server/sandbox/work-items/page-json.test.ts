// The list pages SQLite writes as JSON (page-json.ts) must be the very answer the JavaScript mapping gives
// (toWorkItems in rows.ts, written by the list's response schema): the same keys in the same order, the same values,
// the same keys left out. Held on a seeded sandbox with every shape the seed has and the hostile rows added here, for
// pending and completed lists, at pages read from either end.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fastJson from 'fast-json-stringify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkItem } from '../../../contract/work-items.ts';
import { openDb, type Db } from '../db.ts';
import { ADA, ALICE, BOB } from '../identities.ts';
import { seed } from '../seed.ts';
import { WorkItemListSchema, WorkItemSchema } from './schemas.ts';
import { WorkItemStore } from './store.ts';

// Fastify's serialiser compiler is fast-json-stringify, given the schema as it is.
type Schema = Parameters<typeof fastJson>[0];
/** What the list route wrote before its pages were SQLite's: the mapped items through the list's response schema. */
const serialize = fastJson(WorkItemListSchema as Schema);
/** What the route gives the page to write an item with a form: the single-item response schema. */
const writeItem = fastJson(WorkItemSchema as Schema) as (item: WorkItem) => string;

/** An identity the database still holds but identities.ts no longer knows (a database made by an older version). */
const FORMER = { id: 'f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0', alias: 'former.employee', name: 'Former Employee' };

/** Text that JSON must escape, or that a careless writer would: every control character, quotes, backslashes. */
const CONTROL = Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).join('') + '\u007f';
const HOSTILE = [
  `${CONTROL} "quoted" 'single' back\\slash \\u0041 \\"`,
  'line\u2028separator\u2029paragraph \ufeff bom \u200b zero-width',
  '🔥 emoji 👩🏽‍💻, RTL \u202eexe.txt\u202c עברית العربية, Müller',
  '</script><script>alert(1)</script> {"json":"inside"} [1,2] null',
];

let dir: string;
let db: Db;
let store: WorkItemStore;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'page-json-'));
  db = openDb(path.join(dir, 'sandbox.sqlite'));
  // Enough of alice's items for several 250-item pages (the older half is read from the oldest end).
  seed(db, { scale: 600 });
  addHostileRows(db);
  // An account selection submitted through the store: the stored form as submitAccountSelection rewrites it.
  const formItem = db
    .prepare(`SELECT id, form FROM work_items WHERE owner_id = ? AND state = 'Pending' AND form IS NOT NULL LIMIT 1`)
    .get(ALICE.id) as { id: string; form: string };
  const field = (
    JSON.parse(formItem.form) as {
      sections: { formItems: { name: string; allowedValuesList: { value: string }[] }[] }[];
    }
  ).sections[0].formItems[0];
  store = new WorkItemStore(db);
  store.submitAccountSelection({ id: ALICE.id, admin: false }, formItem.id, {
    [field.name]: field.allowedValuesList[0].value,
  });
});
afterAll(() => {
  db?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

function addHostileRows(db: Db) {
  db.prepare('INSERT INTO identities (id, alias, name) VALUES (?, ?, ?)').run(FORMER.id, FORMER.alias, FORMER.name);
  const item = db.prepare(
    `INSERT INTO work_items (id, owner_id, requester_id, type, state, name, description, created, modified, completed,
       form, form_submitted, remediation_items, errors)
     VALUES (@id, @owner, @requester, @type, @state, @name, @description, @created, @modified, @completed,
       @form, 0, @remediation, @errors)`,
  );
  const approval = db.prepare(
    `INSERT INTO approval_items (id, work_item_id, position, application, account, name, operation, value, state)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const forward = db.prepare(
    `INSERT INTO forward_history (work_item_id, from_id, to_id, by_id, comment, forwarded, reassignment_type)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const at = (minutes: number) => new Date(Date.UTC(2026, 0, 1) - minutes * 60_000).toISOString();
  let n = 0;
  const add = (fields: Partial<Record<string, string | null>> & { owner: string; state: string }) => {
    const id = `feed${String(++n).padStart(28, '0')}`;
    const done = fields.state !== 'Pending';
    item.run({
      id,
      requester: ALICE.id === fields.owner ? BOB.id : ALICE.id,
      type: 'Approval',
      name: HOSTILE[n % HOSTILE.length],
      description: HOSTILE[(n + 1) % HOSTILE.length],
      created: at(n),
      modified: at(n),
      completed: done ? at(n - 1) : null,
      form: null,
      remediation: null,
      errors: null,
      ...fields,
    });
    return id;
  };
  db.transaction(() => {
    for (const [owner, state] of [
      [ALICE.id, 'Pending'],
      [ALICE.id, 'Finished'],
      [FORMER.id, 'Pending'],
      [FORMER.id, 'Rejected'],
    ] as const) {
      // hostile text everywhere, approval items stored out of position order, nulls where the API allows them
      const a = add({ owner, state });
      approval.run(`${a}-2`, a, 2, null, null, null, null, null, state);
      approval.run(`${a}-1`, a, 1, HOSTILE[0], HOSTILE[1], HOSTILE[2], 'Add', HOSTILE[3], state);
      approval.run(`${a}-0`, a, 0, 'Active Directory', HOSTILE[2], 'memberOf', null, HOSTILE[0], state);
      // no description, no requester, a requester and forwarders the sandbox no longer knows, empty documents
      add({ owner, state, description: null, requester: null, name: null, remediation: '', form: '', errors: '' });
      const f = add({ owner, state, requester: FORMER.id, errors: JSON.stringify(HOSTILE) });
      forward.run(f, FORMER.id, owner, FORMER.id, HOSTILE[0], at(3), null);
      forward.run(f, BOB.id, FORMER.id, ADA.id, HOSTILE[1], at(2), 'AUTOMATIC_REASSIGNMENT');
      forward.run(f, owner, BOB.id, owner, '', at(1), null);
      // documents with hostile text: remediation items (numItems from them) and a form with a nested section
      add({
        owner,
        state,
        type: 'Remediation',
        remediation: JSON.stringify([
          {
            id: 'r1',
            targetId: BOB.id,
            targetName: HOSTILE[0],
            targetDisplayName: HOSTILE[1],
            nativeIdentity: HOSTILE[2],
          },
          { id: 'r2', attributeValue: HOSTILE[3] },
        ]),
      });
      add({
        owner,
        state,
        type: 'Form',
        form: JSON.stringify({
          id: null,
          name: HOSTILE[0],
          title: HOSTILE[1],
          sections: [
            {
              name: 's',
              label: null,
              formItems: [
                {
                  name: 'x',
                  displayName: HOSTILE[2],
                  required: null,
                  value: { nested: [HOSTILE[3], 1.5, false, null] },
                },
                { name: 'inner', formItems: [{ name: 'y', allowedValuesList: [{ value: HOSTILE[0] }], value: 0 }] },
              ],
            },
          ],
        }),
      });
    }
  })();
}

type List = 'pending' | 'completed';

const read = {
  pending: {
    js: (owner: string, limit: number, offset: number) => store.pendingPage(owner, limit, offset),
    sql: (owner: string, limit: number, offset: number) => store.pendingPageJson(owner, limit, offset, writeItem),
  },
  completed: {
    js: (owner: string, limit: number, offset: number) => store.completedPage(owner, limit, offset),
    sql: (owner: string, limit: number, offset: number) => store.completedPageJson(owner, limit, offset, writeItem),
  },
};

/** Limits and offsets that read pages from the newest end, the middle, the oldest end (reversed) and past the end. */
function pagesOf(total: number): [number, number][] {
  const pages: [number, number][] = [];
  for (const limit of [250, 7, 1]) {
    const last = Math.max(0, total - limit);
    for (const offset of [0, 1, Math.floor(last / 2), Math.ceil(total / 2), last, total - 1, total, total + 3]) {
      if (offset >= 0) pages.push([limit, offset]);
    }
  }
  for (let offset = 0; offset < total; offset += 250) pages.push([250, offset]);
  return pages;
}

/** Every item each compared page held, from the mapping's side (to check what the comparison covered). */
const compared: WorkItem[] = [];

describe('list pages written by SQLite', () => {
  it.each([
    ['alice', ALICE.id],
    ['bob', BOB.id],
    ['ada', ADA.id],
    ['an identity the sandbox no longer knows', FORMER.id],
  ])("%s's pending and completed pages equal the mapped items, key for key and in order", (_who, owner) => {
    for (const list of ['pending', 'completed'] as List[]) {
      const total = read[list].js(owner, 0, 0).total;
      expect(total, `${list} of ${owner}`).toBeGreaterThan(0);
      for (const [limit, offset] of pagesOf(total)) {
        const where = `${list} of ${owner}, limit ${limit}, offset ${offset}`;
        const mapped = read[list].js(owner, limit, offset);
        const written = read[list].sql(owner, limit, offset);
        expect(written.total, where).toBe(mapped.total);
        const body = JSON.parse(written.body.toString('utf8')) as WorkItem[];
        // the answer before: the response schema's text of the mapped items
        const before = JSON.parse(serialize(mapped.items)) as WorkItem[];
        expect(
          body.map((w) => w.id),
          where,
        ).toEqual(before.map((w) => w.id));
        // item by item, as text: a key out of order, one too many or missing, or a value of another type fails
        body.forEach((w, i) => expect(JSON.stringify(w), `${where}, item ${w.id}`).toBe(JSON.stringify(before[i])));
        expect(body, where).toStrictEqual(before);
        compared.push(...mapped.items);
      }
    }
  });

  it('covered every shape the pages can hold', () => {
    const all = compared;
    const text = (w: WorkItem) => JSON.stringify(w);
    expect(all.some((w) => w.ownerName === undefined && w.ownerId === FORMER.id)).toBe(true);
    expect(all.some((w) => w.requesterId === FORMER.id && w.requesterDisplayName === null)).toBe(true);
    expect(all.some((w) => w.requesterId === null && w.name === null && w.description === undefined)).toBe(true);
    expect(all.some((w) => w.remediationItems === null && w.form === null && w.errors?.length === 0)).toBe(true);
    expect(all.some((w) => (w.remediationItems?.length ?? 0) > 0 && w.numItems === w.remediationItems?.length)).toBe(
      true,
    );
    expect(all.some((w) => (w.errors?.length ?? 0) > 0)).toBe(true);
    expect(
      all.some((w) => w.approvalItems?.some((a) => a.application === undefined && a.operation === undefined)),
    ).toBe(true);
    expect(all.some((w) => w.approvalItems?.some((a) => a.application && a.operation === undefined))).toBe(true);
    const forwards = all.flatMap((w) => w.forwardHistory ?? []);
    expect(forwards.some((f) => f.reassignmentType === 'AUTOMATIC_REASSIGNMENT')).toBe(true);
    expect(forwards.some((f) => f.reassignmentType === undefined && f.fromName === FORMER.id)).toBe(true);
    expect(all.some((w) => w.forwardHistory && w.forwardHistory.length >= 3)).toBe(true);
    expect(all.some((w) => w.form?.sections?.some((s) => s.formItems?.some((i) => 'formItems' in i)))).toBe(true);
    expect(all.some((w) => w.state === 'Finished' && w.form && JSON.stringify(w.form).includes('"value":"'))).toBe(
      true,
    );
    expect(
      all.some((w) => text(w).includes('\\u0000') && text(w).includes('\\u001f') && text(w).includes('\\\\')),
    ).toBe(true);
    expect(all.some((w) => text(w).includes('\u2028') && text(w).includes('👩🏽‍💻'))).toBe(true);
    expect(all.some((w) => (w.approvalItems?.length ?? 0) >= 500)).toBe(true);
  });
});
