import { hkdfSync, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { ServerConfig } from '../../config.ts';

const KEY_FILE = 'session.key';

const derive = (secret: string | Buffer, purpose: string) =>
  Buffer.from(hkdfSync('sha256', secret, 'work-items-inbox', purpose, 32) as ArrayBuffer);

/**
 * The session cookie's key, 32 bytes for secretbox: derived (HKDF-SHA256) from SESSION_SECRET; without one,
 * generated once and kept in the data directory (0600). Only the sandbox gets that far: loadConfig refuses
 * tenant mode without SESSION_SECRET, since copies behind a load balancer must share the key.
 */
export function sessionKey(config: Pick<ServerConfig, 'sessionSecret' | 'dataDir'>): Buffer {
  if (config.sessionSecret !== undefined) return derive(config.sessionSecret, 'session-cookie-key v1');
  const file = path.join(config.dataDir, KEY_FILE);
  try {
    const existing = fs.readFileSync(file);
    if (existing.length === 32) return existing;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  fs.mkdirSync(config.dataDir, { recursive: true });
  const key = randomBytes(32);
  fs.writeFileSync(file, key, { mode: 0o600 });
  return key;
}

/** The key that seals sessions at rest in the session store: from the same secret, for another purpose. */
export function sessionStoreKey(config: Pick<ServerConfig, 'sessionSecret' | 'dataDir'>): Buffer {
  return derive(config.sessionSecret ?? sessionKey(config), 'session-store-key v1');
}
