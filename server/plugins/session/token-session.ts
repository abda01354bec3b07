// From the tenant's token endpoint to the session to store: the grant's answer read, the token's claims
// decoded, the identity's name looked up. Used by PAT sign-in (routes.ts) and "Sign in with SailPoint".
import type { TenantGateway, TokenAnswer } from '../../gateway/tenant-gateway.ts';
import { ApiProblem } from '../../errors.ts';
import type { NewSession } from './store.ts';

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

/** The session to store from a token endpoint's answer; `refused` is the 401 message for a refused grant. */
export async function sessionFromTokenAnswer(
  gateway: TenantGateway,
  answer: TokenAnswer,
  refused: string,
): Promise<NewSession> {
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
  const name = (await gateway.identityName(token, claims.identity_id)) ?? userName;
  return {
    token,
    identityId: claims.identity_id,
    name,
    isAdmin: Array.isArray(claims.authorities) && claims.authorities.includes('ORG_ADMIN'),
    exp,
  };
}

/** A personal access token (client id + secret) exchanged for the session to store; `clientAddress` signs in. */
export async function signInWithCredentials(
  gateway: TenantGateway,
  credentials: { clientId: string; clientSecret: string },
  clientAddress: string,
): Promise<NewSession> {
  const answer = await gateway.grantToken(
    { grant_type: 'client_credentials', client_id: credentials.clientId, client_secret: credentials.clientSecret },
    clientAddress,
  );
  return sessionFromTokenAnswer(
    gateway,
    answer,
    'Sign-in failed: the client ID or client secret is wrong, or the token was revoked.',
  );
}
