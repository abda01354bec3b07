// The sandbox's access tokens: HS256 JWTs carrying the claims a real ISC token carries, signed with a key kept in
// the database. Issued by the token endpoint (routes.ts); verified by the caller hook (../auth.ts).
import { randomBytes, randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { getMeta, setMeta, type Db } from '../db.ts';
import type { SandboxIdentity } from '../identities.ts';
import type { IssuedToken } from './schemas.ts';

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
