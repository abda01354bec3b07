// A list page's items as JSON, written by SQLite: each item's text comes straight from the page query
// (json_object, json_group_array), and the page is those texts between brackets. The same answer as toWorkItems
// (rows.ts) written by the list's response schema, key for key and in the same order — page-json.test.ts holds the
// two equal — without building the items as objects and then writing them out again.
//
// What the response schema writes of the objects of rows.ts, and so what this writes too:
//   - a key whose value is undefined there (ownerName of an unknown identity, a null description, an approval
//     item's null application or operation, a forward by hand's reassignmentType) is left out, not written null;
//   - the JSON documents stored as text (remediation_items, errors) are embedded as JSON, as stored: the sandbox
//     writes them from the contract's objects (seed.ts), with the schema's keys, types and key order;
//   - an item with a form is not written here (its JSON is NULL): the schema writes a form's allowed values with
//     their required `value` before `label` (fast-json-stringify puts required keys first), not as they are stored,
//     so the caller writes these few items from the mapping (WorkItemQueries.pageJson);
//   - identity names are those of identities.ts (not the identities table, which may still hold an identity
//     that the code no longer knows), read from a temporary table this connection fills from it.
import type { Db } from '../db.ts';
import { IDENTITIES } from '../identities.ts';

const NAMES = 'temp.work_item_identity_names';

/** The names rows.ts gives identities, as a table of this connection: before the page statements are prepared. */
export function createIdentityNames(db: Db): void {
  db.exec(
    `CREATE TEMP TABLE IF NOT EXISTS work_item_identity_names (id TEXT PRIMARY KEY, name TEXT NOT NULL) WITHOUT ROWID`,
  );
  const put = db.prepare(`INSERT OR REPLACE INTO ${NAMES} (id, name) VALUES (?, ?)`);
  db.transaction(() => {
    db.exec(`DELETE FROM ${NAMES}`);
    for (const identity of IDENTITIES) put.run(identity.id, identity.name);
  })();
}

/** The name of the identity `id` (an SQL expression), NULL for one identities.ts does not know. */
const nameSql = (id: string) => `(SELECT name FROM ${NAMES} WHERE id = ${id})`;

/**
 * A JSON object of `fields` in their order; the keys in `omitWhenNull` are left out when their value is NULL (each
 * such value appears twice in the SQL: keep it a column or a parameter). Subtrees that come from json_object,
 * json_group_array or json() are embedded as JSON, any other text as a string.
 */
function jsonObject(fields: readonly (readonly [string, string])[], omitWhenNull: readonly string[] = []): string {
  const write = (omitted: readonly string[]) =>
    `json_object(${fields
      .filter(([key]) => !omitted.includes(key))
      .map(([key, value]) => `'${key}', ${value}`)
      .join(', ')})`;
  const choose = (optional: readonly string[], omitted: readonly string[]): string => {
    const [key, ...rest] = optional;
    if (key === undefined) return write(omitted);
    const value = fields.find(([k]) => k === key)![1];
    return `CASE WHEN ${value} IS NOT NULL THEN ${choose(rest, omitted)} ELSE ${choose(rest, [...omitted, key])} END`;
  };
  return choose(omitWhenNull, []);
}

// Arrays are ordered inside the aggregate (json_group_array(... ORDER BY ...)): the order of the rows an aggregate
// reads is not promised otherwise.
const APPROVAL_ITEM = jsonObject(
  [
    ['id', 'a.id'],
    ['account', 'a.account'],
    ['application', 'a.application'],
    ['name', 'a.name'],
    ['operation', 'a.operation'],
    ['value', 'a.value'],
    ['state', 'a.state'],
  ],
  ['application', 'operation'],
);
const APPROVAL_ITEMS = `(SELECT json_group_array(${APPROVAL_ITEM} ORDER BY a.position)
  FROM approval_items a WHERE a.work_item_id = w.id)`;
const APPROVAL_COUNT = '(SELECT count(*) FROM approval_items c WHERE c.work_item_id = w.id)';

const FORWARD = jsonObject(
  [
    ['fromId', 'f.from_id'],
    ['fromName', `coalesce(${nameSql('f.from_id')}, f.from_id)`],
    ['toId', 'f.to_id'],
    ['toName', `coalesce(${nameSql('f.to_id')}, f.to_id)`],
    ['byId', 'f.by_id'],
    ['byName', `coalesce(${nameSql('f.by_id')}, f.by_id)`],
    ['comment', 'f.comment'],
    ['forwarded', 'f.forwarded'],
    ['reassignmentType', `nullif(f.reassignment_type, '')`],
  ],
  ['reassignmentType'],
);
// Few items were ever forwarded: asking whether one was costs less than an aggregate over no rows.
const FORWARD_HISTORY = `CASE WHEN EXISTS (SELECT 1 FROM forward_history e WHERE e.work_item_id = w.id)
  THEN (SELECT json_group_array(${FORWARD} ORDER BY f.seq) FROM forward_history f WHERE f.work_item_id = w.id)
  ELSE json_array() END`;

/** A stored JSON document as JSON: NULL when the column is NULL or empty (rows.ts: `r.errors ? JSON.parse(…) : …`). */
const storedJson = (column: string) => `json(nullif(${column}, ''))`;

/** One work item of the page (`w`, a work_items row of the owner @owner, whose name is @ownerName). */
const WORK_ITEM = jsonObject(
  [
    ['id', 'w.id'],
    ['requesterId', 'w.requester_id'],
    ['requesterDisplayName', nameSql('w.requester_id')],
    ['ownerId', 'w.owner_id'],
    ['ownerName', '@ownerName'],
    ['created', 'w.created'],
    ['modified', 'w.modified'],
    ['description', 'w.description'],
    ['state', 'w.state'],
    ['type', 'w.type'],
    ['remediationItems', storedJson('w.remediation_items')],
    ['approvalItems', `coalesce(${APPROVAL_ITEMS}, json_array())`],
    ['name', 'w.name'],
    ['completed', 'w.completed'],
    [
      'numItems',
      `coalesce(nullif(${APPROVAL_COUNT}, 0), nullif(json_array_length(nullif(w.remediation_items, '')), 0), 0)`,
    ],
    ['form', 'NULL'],
    ['errors', `coalesce(${storedJson('w.errors')}, json_array())`],
    ['forwardHistory', FORWARD_HISTORY],
  ],
  ['ownerName', 'description'],
);

/**
 * The page query of a list (`where` and `order` name work_items columns), a row per item: its JSON as UTF-8 bytes
 * (NULL for an item with a form), and its id. Parameters @owner, @ownerName, @limit and @offset. As bytes, the page
 * goes to the response (and its compression) without being decoded into a JavaScript string and encoded again.
 */
export function pageJsonSql(where: string, order: string, direction: 'ASC' | 'DESC'): string {
  return `SELECT CASE WHEN nullif(w.form, '') IS NULL THEN CAST(${WORK_ITEM} AS BLOB) END, w.id
    FROM work_items w WHERE w.owner_id = @owner AND ${where}
    ORDER BY w.${order} ${direction}, w.id ${direction} LIMIT @limit OFFSET @offset`;
}

const OPEN = Buffer.from('[');
const COMMA = Buffer.from(',');
const CLOSE = Buffer.from(']');

/** The JSON array of these items' JSON texts. */
export function jsonArray(items: readonly Buffer[]): Buffer {
  const parts: Buffer[] = [OPEN];
  for (let i = 0; i < items.length; i++) {
    if (i > 0) parts.push(COMMA);
    parts.push(items[i]);
  }
  parts.push(CLOSE);
  return Buffer.concat(parts);
}
