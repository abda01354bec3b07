// Where sessions live: one interface, two implementations, chosen once at start. The browser's cookie carries
// only a random session id; the token and the claims live here, sealed (AES-256-GCM, a key derived from
// SESSION_SECRET) under the SHA-256 of that id, so neither a copy of the store nor a copy of a cookie alone is a
// usable session.
//
//   store-sqlite.ts  one machine (the default): a SQLite file of the server's own in DATA_DIR
//   store-redis.ts   several copies (REDIS_URL): a sign-out on one copy holds on every copy
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/** What a session is: the tenant's access token and what the page is told about it. Never the client secret. */
export interface StoredSession {
  token: string;
  identityId: string;
  name: string;
  isAdmin: boolean;
  /** Seconds since the epoch, from the token's `exp`: the session's absolute end. */
  exp: number;
  /**
   * The deployment the session was made on (ServerConfig.deployment: the mode and the tenant's origin): a server of
   * another deployment sharing the secret and the store refuses it, and never sends its token to its own tenant.
   */
  deployment: string;
}

/** A session as sign-in makes it, before the server stamps its deployment on it. */
export type NewSession = Omit<StoredSession, 'deployment'>;

export interface SessionStore {
  /** Keeps `session` under `id` until its token expires, or until it goes unused for the idle timeout. */
  save(id: string, session: StoredSession): Promise<void>;
  /** The live session under `id`, its idle deadline pushed back; undefined when it is unknown or has ended. */
  read(id: string): Promise<StoredSession | undefined>;
  /** Ends the session under `id` (nothing when there is none). */
  remove(id: string): Promise<void>;
  close(): Promise<void>;
}

/** A new session id: 256 random bits. */
export const newSessionId = () => randomBytes(32).toString('base64url');

/** The record's name in the store: the id's SHA-256, so the store does not hold the cookies' secrets. */
export const recordKey = (id: string) => createHash('sha256').update(id).digest('base64url');

/** Seals sessions for storage (AES-256-GCM, bound to their record so a sealed value cannot be moved). */
export class SessionSeal {
  constructor(private readonly key: Buffer) {}

  seal(record: string, session: StoredSession): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv).setAAD(Buffer.from(record));
    const sealed = Buffer.concat([cipher.update(JSON.stringify(session), 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64url');
  }

  /** The session, or undefined for anything that was not sealed by this key for this record. */
  open(record: string, text: string): StoredSession | undefined {
    try {
      const bytes = Buffer.from(text, 'base64url');
      const decipher = createDecipheriv('aes-256-gcm', this.key, bytes.subarray(0, 12)).setAAD(Buffer.from(record));
      decipher.setAuthTag(bytes.subarray(12, 28));
      const plain = Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
      const session = JSON.parse(plain) as StoredSession;
      return typeof session.token === 'string' &&
        typeof session.exp === 'number' &&
        typeof session.deployment === 'string'
        ? session
        : undefined;
    } catch {
      return undefined;
    }
  }
}

/** How long a record is kept from now: until the idle deadline, never past the token's expiry (ms since epoch). */
export function keepUntil(session: StoredSession, idleMs: number, now = Date.now()): number {
  return Math.min(now + idleMs, session.exp * 1000);
}
