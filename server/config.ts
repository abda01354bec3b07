import path from 'node:path';

export type Mode = 'sandbox' | 'tenant';

export interface RateLimit {
  max: number;
  windowMs: number;
}

/** Which Work Items path family the proxy asks the tenant at (the page always calls /v3/work-items). */
export type WorkItemsApi = 'v3' | 'v1';

/** One session's share of the tenant proxy's connections (see plugins/fair-share.ts). */
export interface ProxyShare {
  /** Requests of one session (or token) at the tenant at once. */
  inFlight: number;
  /** Requests of one session waiting for a free slot; one more is a 429. */
  queued: number;
}

/** How long the server waits for slow clients, and how many it holds at once (see README, Deployment). */
export interface ConnectionLimits {
  /** The whole request (headers and body) must arrive within this. */
  requestTimeoutMs: number;
  /** The request's headers must arrive within this (≤ requestTimeoutMs). */
  headersTimeoutMs: number;
  /** An idle keep-alive connection is closed after this. */
  keepAliveTimeoutMs: number;
  /** A connection on which nothing moves for this long is closed (> PROXY_TIMEOUT_MS). */
  connectionTimeoutMs: number;
  /** Connections over this are closed at once. */
  maxConnections: number;
  /** One client address's connections over this are closed at once (trusted proxies exempt). */
  maxConnectionsPerAddress: number;
}

export interface ServerConfig {
  host: string;
  port: number;
  mode: Mode;
  /**
   * Which tenant this server speaks for: "sandbox", or "tenant <SAIL_BASE_URL>". A session records it and is refused
   * by a server of another deployment; shared state (Redis) is namespaced by it.
   */
  deployment: string;
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
  /** Set in tenant mode: the tenant's API origin, e.g. https://acme.api.identitynow.com (no trailing slash). */
  sailBaseUrl?: string;
  /** OAuth 2.0 client for "Sign in with SailPoint" (authorization code + PKCE); unset = the button is not offered. */
  oauthClientId?: string;
  /** Only for a confidential OAuth client; a public client relies on PKCE alone. */
  oauthClientSecret?: string;
  /**
   * Where "Sign in with SailPoint" sends the browser. Derived from SAIL_BASE_URL when not set; in sandbox mode
   * unset means the server's own /oauth/authorize (the embedded tenant's sign-in page).
   */
  authorizeUrl?: string;
  /** How long the server waits for the tenant (API proxy and token endpoint) before answering 504. */
  proxyTimeoutMs: number;
  proxyShare: ProxyShare;
  /** The public origin the app is served from, when set (PUBLIC_URL without a trailing slash). */
  publicUrl?: string;
  /** Fastify's trustProxy: true, or a comma-separated list of proxy addresses/CIDRs to trust. */
  trustProxy: boolean | string;
  /** Shared sessions and rate limits for several copies; unset = a SQLite file in dataDir, limits in memory. */
  redisUrl?: string;
  /** A session unused for this long (seconds) ends; every request that uses it starts the wait again. */
  sessionIdleTimeoutS: number;
  /** Sign-in attempts (POST /auth/session) per client address. */
  signInRateLimit: RateLimit;
  workItemsApi: WorkItemsApi;
  limits: ConnectionLimits;
  /** How long SIGTERM waits for requests in flight before it cuts them and exits. */
  shutdownGraceMs: number;
  /** The built app; not served when it does not exist (API-only, e.g. behind Vite in dev). */
  distDir: string;
  logLevel: string;
}

export class ConfigError extends Error {}

/** Parses "100/10s", "5/1m", "20/500ms" into a count per window. */
export function parseRateLimit(text: string, name = 'SANDBOX_RATE_LIMIT'): RateLimit {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*(ms|s|m|h)?\s*$/.exec(text);
  if (!match) throw new ConfigError(`${name} must look like "100/10s" (requests/window), got "${text}"`);
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

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/** A listening address only this machine can reach. */
const isLoopbackHost = (host: string) => LOCAL_HOSTS.has(host) || /^127\.\d+\.\d+\.\d+$/.test(host);

/** https, or http on this machine only (a tenant stand-in such as a second copy of this server's sandbox). */
function parseHttpUrl(name: string, raw: string, example: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`${name} must be an absolute URL such as ${example}, got "${raw}".`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ConfigError(`${name} must start with https:// (e.g. ${example}), got "${raw}".`);
  }
  if (url.protocol === 'http:' && !LOCAL_HOSTS.has(url.hostname)) {
    throw new ConfigError(
      `${name} must use https:// (plain http is only accepted for localhost, 127.0.0.1 and ::1), got "${raw}".`,
    );
  }
  if (url.username || url.password) throw new ConfigError(`${name} must not contain a user name or password.`);
  if (url.hash) throw new ConfigError(`${name} must not contain a #fragment, got "${raw}".`);
  return url;
}

