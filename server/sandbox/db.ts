import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { ACCESS_REQUEST_SCHEMA } from './access-requests/schema.ts';
import { IDENTITIES } from './identities.ts';
import { COUNTS_META_KEY, INITIALISE_COUNTS_SQL, WORK_ITEM_COUNTS_SCHEMA } from './store/counts.ts';

export type Db = Database.Database;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS identities (
  id TEXT PRIMARY KEY,
  alias TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL
);
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
  forwarded TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS forward_history_work_item ON forward_history (work_item_id, seq);
`;

/** Opens (creating when missing) the sandbox database with the schema in place; does not seed. */
export function openDb(file: string): Db {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  // NORMAL is durable across a process crash in WAL mode (only an OS crash can lose the last commits).
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  // A second process (reset script, a test) may hold the write lock briefly: wait rather than fail.
  db.pragma('busy_timeout = 5000');
  db.exec(SCHEMA);
  db.exec(ACCESS_REQUEST_SCHEMA);
  db.exec(WORK_ITEM_COUNTS_SCHEMA);
  const upsert = db.prepare(
    'INSERT INTO identities (id, alias, name) VALUES (?, ?, ?) ON CONFLICT(id) DO UPDATE SET alias = excluded.alias, name = excluded.name',
  );
  db.transaction(() => {
    for (const i of IDENTITIES) upsert.run(i.id, i.alias, i.name);
  })();
  if (!getMeta(db, COUNTS_META_KEY)) {
    // IMMEDIATE, and asked again inside: a second process opening the same file waits, then finds them set.
    db.transaction(() => {
      if (getMeta(db, COUNTS_META_KEY)) return;
      db.exec(INITIALISE_COUNTS_SQL);
      setMeta(db, COUNTS_META_KEY, now());
    }).immediate();
  }
  return db;
}

export function getMeta(db: Db, key: string): string | undefined {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value;
}

export function setMeta(db: Db, key: string, value: string): void {
  db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(
    key,
    value,
  );
}

/**
 * Timestamps are stored as ISO strings of one fixed width, so text order is time order and the
 * (created DESC, id DESC) indexes serve newest-first pages directly.
 */
export function now(): string {
  return new Date().toISOString();
}
