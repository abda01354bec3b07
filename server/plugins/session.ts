// The backend-for-frontend session (issue 3). The browser never holds the access token: sign-in exchanges the
// credentials at the token endpoint, and the token lives in an encrypted, HttpOnly, SameSite=Strict cookie
// (@fastify/secure-session: libsodium secretbox). Requests to /v3 without an Authorization header get the
// session's bearer token attached here; requests with their own Authorization (curl, the SDK) pass untouched.
//
//   POST   /auth/session     {identity} (sandbox) | {clientId, clientSecret} → {identityId, name, isAdmin, expiresAt, mode}
//   GET    /auth/session     → the same, or 401 {error}
//   DELETE /auth/session     → 204, cookie cleared
//   GET    /auth/identities  → sandbox only: the demo identities for the sign-in page
//
// Cross-site request forgery: a state-changing request authenticated by the cookie (and every sign-in) must
// carry `X-Requested-With: XMLHttpRequest`, and a same-origin `Origin` when one is sent; otherwise 403.
import { hkdfSync, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import secureSession from '@fastify/secure-session';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { ConfigError, type ServerConfig } from '../config.ts';
import { ApiProblem } from '../errors.ts';
import type { DemoIdentity, SessionView } from '../../contract/session.ts';
import { LOGIN_IDENTITIES, SANDBOX_CLIENT_SECRET } from '../sandbox/identities.ts';

/** What the cookie holds. Never the client secret. */
export interface StoredSession {
  token: string;
  identityId: string;
  name: string;
  isAdmin: boolean;
  /** Seconds since the epoch, from the token's `exp`. */
  exp: number;
}

declare module '@fastify/secure-session' {
  interface SessionData {
    auth: StoredSession;
  }
}

const SESSION_FIELD = 'auth';
const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const CSRF_HEADER = 'x-requested-with';
const CSRF_VALUE = 'xmlhttprequest';
const KEY_FILE = 'session.key';

// ---------------------------------------------------------------------------------------------------------------
// The cookie key

/**
 * 32 bytes for secretbox: derived (HKDF-SHA256) from SESSION_SECRET; else, in sandbox mode, generated once and
 * kept in the data directory (0600); tenant mode without SESSION_SECRET refuses to start.
 */
export function sessionKey(config: ServerConfig): Buffer {
  if (config.sessionSecret !== undefined) {
    if (config.sessionSecret.length < 32) {
      throw new ConfigError('SESSION_SECRET must be at least 32 characters long (e.g. `openssl rand -hex 32`).');
    }
    return Buffer.from(
      hkdfSync('sha256', config.sessionSecret, 'work-items-inbox', 'session-cookie-key v1', 32) as ArrayBuffer,
    );
  }
  if (config.mode === 'tenant') {
    throw new ConfigError(
      'SESSION_SECRET is required when SAIL_BASE_URL is set: it encrypts the session cookie that holds the ' +
        'access token. Set it to a random string of at least 32 characters (e.g. `openssl rand -hex 32`).',
    );
  }
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

// ---------------------------------------------------------------------------------------------------------------
// Tokens

interface TokenClaims {
  identity_id?: unknown;
  user_name?: unknown;
  authorities?: unknown;
  exp?: unknown;
}

/** The JWT's payload, without verifying it: the token endpoint just gave it to us over a trusted channel. */
function decodeJwtPayload(token: string): TokenClaims {
  const part = token.split('.')[1];
  if (!part) throw new ApiProblem(502, 'The token endpoint answered with a token that is not a JWT.');
  try {
    return JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as TokenClaims;
  } catch {
    throw new ApiProblem(502, 'The token endpoint answered with a token that is not a JWT.');
  }
}

export interface TokenAnswer {
  status: number;
  body: unknown;
  retryAfter?: string;
}

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A grant at the token endpoint (client_credentials for a PAT, authorization_code for "Sign in with SailPoint"):
 * in-process in sandbox mode, at `${SAIL_BASE_URL}/oauth/token` in tenant mode, within PROXY_TIMEOUT_MS.
 */
export async function requestToken(
  app: FastifyInstance,
  config: ServerConfig,
  params: Record<string, string>,
): Promise<TokenAnswer> {
  const form = new URLSearchParams(params).toString();
  const headers = { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' };
  if (config.mode === 'sandbox') {
    const response = await app.inject({ method: 'POST', url: '/oauth/token', headers, payload: form });
    return {
      status: response.statusCode,
      body: parseJson(response.body),
      retryAfter: response.headers['retry-after']?.toString(),
    };
  }
  const tokenUrl = `${config.sailBaseUrl}/oauth/token`;
  try {
    const response = await fetch(tokenUrl, {
      method: 'POST',
      headers,
      body: form,
      signal: AbortSignal.timeout(config.proxyTimeoutMs),
    });
    return {
      status: response.status,
      body: parseJson(await response.text()),
      retryAfter: response.headers.get('retry-after') ?? undefined,
    };
  } catch (error) {
    const name = (error as Error).name;
    if (name === 'TimeoutError' || name === 'AbortError') {
      throw new ApiProblem(
        504,
        `The tenant's token endpoint (${tokenUrl}) did not answer within ${config.proxyTimeoutMs} ms; try again later.`,
      );
    }
    app.log.warn({ err: error }, 'token endpoint unreachable');
    throw new ApiProblem(502, `The tenant's token endpoint (${tokenUrl}) could not be reached; try again later.`);
  }
}

/** The identity's display name via public-identities (with the new token); undefined when it can't be read. */
async function lookupName(
  app: FastifyInstance,
  config: ServerConfig,
  token: string,
  identityId: string,
): Promise<string | undefined> {
  const query = new URLSearchParams({ filters: `id eq "${identityId.replaceAll('"', '')}"`, limit: '1' });
  const headers = { authorization: `Bearer ${token}`, accept: 'application/json' };
  let body: unknown;
  try {
    if (config.mode === 'sandbox') {
      const response = await app.inject({ method: 'GET', url: `/v3/public-identities?${query}`, headers });
      if (response.statusCode !== 200) return undefined;
      body = parseJson(response.body);
    } else {
      const response = await fetch(new URL(`/v3/public-identities?${query}`, config.sailBaseUrl), {
        headers,
        signal: AbortSignal.timeout(10_000),
      });
      if (!response.ok) return undefined;
      body = await response.json();
    }
  } catch {
    return undefined;
  }
  const first = Array.isArray(body) ? (body[0] as { id?: unknown; name?: unknown } | undefined) : undefined;
  return first && first.id === identityId && typeof first.name === 'string' && first.name ? first.name : undefined;
}

async function signInWithCredentials(
  app: FastifyInstance,
  config: ServerConfig,
  clientId: string,
  clientSecret: string,
): Promise<StoredSession> {
  const answer = await requestToken(app, config, {
    grant_type: 'client_credentials',
    client_id: clientId,
    client_secret: clientSecret,
  });
  return sessionFromTokenAnswer(
    app,
    config,
    answer,
    'Sign-in failed: the client ID or client secret is wrong, or the token was revoked.',
  );
}

/** The session to store from a token endpoint's answer; `refused` is the 401 message for a refused grant. */
export async function sessionFromTokenAnswer(
  app: FastifyInstance,
  config: ServerConfig,
  answer: TokenAnswer,
  refused: string,
): Promise<StoredSession> {
  if (answer.status === 429) {
    throw new ApiProblem(
      429,
      'Too many sign-in attempts: wait a moment.',
      [],
      answer.retryAfter ? { 'retry-after': answer.retryAfter } : {},
    );
  }
  if (answer.status === 400 || answer.status === 401 || answer.status === 403) {
    throw new ApiProblem(401, refused);
  }
  const body = (answer.body ?? {}) as { access_token?: unknown; expires_in?: unknown };
  if (answer.status !== 200 || typeof body.access_token !== 'string') {
    throw new ApiProblem(502, `The token endpoint failed (HTTP ${answer.status}); try again later.`);
  }
  const token = body.access_token;
  const claims = decodeJwtPayload(token);
  if (typeof claims.identity_id !== 'string' || !claims.identity_id) {
    throw new ApiProblem(
      401,
      'Sign-in failed: this token does not belong to an identity (use a personal access token, not an API client).',
    );
  }
  const now = Math.floor(Date.now() / 1000);
  const exp =
    typeof claims.exp === 'number' ? claims.exp : now + (typeof body.expires_in === 'number' ? body.expires_in : 3600);
  const userName = typeof claims.user_name === 'string' ? claims.user_name : claims.identity_id;
  const name = (await lookupName(app, config, token, claims.identity_id)) ?? userName;
  return {
    token,
    identityId: claims.identity_id,
    name,
    isAdmin: Array.isArray(claims.authorities) && claims.authorities.includes('ORG_ADMIN'),
    exp,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Request helpers

function readSession(request: FastifyRequest): StoredSession | undefined {
  const stored = request.session?.get(SESSION_FIELD) as StoredSession | undefined;
  return stored && typeof stored.token === 'string' ? stored : undefined;
}

/** Starts the cookie session (a fresh one: nothing of a previous session or sign-in attempt survives). */
export function startSession(request: FastifyRequest, stored: StoredSession): void {
  request.session.regenerate();
  request.session.set(SESSION_FIELD, stored);
  request.session.options({ maxAge: Math.max(1, stored.exp - Math.floor(Date.now() / 1000)) });
}

function isExpired(stored: StoredSession): boolean {
  return stored.exp * 1000 <= Date.now();
}

export function view(stored: StoredSession, config: ServerConfig): SessionView {
  return {
    identityId: stored.identityId,
    name: stored.name,
    isAdmin: stored.isAdmin,
    expiresAt: new Date(stored.exp * 1000).toISOString(),
    mode: config.mode,
  };
}

function pathOf(url: string): string {
  const q = url.indexOf('?');
  return q === -1 ? url : url.slice(0, q);
}

/** The origins this app is served from: PUBLIC_URL's, and the one the request was addressed to. */
function ownOrigins(request: FastifyRequest, config: ServerConfig): Set<string> {
  const origins = new Set<string>();
  if (config.publicUrl) {
    try {
      origins.add(new URL(config.publicUrl).origin);
    } catch {
      // an invalid PUBLIC_URL adds nothing
    }
  }
  const host = request.headers.host;
  if (host) origins.add(`${request.protocol}://${host}`.toLowerCase());
  return origins;
}

/** 403 unless the request proves it comes from this app's pages (custom header; same-origin Origin if sent). */
function checkCsrf(request: FastifyRequest, config: ServerConfig) {
  const marker = request.headers[CSRF_HEADER];
  if (typeof marker !== 'string' || marker.toLowerCase() !== CSRF_VALUE) {
    throw new ApiProblem(
      403,
      'Cross-site request refused: requests authenticated by the session cookie must send "X-Requested-With: XMLHttpRequest".',
    );
  }
  const origin = request.headers.origin;
  if (origin !== undefined) {
    const allowed = ownOrigins(request, config);
    if (!allowed.has(String(origin).toLowerCase())) {
      throw new ApiProblem(403, `Cross-site request refused: Origin "${origin}" is not this application's origin.`);
    }
  }
}

function signInBodyError(): ApiProblem {
  return new ApiProblem(
    400,
    'Send {"clientId", "clientSecret"} (a personal access token) or, in the sandbox, {"identity"}.',
  );
}

// ---------------------------------------------------------------------------------------------------------------
// The plugin

async function session(app: FastifyInstance, opts: { config: ServerConfig }) {
  const { config } = opts;
  const secure = (config.publicUrl ?? '').startsWith('https:');
  await app.register(secureSession, {
    key: sessionKey(config),
    // __Host- binds the cookie to this exact origin (Secure, Path=/, no Domain): only possible over https.
    cookieName: secure ? '__Host-wi-session' : 'wi-session',
    // The session's own expiry is the token's; this is only the envelope's upper bound.
    expiry: 7 * 24 * 3600,
    cookie: { path: '/', httpOnly: true, sameSite: 'strict', secure },
  });

  app.addHook('onRequest', async (request) => {
    const urlPath = pathOf(request.url);
    // /sandbox/faults (admin-only fault injection) rides on the session like the API, CSRF checks included.
    const isApi = urlPath === '/v3' || urlPath.startsWith('/v3/') || urlPath.startsWith('/sandbox/');
    const isAuth = urlPath.startsWith('/auth/');
    if (!isApi && !isAuth) return;
    const stateChanging = STATE_CHANGING.has(request.method);

    if (isAuth) {
      // Sign-in, sign-out and anything else that changes the session: always the custom header (login CSRF too).
      if (stateChanging) checkCsrf(request, config);
      return;
    }
    // /v3: a caller with its own credentials is not riding on the cookie; pass as it is.
    if (request.headers.authorization !== undefined) return;
    const stored = readSession(request);
    if (!stored) return; // no session: the API itself answers 401
    if (isExpired(stored)) {
      request.session.delete();
      throw new ApiProblem(401, 'Your session has expired: sign in again.');
    }
    if (stateChanging) checkCsrf(request, config);
    request.headers.authorization = `Bearer ${stored.token}`;
  });

  app.addHook('onSend', async (request, reply: FastifyReply) => {
    if (pathOf(request.url).startsWith('/auth/')) reply.header('cache-control', 'no-store');
  });

  const signInSchema = {
    body: {
      type: 'object',
      properties: {
        identity: { type: 'string', minLength: 1, maxLength: 200 },
        clientId: { type: 'string', minLength: 1, maxLength: 500 },
        clientSecret: { type: 'string', minLength: 1, maxLength: 2000 },
      },
      additionalProperties: false,
      anyOf: [{ required: ['identity'] }, { required: ['clientId', 'clientSecret'] }],
    },
  } as const;

  app.post<{ Body: { identity?: string; clientId?: string; clientSecret?: string } }>(
    '/auth/session',
    // attachValidation: the default "must match a schema in anyOf" says less than signInBodyError()
    { schema: signInSchema, attachValidation: true },
    async (request, reply) => {
      if (request.validationError) throw signInBodyError();
      const { identity, clientId, clientSecret } = request.body;
      let stored: StoredSession;
      if (identity !== undefined) {
        if (clientId !== undefined || clientSecret !== undefined) throw signInBodyError();
        if (config.mode !== 'sandbox') {
          throw new ApiProblem(
            400,
            'Signing in by identity is only possible in the sandbox: use a personal access token.',
          );
        }
        if (!LOGIN_IDENTITIES.some((i) => i.alias === identity)) {
          throw new ApiProblem(401, `Sign-in failed: "${identity}" is not one of the sandbox's demo identities.`);
        }
        stored = await signInWithCredentials(app, config, identity, SANDBOX_CLIENT_SECRET);
      } else if (clientId !== undefined && clientSecret !== undefined) {
        stored = await signInWithCredentials(app, config, clientId, clientSecret);
      } else {
        throw signInBodyError();
      }
      startSession(request, stored);
      reply.code(200);
      return view(stored, config);
    },
  );

  app.get('/auth/session', async (request) => {
    const stored = readSession(request);
    if (!stored) throw new ApiProblem(401, 'Not signed in.');
    if (isExpired(stored)) {
      request.session.delete();
      throw new ApiProblem(401, 'Your session has expired: sign in again.');
    }
    return view(stored, config);
  });

  app.delete('/auth/session', async (request, reply) => {
    request.session.delete();
    return reply.code(204).send();
  });

  if (config.mode === 'sandbox') {
    app.get('/auth/identities', async (): Promise<DemoIdentity[]> =>
      LOGIN_IDENTITIES.map((i) => ({ alias: i.alias, name: i.name, isAdmin: i.admin })),
    );
  }
}

export default fp(session, { name: 'session' });
