import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import { originOf } from '../../plugins/security-headers.ts';
import {
  LOGIN_IDENTITIES,
  SANDBOX_CLIENT_SECRET,
  identityByAlias,
  identityById,
  type SandboxIdentity,
} from '../identities.ts';
import { IssuedTokenSchema } from './schemas.ts';
import { issueToken } from './tokens.ts';

export interface OAuthOptions {
  key: Uint8Array;
  tokenTtl: number;
  /** This server's public origin, when set: its /auth/callback may receive codes (besides loopback ones). */
  publicUrl?: string;
}

interface PendingCode {
  identityId: string;
  clientId: string;
  redirectUri: string;
  challenge: string;
  expires: number;
}

/** One-time authorization codes live 60 s (RFC 6749 §4.1.2 says at most 10 minutes; shorter is safer). */
const CODE_TTL_MS = 60_000;

type Params = Record<string, unknown>;

/** Any query string: the endpoints read the parameters they know (RFC 6749 ignores the others). */
const AnyQuery = Type.Record(Type.String(), Type.Unknown());

/** A parsed form or multipart body (a JSON body that is not an object carries no parameters). */
const paramsIn = (body: unknown): Params => (isObject(body) ? body : {});
const isObject = (value: unknown): value is Params => !!value && typeof value === 'object';

function str(params: Params, name: string): string {
  const v = params[name];
  return typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : '';
}

