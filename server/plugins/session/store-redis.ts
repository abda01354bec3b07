// Sessions shared by every copy of the server (REDIS_URL): one key per session whose expiry is the idle
// deadline, pushed back on each use and never past the token's expiry; sign-out deletes the key, for every copy
// at once. Redis not answering is a 503, never a guess.
import type { Redis } from 'ioredis';
import { sharedStateUnavailable } from '../../shared/redis.ts';
import { keepUntil, recordKey, type SessionSeal, type SessionStore, type StoredSession } from './store.ts';

async function guarded<T>(command: () => Promise<T>): Promise<T> {
  try {
    return await command();
  } catch {
    throw sharedStateUnavailable();
  }
}

/** Sessions under `prefix` (the deployment's namespace: shared/redis.ts keyNamespace). */
export function redisSessionStore(redis: Redis, prefix: string, seal: SessionSeal, idleMs: number): SessionStore {
  return {
    async save(id: string, session: StoredSession) {
      const record = recordKey(id);
      const until = keepUntil(session, idleMs);
      await guarded(() => redis.set(prefix + record, seal.seal(record, session), 'PXAT', until));
    },
    async read(id: string) {
      const record = recordKey(id);
      const sealed = await guarded(() => redis.get(prefix + record));
      const session = sealed === null ? undefined : seal.open(record, sealed);
      if (!session) return undefined;
      // PEXPIREAT on a key deleted meanwhile (a sign-out on another copy) does nothing: no resurrection.
      await guarded(() => redis.pexpireat(prefix + record, keepUntil(session, idleMs)));
      return session;
    },
    async remove(id: string) {
      await guarded(() => redis.del(prefix + recordKey(id)));
    },
    async close() {
      // the connection is the server's (shared with the rate limits): closed with it
    },
  };
}
