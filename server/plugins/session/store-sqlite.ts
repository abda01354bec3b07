// Sessions on one machine: a SQLite file of the server's own (WAL), nothing to install. Ended sessions are
// deleted when read and swept once a minute.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { keepUntil, recordKey, type SessionSeal, type SessionStore, type StoredSession } from './store.ts';

const SWEEP_EVERY_MS = 60_000;

export function sqliteSessionStore(file: string, seal: SessionSeal, idleMs: number): SessionStore {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(`CREATE TABLE IF NOT EXISTS sessions (
    record TEXT PRIMARY KEY,
    sealed TEXT NOT NULL,
    -- ms since the epoch: the idle deadline (pushed back as the session is used), never past the token's expiry
    keep_until INTEGER NOT NULL
  )`);
  // sealed sessions only, but nobody else's business: the database and its WAL files readable by the owner only
  for (const suffix of ['', '-wal', '-shm']) if (fs.existsSync(file + suffix)) fs.chmodSync(file + suffix, 0o600);
  const insert = db.prepare('INSERT OR REPLACE INTO sessions (record, sealed, keep_until) VALUES (?, ?, ?)');
  const select = db.prepare<[string], { sealed: string; keep_until: number }>(
    'SELECT sealed, keep_until FROM sessions WHERE record = ?',
  );
  const touch = db.prepare('UPDATE sessions SET keep_until = ? WHERE record = ?');
  const remove = db.prepare('DELETE FROM sessions WHERE record = ?');
  const sweep = db.prepare('DELETE FROM sessions WHERE keep_until <= ?');
  // Pushing the deadline back is a write: at most once per 1/30 of the idle timeout (a minute at most) per session.
  const touchStep = Math.min(60_000, Math.ceil(idleMs / 30));
  let sweptAt = 0;

  return {
    async save(id: string, session: StoredSession) {
      const now = Date.now();
      if (now - sweptAt > SWEEP_EVERY_MS) {
        sweep.run(now);
        sweptAt = now;
      }
      const record = recordKey(id);
      insert.run(record, seal.seal(record, session), keepUntil(session, idleMs, now));
    },
    async read(id: string) {
      const record = recordKey(id);
      const row = select.get(record);
      if (!row) return undefined;
      const now = Date.now();
      const session = row.keep_until > now ? seal.open(record, row.sealed) : undefined;
      if (!session) {
        remove.run(record);
        return undefined;
      }
      const next = keepUntil(session, idleMs, now);
      if (next - row.keep_until >= touchStep) touch.run(next, record);
      return session;
    },
    async remove(id: string) {
      remove.run(recordKey(id));
    },
    async close() {
      db.close();
    },
  };
}
