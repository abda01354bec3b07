import path from 'node:path';

export type Mode = 'sandbox' | 'tenant';

export interface RateLimit {
  max: number;
  windowMs: number;
}

export interface ServerConfig {
  host: string;
  port: number;
  mode: Mode;
  /** Where the sandbox keeps its database and the generated cookie key. */
  dataDir: string;
  sandboxDb: string;
  /** Lifetime of sandbox access tokens, in seconds. */
  tokenTtl: number;
  sandboxRateLimit: RateLimit;
  /** Extra pending items seeded for alice, for benchmarks. */
  seedScale: number;
  /** When > 0, the seed adds one pending alice item with this many approval items (benchmarks). */
  sandboxBigItemSize: number;
  /** Fault injection spec for the sandbox (see server/sandbox/faults.ts); empty = off. */
  sandboxFaults: string;
  sessionSecret?: string;
  /** Set in tenant mode: the tenant's API base, e.g. https://acme.api.identitynow.com */
  sailBaseUrl?: string;
  publicUrl?: string;
  trustProxy: boolean | string;
  /** The built app; not served when it does not exist (API-only, e.g. behind Vite in dev). */
  distDir: string;
  logLevel: string;
}

export class ConfigError extends Error {}

/** Parses "100/10s", "5/1m", "20/500ms" into a count per window. */
export function parseRateLimit(text: string): RateLimit {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*(ms|s|m|h)?\s*$/.exec(text);
  if (!match) throw new ConfigError(`SANDBOX_RATE_LIMIT must look like "100/10s" (requests/window), got "${text}"`);
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[(match[3] ?? 's') as 'ms' | 's' | 'm' | 'h'];
  return { max: Number(match[1]), windowMs: Number(match[2]) * unit };
}

function intFrom(env: NodeJS.ProcessEnv, name: string, fallback: number, min = 0): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min)
    throw new ConfigError(`${name} must be an integer ≥ ${min}, got "${raw}"`);
  return value;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const root = process.cwd();
  const dataDir = path.resolve(root, env.DATA_DIR ?? '.data');
  const sailBaseUrl = env.SAIL_BASE_URL?.trim() || undefined;
  const trust = env.TRUST_PROXY;
  return {
    host: env.HOST ?? '127.0.0.1',
    port: intFrom(env, 'PORT', 8080),
    mode: sailBaseUrl ? 'tenant' : 'sandbox',
    dataDir,
    sandboxDb: path.resolve(root, env.SANDBOX_DB ?? path.join(dataDir, 'sandbox.sqlite')),
    tokenTtl: intFrom(env, 'SANDBOX_TOKEN_TTL', 12 * 3600, 1),
    sandboxRateLimit: parseRateLimit(env.SANDBOX_RATE_LIMIT ?? '100/10s'),
    seedScale: intFrom(env, 'SANDBOX_SEED_SCALE', 0),
    sandboxBigItemSize: intFrom(env, 'SANDBOX_BIG_ITEM_SIZE', 0),
    sandboxFaults: env.SANDBOX_FAULTS ?? '',
    sessionSecret: env.SESSION_SECRET || undefined,
    sailBaseUrl,
    publicUrl: env.PUBLIC_URL || undefined,
    trustProxy: trust === undefined || trust === '' ? false : trust === 'true' ? true : trust,
    distDir: path.resolve(root, env.DIST_DIR ?? 'dist'),
    logLevel: env.LOG_LEVEL ?? 'info',
  };
}
