import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { ACCESS_REQUEST_SCHEMA } from './access-requests/schema.ts';
import { IDENTITIES } from './identities.ts';
import { COUNTS_META_KEY, INITIALISE_COUNTS_SQL, WORK_ITEM_COUNTS_SCHEMA } from './work-items/counts.ts';
import { WORK_ITEM_SCHEMA, upgradeWorkItemSchema } from './work-items/schema.ts';

export type Db = Database.Database;

// What every resource shares: the seed's bookkeeping and the identities its rows refer to. Each resource adds its
// own tables (work-items/schema.ts, access-requests/schema.ts).
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
  db.exec(WORK_ITEM_SCHEMA);
  upgradeWorkItemSchema(db);
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
