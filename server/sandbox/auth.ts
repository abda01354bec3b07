// Who is calling the sandbox's API. One hook finds the caller for every route of the tenant's API (every
// resource, both path families), before the body is read: an anonymous or forged request is a 401 however
// large or malformed its body, and learns nothing about parameters or bodies. Routes that need no caller (the
// token endpoint, the sign-in page) say so with `config: { anonymous: true }`; every other route gets
// `request.caller`, and a route added later gets it without asking.
//
//   onRequest   identify: the bearer token verified (never throws), so that the rate limit (which runs next)
//               counts a verified token per token and everything else per client address
//   preParsing  require: 401 without a verified caller; a state-changing request that names another identity as
//               the one acting (../acting-identity.ts) is a 409
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { errors as joseErrors, jwtVerify } from 'jose';
import { checkActingIdentity } from '../acting-identity.ts';
import { ApiProblem } from '../errors.ts';
import { identityById, identityName } from './identities.ts';
import type { IscClaims } from './oauth/tokens.ts';

/** The caller as the token says: who they are and whether they may act for others. */
export interface Caller {
  id: string;
  admin: boolean;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The verified caller of a sandbox API route (set before the body is read). */
    caller: Caller;
  }
  interface FastifyContextConfig {
    /** The route needs no caller (the token endpoint, the authorization page). */
    anonymous?: boolean;
  }
}

export function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (typeof header !== 'string') return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1];
}

/**
 * The signing key as a WebCrypto key, imported once per key: given the raw bytes, jose imports them again on every
 * verification, which cost 3–4× the verification itself on each request (CPU profile of the list endpoint).
 */
const verifyingKeys = new WeakMap<Uint8Array, Promise<CryptoKey>>();
function verifyingKey(key: Uint8Array): Promise<CryptoKey> {
  let imported = verifyingKeys.get(key);
  if (!imported) {
    imported = crypto.subtle.importKey('raw', new Uint8Array(key), { name: 'HMAC', hash: 'SHA-256' }, false, [
      'verify',
    ]);
    verifyingKeys.set(key, imported);
  }
  return imported;
}

/** Who is calling, from the bearer token: 401 `{error}` for a missing, malformed, forged or expired token. */
export async function authenticate(key: Uint8Array, request: FastifyRequest): Promise<Caller> {
  const token = bearerToken(request);
  if (!token) throw new ApiProblem(401, 'JWT is required: send an "Authorization: Bearer <token>" header.');
  let claims: Partial<IscClaims>;
  try {
    ({ payload: claims } = await jwtVerify<Partial<IscClaims>>(token, await verifyingKey(key), {
      algorithms: ['HS256'],
    }));
  } catch (error) {
    if (error instanceof joseErrors.JWTExpired) throw new ApiProblem(401, 'JWT has expired: request a new token.');
    throw new ApiProblem(401, 'JWT is invalid.');
  }
  const who = typeof claims.identity_id === 'string' ? identityById(claims.identity_id) : undefined;
  if (!who) throw new ApiProblem(401, 'JWT is invalid: unknown identity.');
  return { id: who.id, admin: Array.isArray(claims.authorities) && claims.authorities.includes('ORG_ADMIN') };
}

/** What the onRequest step found, kept for the steps after it (the rate limit's key, the 401). */
const identified = new WeakMap<FastifyRequest, Caller | ApiProblem>();

async function identify(key: Uint8Array, request: FastifyRequest): Promise<Caller | ApiProblem> {
  try {
    return await authenticate(key, request);
  } catch (error) {
    if (error instanceof ApiProblem) return error;
    throw error;
  }
}

/**
 * The rate-limit key of a request: its token once the token is verified (as its SHA-256: the store never holds a
 * token), else the client address, so a made-up token buys no fresh budget.
 */
export function rateLimitKey(request: FastifyRequest): string {
  const who = identified.get(request);
  const token = bearerToken(request);
  if (token && who !== undefined && !(who instanceof ApiProblem)) {
    return `token:${createHash('sha256').update(token).digest('base64url')}`;
  }
  return `ip:${request.ip}`;
}

/** Registers the caller hooks on the sandbox API's scope (see the top of this file). */
export function findCaller(app: FastifyInstance, key: Uint8Array): void {
  app.decorateRequest('caller', null as unknown as Caller);
  app.addHook('onRequest', async (request) => {
    if (request.routeOptions.config?.anonymous) return;
    identified.set(request, await identify(key, request));
  });
  app.addHook('preParsing', async (request) => {
    if (request.routeOptions.config?.anonymous) return;
    // No route matched (the not-found handler answers) or the request never went through onRequest.
    const who = identified.get(request) ?? (await identify(key, request));
    if (who instanceof ApiProblem) throw who;
    request.caller = who;
    checkActingIdentity(request, { id: who.id }, identityName);
  });
}