/** The tenant's API origin: https://<tenant>.api.identitynow.com, no path (the proxy adds /v3/...). */
export function parseSailBaseUrl(raw: string): string {
  const example = 'https://acme.api.identitynow.com';
  const url = parseHttpUrl('SAIL_BASE_URL', raw, example);
  if ((url.pathname !== '/' && url.pathname !== '') || url.search) {
    throw new ConfigError(
      `SAIL_BASE_URL must be the tenant's API origin without a path or query (e.g. ${example}; the server adds ` +
        `/v3/... itself), got "${raw}".`,
    );
  }
  return url.origin;
}

/**
 * ISC's sign-in page for a tenant: https://acme.api.identitynow.com → https://acme.login.sailpoint.com/oauth/authorize
 * (also for the -demo domain); a local stand-in (the sandbox) serves its own /oauth/authorize.
 */
export function defaultAuthorizeUrl(sailBaseUrl: string): string | undefined {
  const url = new URL(sailBaseUrl);
  if (LOCAL_HOSTS.has(url.hostname)) return `${url.origin}/oauth/authorize`;
  const tenant = /^([a-z0-9-]+)\.api\.identitynow(?:-demo)?\.com$/i.exec(url.hostname)?.[1];
  return tenant ? `https://${tenant.toLowerCase()}.login.sailpoint.com/oauth/authorize` : undefined;
}

function parseTrustProxy(raw: string | undefined): boolean | string {
  if (raw === undefined || raw === '' || raw === 'false') return false;
  if (raw === 'true') return true;
  return raw;
}

function parseRedisUrl(raw: string | undefined): string | undefined {
  const value = raw?.trim();
  if (!value) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`REDIS_URL must be a URL such as redis://redis.internal:6379, got "${value}".`);
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') {
    throw new ConfigError(`REDIS_URL must start with redis:// or rediss:// (TLS), got "${url.protocol}//…".`);
  }
  return value;
}

function parseWorkItemsApi(raw: string | undefined): WorkItemsApi {
  const value = raw?.trim() || 'v3';
  if (value !== 'v3' && value !== 'v1') {
    throw new ConfigError(
      `SAIL_WORK_ITEMS_API must be "v3" (/v3/work-items) or "v1" (/work-items/v1), got "${value}".`,
    );
  }
  return value;
}

