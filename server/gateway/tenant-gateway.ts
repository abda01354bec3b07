// The tenant as the session and sign-in code see it: the few calls they make to it, whichever tenant it is. The
// server builds one gateway at start (app.ts): over app.inject for the embedded sandbox, over HTTP for a real
// tenant. Nothing that uses it asks which one it has.
import type { FastifyBaseLogger } from 'fastify';
import { ApiProblem } from '../errors.ts';

/** One call to the tenant, and its answer. */
export interface TenantCall {
  method: 'GET' | 'POST';
  /** Path and query string, e.g. /oauth/token. */
  path: string;
  headers: Record<string, string>;
  body?: string;
  /** At most this long (a remote tenant; the server's own PROXY_TIMEOUT_MS is the upper bound). */
  timeoutMs?: number;
  /**
   * The address of the browser the call is made for: the embedded sandbox's token endpoint limits attempts per
   * address + client_id, as it does for callers over the network. Not sent to a remote tenant.
   */
  clientAddress?: string;
}

export interface TenantAnswer {
  status: number;
  text: string;
  retryAfter?: string;
}

/** How calls reach the tenant. Throws TenantUnreachable when there is no answer. */
export type Transport = (call: TenantCall) => Promise<TenantAnswer>;

export class TenantUnreachable extends Error {
  constructor(
    /** The URL that was called. */
    readonly url: string,
    /** Set when the tenant did not answer in time (else it could not be reached at all). */
    readonly timeoutMs: number | undefined,
    options: { cause: unknown },
  ) {
    super(`no answer from ${url}`, options);
  }
}

/** The token endpoint's answer, as the sign-in code reads it. */
export interface TokenAnswer {
  status: number;
  body: unknown;
  retryAfter?: string;
}

/** Sign-in as one of the sandbox's demo identities: its credentials, or an ApiProblem saying why not. */
export type DemoIdentitySignIn = (alias: string) => { clientId: string; clientSecret: string };

export interface TenantGateway {
  /**
   * A grant at the token endpoint (client_credentials for a personal access token, authorization_code for
   * "Sign in with SailPoint") for the browser at `clientAddress`; 504/502 ApiProblem when a remote tenant does
   * not answer.
   */
  grantToken(params: Record<string, string>, clientAddress: string): Promise<TokenAnswer>;
  /** The identity's display name via public-identities, read with its own new token; undefined when unreadable. */
  identityName(token: string, identityId: string): Promise<string | undefined>;
  demoIdentitySignIn: DemoIdentitySignIn;
  /** An identity's name when this server knows it without asking (the sandbox's people); else undefined. */
  knownName: (identityId: string) => string | undefined;
}

/** The name is a nicety of the session view: sign-in does not wait longer than this for it. */
const NAME_LOOKUP_TIMEOUT_MS = 10_000;

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}

export function tenantGateway(
  send: Transport,
  demoIdentitySignIn: DemoIdentitySignIn,
  log: FastifyBaseLogger,
  knownName: (identityId: string) => string | undefined = () => undefined,
): TenantGateway {
  return {
    async grantToken(params, clientAddress) {
      let answer: TenantAnswer;
      try {
        answer = await send({
          method: 'POST',
          path: '/oauth/token',
          headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
          body: new URLSearchParams(params).toString(),
          clientAddress,
        });
      } catch (error) {
        if (!(error instanceof TenantUnreachable)) throw error;
        // The answer does not name the tenant's address; the log does.
        if (error.timeoutMs !== undefined) {
          log.warn({ url: error.url }, 'token endpoint did not answer in time');
          throw new ApiProblem(
            504,
            `The tenant's token endpoint did not answer within ${error.timeoutMs} ms; try again later.`,
          );
        }
        log.warn({ err: error.cause, url: error.url }, 'token endpoint unreachable');
        throw new ApiProblem(502, "The tenant's token endpoint could not be reached; try again later.");
      }
      return { status: answer.status, body: parseJson(answer.text), retryAfter: answer.retryAfter };
    },

    async identityName(token, identityId) {
      const query = new URLSearchParams({ filters: `id eq "${identityId.replaceAll('"', '')}"`, limit: '1' });
      let body: unknown;
      try {
        const answer = await send({
          method: 'GET',
          path: `/v3/public-identities?${query}`,
          headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
          timeoutMs: NAME_LOOKUP_TIMEOUT_MS,
        });
        if (answer.status !== 200) return undefined;
        body = parseJson(answer.text);
      } catch {
        return undefined;
      }
      const first = Array.isArray(body) ? (body[0] as { id?: unknown; name?: unknown } | undefined) : undefined;
      return first && first.id === identityId && typeof first.name === 'string' && first.name ? first.name : undefined;
    },

    demoIdentitySignIn,
    knownName,
  };
}
