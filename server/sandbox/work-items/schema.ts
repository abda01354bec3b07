// The sandbox's work items: one row per item, its approval items, and its forward history. Run by openDb after
// the shared tables (identities), so every sandbox database has these.
import type { Database } from 'better-sqlite3';

export const WORK_ITEM_SCHEMA = `
CREATE TABLE IF NOT EXISTS work_items (
  id TEXT PRIMARY KEY,
  owner_id TEXT NOT NULL REFERENCES identities(id),
  requester_id TEXT REFERENCES identities(id),
  type TEXT NOT NULL,
  state TEXT NOT NULL,
  name TEXT,
  description TEXT,
  created TEXT NOT NULL,
  modified TEXT,
  completed TEXT,
  -- JSON documents: read whole with the item, never queried into
  form TEXT,
  form_submitted INTEGER NOT NULL DEFAULT 0,
  remediation_items TEXT,
  errors TEXT,
  CHECK ((state = 'Pending') = (completed IS NULL))
);
-- Inbox pages: one owner's pending items newest first, without touching other rows. Partial, so each entry's key
-- holds no state: a page at a deep offset walks its entries in half the time the (owner_id, state, …) index took.
CREATE INDEX IF NOT EXISTS work_items_owner_pending
  ON work_items (owner_id, created DESC, id DESC) WHERE state = 'Pending';
DROP INDEX IF EXISTS work_items_owner_state_created;
-- Completed history pages, newest completion first.
CREATE INDEX IF NOT EXISTS work_items_owner_completed
  ON work_items (owner_id, completed DESC, id DESC) WHERE completed IS NOT NULL;
CREATE TABLE IF NOT EXISTS approval_items (
  id TEXT PRIMARY KEY,
  work_item_id TEXT NOT NULL REFERENCES work_items(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  application TEXT,
  account TEXT,
  name TEXT,
  operation TEXT,
  value TEXT,
  state TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS approval_items_work_item ON approval_items (work_item_id, position);
CREATE TABLE IF NOT EXISTS forward_history (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  work_item_id TEXT NOT NULL REFERENCES work_items(id) ON DELETE CASCADE,
  from_id TEXT NOT NULL REFERENCES identities(id),
  to_id TEXT NOT NULL REFERENCES identities(id),
  by_id TEXT NOT NULL REFERENCES identities(id),
  comment TEXT NOT NULL,
  forwarded TEXT NOT NULL,
  -- 'AUTOMATIC_REASSIGNMENT' when work reassignment (a delegation) moved a new item; null for a forward by hand
  reassignment_type TEXT CHECK (reassignment_type IN ('AUTOMATIC_REASSIGNMENT'))
);
CREATE INDEX IF NOT EXISTS forward_history_work_item ON forward_history (work_item_id, seq);
`;

/**
 * Brings a database made before the latest schema up to it: columns added since are added to the tables
 * CREATE TABLE IF NOT EXISTS left as they were. IMMEDIATE, and asked again inside, so that several processes
 * opening one file at once add each column once.
 */
export function upgradeWorkItemSchema(db: Database): void {
  const has = () =>
    (db.prepare('PRAGMA table_info(forward_history)').all() as { name: string }[]).some(
      (c) => c.name === 'reassignment_type',
    );
  if (has()) return;
  db.transaction(() => {
    if (has()) return;
    db.exec(
      `ALTER TABLE forward_history ADD COLUMN reassignment_type TEXT CHECK (reassignment_type IN ('AUTOMATIC_REASSIGNMENT'))`,
    );
  }).immediate();
}