/** RFC 6749 §5.2 error body, as ISC's token endpoint answers. */
function oauthError(reply: FastifyReply, status: number, error: string, description: string) {
  reply.header('cache-control', 'no-store');
  return reply.code(status).send({ error, error_description: description });
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

const escapeHtml = (text: string) => text.replace(/[&<>"'`]/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * This sign-in page (a stand-in for ISC's) posts its form to itself, then redirects to the client's redirect_uri;
 * browsers check form-action on that redirect too, so the page allows the redirect's origin (another server,
 * such as a tenant-mode copy on another port, may be the client).
 */
function allowFormRedirect(reply: FastifyReply, redirectUri: string): void {
  const redirect = originOf(redirectUri);
  const csp = reply.getHeader('content-security-policy');
  if (redirect && typeof csp === 'string' && !/\s/.test(redirect)) {
    reply.header('content-security-policy', csp.replace("form-action 'self'", `form-action 'self' ${redirect}`));
  }
}

const LOOPBACK = /^(?:localhost|127\.\d+\.\d+\.\d+|\[::1\])$/;

/**
 * Where this stand-in tenant sends a code: ISC sends codes only to the redirect URIs registered for the client;
 * the sandbox has no registry, so it accepts the callbacks of the clients it can be: this server itself
 * (PUBLIC_URL) and copies on this machine (loopback, any port), at /auth/callback exactly. Anything else could
 * hand a code to another site.
 */
function redirectProblem(uri: string, publicUrl: string | undefined): string | undefined {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return 'redirect_uri must be an absolute http(s) URL.';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'redirect_uri must be an absolute http(s) URL.';
  const known = LOOPBACK.test(url.hostname) || (publicUrl !== undefined && url.origin === publicUrl);
  if (!known || url.pathname !== '/auth/callback' || url.search || url.hash || url.username || url.password) {
    return (
      'redirect_uri is not registered for this sandbox: it must be <origin>/auth/callback on this machine ' +
      '(localhost, 127.0.0.1, [::1]) or on this server’s PUBLIC_URL.'
    );
  }
  return undefined;
}

/** The client_id a token request names (form, multipart or query), as its rate-limit key part (bounded). */
function clientIdOf(request: FastifyRequest): string {
  const params: Params = { ...(request.query as Params), ...paramsIn(request.body) };
  return str(params, 'client_id').slice(0, 200);
}

const oauthRoutes: FastifyPluginAsyncTypebox<OAuthOptions> = async (app, opts) => {
  // ISC takes the token request's parameters from a form body, a multipart body (the official SDK) or the
  // query string; these parsers exist only in this scope so /v3 keeps to JSON.
  await app.register(formbody);
  await app.register(multipart, { attachFieldsToBody: 'keyValues', limits: { fileSize: 0, files: 0, fields: 20 } });
  // Busboy's parse errors (no boundary, truncated parts) carry no status and would surface as a 500: they are
  // the client's malformed body, so RFC 6749's invalid_request. Anything else goes on to the app's handler.
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error.statusCode === undefined && /multipart/i.test(error.message)) {
      const problem = `The multipart body is malformed: ${error.message}.`;
      // The authorization endpoint is a browser page: its errors are pages too.
      if (request.url.startsWith('/oauth/authorize')) return errorPage(reply, problem);
      return oauthError(reply, 400, 'invalid_request', problem);
    }
    throw error;
  });

  const codes = new Map<string, PendingCode>();
  const sweep = () => {
    const t = Date.now();
    for (const [code, entry] of codes) if (entry.expires < t) codes.delete(code);
  };

  const tokenSchema = { querystring: AnyQuery, response: { 200: IssuedTokenSchema } };
  // Guessing secrets is limited per client address + client_id, counted once the body is parsed. Not per bearer
  // token as the API is: a token request needs none, and a made-up one must not buy a fresh budget.
  const tokenLimit = {
    hook: 'preHandler' as const,
    keyGenerator: (request: FastifyRequest) => `${request.ip} ${clientIdOf(request)}`,
  };
  app.post(
    '/oauth/token',
    { schema: tokenSchema, config: { anonymous: true, rateLimit: tokenLimit } },
    async (request, reply) => {
      const params: Params = { ...request.query, ...paramsIn(request.body) };
      const grantType = str(params, 'grant_type');
      const clientId = str(params, 'client_id');
      reply.header('cache-control', 'no-store');

      if (grantType === 'client_credentials') {
        const who = identityByAlias(clientId);
        if (!who || !who.login || !sameSecret(str(params, 'client_secret'), SANDBOX_CLIENT_SECRET)) {
          return oauthError(reply, 401, 'invalid_client', 'Bad credentials: unknown client_id or wrong client_secret.');
        }
        return issueToken(opts.key, who, clientId, opts.tokenTtl);
      }

      if (grantType === 'authorization_code') {
        sweep();
        const code = str(params, 'code');
        const entry = codes.get(code);
        // Single use: the code is spent on the first attempt, right or wrong, so a stolen code cannot be retried.
        codes.delete(code);
        if (!code || !entry || entry.expires < Date.now()) {
          return oauthError(reply, 400, 'invalid_grant', 'The authorization code is unknown, expired or already used.');
        }
        if (entry.clientId !== clientId) {
          return oauthError(reply, 400, 'invalid_grant', 'client_id does not match the one the code was issued to.');
        }
        if (entry.redirectUri !== str(params, 'redirect_uri')) {
          return oauthError(reply, 400, 'invalid_grant', 'redirect_uri does not match the authorization request.');
        }
        const verifier = str(params, 'code_verifier');
        const challenge = createHash('sha256').update(verifier).digest('base64url');
        if (!verifier || !sameSecret(challenge, entry.challenge)) {
          return oauthError(reply, 400, 'invalid_grant', 'code_verifier does not match the code_challenge (PKCE).');
        }
        const who = identityById(entry.identityId);
        if (!who) return oauthError(reply, 400, 'invalid_grant', 'The identity of this code no longer exists.');
        return issueToken(opts.key, who, clientId, opts.tokenTtl);
      }

      return oauthError(
        reply,
        400,
        'unsupported_grant_type',
        `grant_type must be client_credentials or authorization_code, got "${grantType}".`,
      );
    },
  );

  /** Checks an authorization request; returns the problem in words, or undefined when it is good. */
  function authorizeProblem(params: Params): string | undefined {
    if (str(params, 'response_type') !== 'code') return 'response_type must be "code".';
    if (!str(params, 'client_id')) return 'client_id is required.';
    const redirect = redirectProblem(str(params, 'redirect_uri'), opts.publicUrl);
    if (redirect) return redirect;
    if (str(params, 'code_challenge_method') !== 'S256') return 'code_challenge_method must be "S256" (PKCE).';
    if (!/^[A-Za-z0-9_-]{43,128}$/.test(str(params, 'code_challenge'))) {
      return 'code_challenge must be the base64url SHA-256 of the code verifier.';
    }
    return undefined;
  }

  function errorPage(reply: FastifyReply, problem: string) {
    return reply
      .code(400)
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(page('Sign-in request refused', `<p role="alert">${escapeHtml(problem)}</p>`));
  }

  app.get(
    '/oauth/authorize',
    { schema: { querystring: AnyQuery }, config: { anonymous: true } },
    async (request, reply) => {
      const params = request.query;
      const problem = authorizeProblem(params);
      if (problem) return errorPage(reply, problem);
      const hidden = ['response_type', 'client_id', 'redirect_uri', 'state', 'code_challenge', 'code_challenge_method']
        .map((name) => `<input type="hidden" name="${name}" value="${escapeHtml(str(params, name))}">`)
        .join('\n      ');
      const buttons = LOGIN_IDENTITIES.map(
        (who: SandboxIdentity) =>
          `<li><button type="submit" name="identity" value="${escapeHtml(who.alias)}">Sign in as ${escapeHtml(who.name)}</button> <span>${escapeHtml(who.alias)}${who.admin ? ' (org admin)' : ''}</span></li>`,
      ).join('\n        ');
      allowFormRedirect(reply, str(params, 'redirect_uri'));
      return reply
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-store')
        .send(
          page(
            'Sign in to the sandbox tenant',
            `<p>Application <strong>${escapeHtml(str(params, 'client_id'))}</strong> asks to act on your behalf.
      Choose a demo identity:</p>
    <form method="post" action="/oauth/authorize">
      ${hidden}
      <ul>
        ${buttons}
      </ul>
    </form>`,
          ),
        );
    },
  );

  app.post('/oauth/authorize', { config: { anonymous: true } }, async (request, reply) => {
    const params = paramsIn(request.body);
    const problem = authorizeProblem(params);
    if (problem) return errorPage(reply, problem);
    const who = identityByAlias(str(params, 'identity'));
    if (!who || !who.login) return errorPage(reply, 'Choose one of the listed identities.');
    sweep();
    const code = randomBytes(24).toString('base64url');
    codes.set(code, {
      identityId: who.id,
      clientId: str(params, 'client_id'),
      redirectUri: str(params, 'redirect_uri'),
      challenge: str(params, 'code_challenge'),
      expires: Date.now() + CODE_TTL_MS,
    });
    const target = new URL(str(params, 'redirect_uri'));
    target.searchParams.set('code', code);
    if (str(params, 'state')) target.searchParams.set('state', str(params, 'state'));
    return reply.header('cache-control', 'no-store').redirect(target.toString(), 302);
  });
};

export default oauthRoutes;

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>${escapeHtml(title)}</title>
  </head>
  <body>
    <main>
    <h1>${escapeHtml(title)}</h1>
    ${body}
    </main>
  </body>
</html>
`;
}