function connectionLimits(env: NodeJS.ProcessEnv, proxyTimeoutMs: number): ConnectionLimits {
  const limits = {
    requestTimeoutMs: intFrom(env, 'REQUEST_TIMEOUT_MS', 30_000, 1),
    headersTimeoutMs: intFrom(env, 'HEADERS_TIMEOUT_MS', 10_000, 1),
    keepAliveTimeoutMs: intFrom(env, 'KEEP_ALIVE_TIMEOUT_MS', 72_000, 1),
    connectionTimeoutMs: intFrom(env, 'CONNECTION_TIMEOUT_MS', 120_000, 1),
    maxConnections: intFrom(env, 'MAX_CONNECTIONS', 1000, 1),
    maxConnectionsPerAddress: intFrom(env, 'MAX_CONNECTIONS_PER_ADDRESS', 100, 1),
  };
  if (limits.headersTimeoutMs > limits.requestTimeoutMs) {
    throw new ConfigError(
      `HEADERS_TIMEOUT_MS (${limits.headersTimeoutMs}) must not be longer than REQUEST_TIMEOUT_MS (${limits.requestTimeoutMs}).`,
    );
  }
  if (limits.connectionTimeoutMs <= proxyTimeoutMs) {
    throw new ConfigError(
      `CONNECTION_TIMEOUT_MS (${limits.connectionTimeoutMs}) must be longer than PROXY_TIMEOUT_MS (${proxyTimeoutMs}): ` +
        'a request waiting for the tenant would otherwise lose its connection first.',
    );
  }
  return limits;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const root = process.cwd();
  const dataDir = path.resolve(root, env.DATA_DIR ?? '.data');
  const rawBase = env.SAIL_BASE_URL?.trim() || undefined;
  const sailBaseUrl = rawBase ? parseSailBaseUrl(rawBase) : undefined;
  const mode: Mode = sailBaseUrl ? 'tenant' : 'sandbox';
  const trust = env.TRUST_PROXY?.trim();

  const sessionSecret = env.SESSION_SECRET || undefined;
  if (sessionSecret === undefined && mode === 'tenant') {
    throw new ConfigError(
      'SESSION_SECRET is required when SAIL_BASE_URL is set: it encrypts the session cookie and the access ' +
        'tokens in the session store. Set it to a random string of at least 32 characters (e.g. `openssl rand -hex 32`), the ' +
        'same on every copy of the server.',
    );
  }
  if (sessionSecret !== undefined && sessionSecret.length < 32) {
    throw new ConfigError('SESSION_SECRET must be at least 32 characters long (e.g. `openssl rand -hex 32`).');
  }

  const rawPublic = env.PUBLIC_URL?.trim() || undefined;
  let publicUrl: string | undefined;
  if (rawPublic) {
    const url = parseHttpUrl('PUBLIC_URL', rawPublic, 'https://inbox.example.com');
    if ((url.pathname !== '/' && url.pathname !== '') || url.search) {
      throw new ConfigError(
        `PUBLIC_URL must be the origin the app is served from, without a path (the app lives at /), got "${rawPublic}".`,
      );
    }
    publicUrl = url.origin;
  }
  const host = env.HOST ?? '127.0.0.1';
  if (mode === 'tenant' && !publicUrl && !isLoopbackHost(host)) {
    throw new ConfigError(
      `PUBLIC_URL is required in tenant mode when HOST (${host}) is not a loopback address: set it to the origin ` +
        'your users open (e.g. https://inbox.example.com). Only that origin is then accepted as the Origin of a ' +
        'request and as the OAuth redirect_uri; the Host header is never trusted for it.',
    );
  }

  const oauthClientId = env.SAIL_OAUTH_CLIENT_ID?.trim() || undefined;
  const oauthClientSecret = env.SAIL_OAUTH_CLIENT_SECRET?.trim() || undefined;
  if (oauthClientSecret && !oauthClientId) {
    throw new ConfigError('SAIL_OAUTH_CLIENT_SECRET is set but SAIL_OAUTH_CLIENT_ID is not: set both, or neither.');
  }
  const rawAuthorize = env.SAIL_AUTHORIZE_URL?.trim() || undefined;
  let authorizeUrl: string | undefined;
  if (rawAuthorize) {
    const url = parseHttpUrl('SAIL_AUTHORIZE_URL', rawAuthorize, 'https://acme.login.sailpoint.com/oauth/authorize');
    if (url.search) throw new ConfigError(`SAIL_AUTHORIZE_URL must not carry a query string, got "${rawAuthorize}".`);
    authorizeUrl = url.toString();
  } else if (oauthClientId && sailBaseUrl) {
    authorizeUrl = defaultAuthorizeUrl(sailBaseUrl);
    if (!authorizeUrl) {
      throw new ConfigError(
        `SAIL_AUTHORIZE_URL could not be derived from SAIL_BASE_URL "${sailBaseUrl}" (not a ` +
          "<tenant>.api.identitynow.com address): set it to the tenant's sign-in endpoint, e.g. " +
          'https://acme.login.sailpoint.com/oauth/authorize.',
      );
    }
  }

  const proxyTimeoutMs = intFrom(env, 'PROXY_TIMEOUT_MS', 30_000, 1);
  return {
    host,
    port: intFrom(env, 'PORT', 8080),
    mode,
    deployment: sailBaseUrl ? `tenant ${sailBaseUrl}` : 'sandbox',
    dataDir,
    sandboxDb: path.resolve(root, env.SANDBOX_DB ?? path.join(dataDir, 'sandbox.sqlite')),
    tokenTtl: intFrom(env, 'SANDBOX_TOKEN_TTL', 12 * 3600, 1),
    sandboxRateLimit: parseRateLimit(env.SANDBOX_RATE_LIMIT ?? '100/10s'),
    seedScale: intFrom(env, 'SANDBOX_SEED_SCALE', 0),
    sandboxBigItemSize: intFrom(env, 'SANDBOX_BIG_ITEM_SIZE', 0),
    sandboxFaults: env.SANDBOX_FAULTS ?? '',
    sessionSecret,
    sailBaseUrl,
    oauthClientId,
    oauthClientSecret,
    authorizeUrl,
    proxyTimeoutMs,
    proxyShare: {
      inFlight: intFrom(env, 'PROXY_SESSION_IN_FLIGHT', 8, 1),
      queued: intFrom(env, 'PROXY_SESSION_QUEUE', 64),
    },
    // below the usual 30 s an orchestrator waits between SIGTERM and SIGKILL
    shutdownGraceMs: intFrom(env, 'SHUTDOWN_GRACE_MS', 25_000),
    publicUrl,
    trustProxy: parseTrustProxy(trust),
    redisUrl: parseRedisUrl(env.REDIS_URL),
    sessionIdleTimeoutS: intFrom(env, 'SESSION_IDLE_TIMEOUT', 30 * 60, 1),
    signInRateLimit: parseRateLimit(env.SIGN_IN_RATE_LIMIT ?? '10/1m', 'SIGN_IN_RATE_LIMIT'),
    workItemsApi: parseWorkItemsApi(env.SAIL_WORK_ITEMS_API),
    limits: connectionLimits(env, proxyTimeoutMs),
    distDir: path.resolve(root, env.DIST_DIR ?? 'dist'),
    logLevel: env.LOG_LEVEL ?? 'info',
  };
}
