import { randomBytes, randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { SignJWT, errors as joseErrors, jwtVerify } from 'jose';
import { ApiProblem } from '../errors.ts';
import type { IssuedToken } from '../schemas/sandbox.ts';
import { getMeta, setMeta, type Db } from './db.ts';
import { identityById, type SandboxIdentity } from './identities.ts';

/** The caller as the token says: who they are and whether they may act for others. */
export interface Caller {
  id: string;
  admin: boolean;
}

export const SANDBOX_TENANT_ID = 'sandbox-0000-4000-8000-000000000000';
export const SANDBOX_ORG = 'sandbox';

/** The claims a real ISC access token carries, as far as clients read them. */
export interface IscClaims {
  identity_id: string;
  user_name: string;
  authorities: string[];
  tenant_id: string;
  org: string;
  pod: string;
  internal: boolean;
  client_id: string;
  scope: string[];
  strong_auth: boolean;
  exp: number;
  iat: number;
  jti: string;
}

/**
 * The signing key is made once and kept in the database, so tokens survive a restart exactly as long as
 * the data does (a reset invalidates them along with everything else).
 */
export function signingKey(db: Db): Uint8Array {
  let hex = getMeta(db, 'jwt_key');
  if (!hex) {
    hex = randomBytes(32).toString('hex');
    setMeta(db, 'jwt_key', hex);
  }
  return Buffer.from(hex, 'hex');
}

export async function issueToken(
  key: Uint8Array,
  who: SandboxIdentity,
  clientId: string,
  ttlSeconds: number,
): Promise<IssuedToken> {
  const jti = randomUUID();
  const access_token = await new SignJWT({
    identity_id: who.id,
    user_name: who.alias,
    authorities: who.admin ? ['ORG_ADMIN'] : ['USER'],
    tenant_id: SANDBOX_TENANT_ID,
    org: SANDBOX_ORG,
    pod: 'sandbox',
    internal: true,
    client_id: clientId,
    scope: ['sp:scopes:all'],
    strong_auth: false,
  })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + ttlSeconds)
    .setJti(jti)
    .sign(key);
  return {
    access_token,
    token_type: 'bearer',
    expires_in: ttlSeconds,
    scope: 'sp:scopes:all',
    tenant_id: SANDBOX_TENANT_ID,
    internal: true,
    pod: 'sandbox',
    strong_auth_supported: false,
    org: SANDBOX_ORG,
    identity_id: who.id,
    user_name: who.alias,
    strong_auth: false,
    jti,
  };
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
