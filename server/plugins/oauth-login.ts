// "Sign in with SailPoint": OAuth 2.0 authorization code with PKCE (RFC 6749 §4.1, RFC 7636), when
// SAIL_OAUTH_CLIENT_ID is set. The browser only ever sees the authorize redirect and the one-time code; the code
// is exchanged here, server-side (with the client secret for a confidential client), and the token goes into the
// same server-side session as a PAT sign-in (app.sessions.start, session/sessions.ts).
//
//   GET /auth/config                 → {mode, pat: true, oauth: boolean}: what the sign-in page may offer
//   GET /auth/login?returnTo=/inbox  → 302 to the authorize URL (response_type=code, client_id, redirect_uri,
//                                      state, code_challenge, code_challenge_method=S256)
//   GET /auth/callback?code&state    → state checked, code exchanged, session started, 302 to returnTo
//
// The pending attempt (state, PKCE verifier, returnTo, redirect_uri) is kept for 10 minutes in its own encrypted
// cookie (the session plugin's key and libsodium box), SameSite=Lax: the session cookie is SameSite=Strict, and
// browsers do not send Strict cookies on the redirect back from the tenant's sign-in page (a cross-site
// navigation), so the attempt could not be found there. Lax cookies do ride on that top-level GET.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import fp from 'fastify-plugin';
import type { Redis } from 'ioredis';
import { Type } from 'typebox';
import type { ServerConfig } from '../config.ts';
import { ApiProblem, errorResponse } from '../errors.ts';
import type { TenantGateway } from '../gateway/tenant-gateway.ts';
import { AuthConfigSchema } from '../schemas/server.ts';
import { keyNamespace } from '../shared/redis.ts';
import { registerSignInLimit, signInLimit } from './session/sign-in-limit.ts';
import { sessionFromTokenAnswer } from './session/token-session.ts';

const FLOW_TTL_S = 600;

interface PendingLogin {
  state: string;
  verifier: string;
  returnTo: string;
  redirectUri: string;
  /** Seconds since the epoch. */
  exp: number;
}

/** Only a same-origin path is followed after sign-in (no open redirect): "/x", never "//host" or "/\host". */
export function safeReturnTo(value: unknown): string {
  if (typeof value !== 'string' || value.length > 2000) return '/inbox';
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/inbox';
  // control characters and backslashes are never part of an app path (browsers treat "\" as "/")
  if ([...value].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f || c === '\\')) return '/inbox';
  if (value.startsWith('/sign-in') || value.startsWith('/auth/')) return '/inbox';
  return asciiLocation(value) ?? '/inbox';
}

/**
 * A Location header carries only printable ASCII (Node refuses anything else, which was a 500 that lost the
 * sign-in): every other character percent-encoded as UTF-8, or undefined for one that has no UTF-8 (a lone
 * surrogate).
 */
function asciiLocation(value: string): string | undefined {
  let out = '';
  for (const c of value) {
    const code = c.codePointAt(0)!;
    if (code > 0x20 && code < 0x7f) {
      out += c;
      continue;
    }
    try {
      out += encodeURIComponent(c);
    } catch {
      return undefined;
    }
  }
  return out;
}

function sameString(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

const escapeHtml = (text: string) => text.replace(/[&<>"'`]/g, (c) => `&#${c.charCodeAt(0)};`);

function problemPage(status: number, text: string, trackingId: string): string {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>Sign-in failed · Work Items Inbox</title>
  </head>
  <body>
    <main>
      <h1>Sign-in failed</h1>
      <p role="alert">${escapeHtml(text)}</p>
      <p><a href="/sign-in">Back to sign-in</a></p>
      <p><small>HTTP ${status} · tracking id ${escapeHtml(trackingId)}</small></p>
    </main>
  </body>
</html>
`;
}

interface OAuthLoginOptions {
  config: ServerConfig;
  gateway: TenantGateway;
  /** Set with REDIS_URL: the sign-in limit is shared by every copy. */
  redis?: Redis;
}

const oauthLogin: FastifyPluginAsyncTypebox<OAuthLoginOptions> = async (app, opts) => {
  const { config } = opts;
  const clientId = config.oauthClientId;

  app.get('/auth/config', { schema: { response: { 200: AuthConfigSchema } } }, async () => ({
    mode: config.mode,
    pat: true,
    oauth: clientId !== undefined,
  }));

  if (!clientId) return;
  // In a scope of their own (not fastify-plugin): the sign-in limit registered for them stays on them.
  await app.register(signInRoutes, { ...opts, clientId });
};

const signInRoutes: FastifyPluginAsyncTypebox<OAuthLoginOptions & { clientId: string }> = async (app, opts) => {
  const { config, gateway, clientId } = opts;
  const tls = (config.publicUrl ?? '').startsWith('https:');
  const cookieName = tls ? '__Host-wi-oauth' : 'wi-oauth';
  const cookieOptions = { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: tls };
  // Each attempt costs the tenant a token call at the callback: limited per client address like a PAT sign-in.
  await registerSignInLimit(app, opts.redis, keyNamespace(config));
  const limit = { rateLimit: signInLimit(config) };

  /** The origin the browser uses for this app: PUBLIC_URL when set (recommended), else the request's own. */
  const originOf = (request: FastifyRequest) => config.publicUrl ?? `${request.protocol}://${request.host}`;

  const loginQuery = Type.Object({ returnTo: Type.Optional(Type.Unknown()) });
  app.get('/auth/login', { schema: { querystring: loginQuery }, config: limit }, async (request, reply) => {
    const { returnTo } = request.query;
    const origin = originOf(request);
    const state = randomBytes(32).toString('base64url');
    const verifier = randomBytes(48).toString('base64url'); // 64 characters (RFC 7636: 43..128)
    const pending: PendingLogin = {
      state,
      verifier,
      returnTo: safeReturnTo(returnTo),
      redirectUri: `${origin}/auth/callback`,
      exp: Math.floor(Date.now() / 1000) + FLOW_TTL_S,
    };
    reply.setCookie(cookieName, app.encodeSecureSession(app.createSecureSession({ login: pending })), {
      ...cookieOptions,
      maxAge: FLOW_TTL_S,
    });
    // Sandbox mode without SAIL_AUTHORIZE_URL: the embedded tenant's own sign-in page on this origin.
    const target = new URL(config.authorizeUrl ?? `${origin}/oauth/authorize`);
    target.searchParams.set('response_type', 'code');
    target.searchParams.set('client_id', clientId);
    target.searchParams.set('redirect_uri', pending.redirectUri);
    target.searchParams.set('state', state);
    target.searchParams.set('code_challenge', createHash('sha256').update(verifier).digest('base64url'));
    target.searchParams.set('code_challenge_method', 'S256');
    return reply.redirect(target.toString(), 302);
  });

  /** A failed callback: an HTML page for a person, an ErrorResponseDto for anything else; never a session. */
  const refuse = (request: FastifyRequest, reply: FastifyReply, status: number, text: string) => {
    const body = errorResponse(status, text);
    request.log.info({ status, trackingId: body.trackingId }, `OAuth callback refused: ${text}`);
    reply.code(status);
    if ((request.headers.accept ?? '').includes('text/html')) {
      return reply.type('text/html; charset=utf-8').send(problemPage(status, text, body.trackingId ?? ''));
    }
    return reply.send(body);
  };

  // Whatever the tenant's sign-in page sends back: each parameter is checked below, with a page that says why.
  const callbackQuery = Type.Record(Type.String(), Type.Unknown());
  app.get('/auth/callback', { schema: { querystring: callbackQuery }, config: limit }, async (request, reply) => {
    const query = request.query;
    const raw = request.cookies[cookieName];
    // One attempt, one callback: the pending attempt is forgotten whatever happens next.
    if (raw !== undefined) reply.clearCookie(cookieName, cookieOptions);
    const pending = (raw ? app.decodeSecureSession(raw, request.log)?.get('login') : undefined) as
      PendingLogin | undefined;

    if (typeof query.error === 'string') {
      const said = typeof query.error_description === 'string' ? `: ${query.error_description}` : '';
      return refuse(request, reply, 400, `The tenant did not sign you in (${query.error}${said}).`);
    }
    const code = typeof query.code === 'string' ? query.code : '';
    const state = typeof query.state === 'string' ? query.state : '';
    if (!pending || typeof pending.state !== 'string' || pending.exp * 1000 <= Date.now()) {
      return refuse(
        request,
        reply,
        400,
        'This sign-in attempt is unknown or has expired: start again from the sign-in page.',
      );
    }
    if (!state || !sameString(state, pending.state)) {
      return refuse(
        request,
        reply,
        400,
        "The sign-in answer does not belong to this browser's sign-in attempt (state mismatch).",
      );
    }
    if (!code || code.length > 2000)
      return refuse(request, reply, 400, 'The sign-in answer carries no authorization code.');

    try {
      const answer = await gateway.grantToken(
        {
          grant_type: 'authorization_code',
          code,
          redirect_uri: pending.redirectUri,
          client_id: clientId,
          code_verifier: pending.verifier,
          ...(config.oauthClientSecret ? { client_secret: config.oauthClientSecret } : {}),
        },
        request.ip,
      );
      const stored = await sessionFromTokenAnswer(
        gateway,
        answer,
        'The tenant refused the authorization code (expired, already used, or not issued to this client): start again.',
      );
      await app.sessions.start(request, stored);
    } catch (error) {
      if (!(error instanceof ApiProblem)) throw error;
      const status = error.statusCode === 401 ? 400 : error.statusCode;
      reply.headers(error.headers);
      return refuse(request, reply, status, error.message);
    }
    return reply.redirect(pending.returnTo, 302);
  });
};

export default fp(oauthLogin, { name: 'oauth-login', dependencies: ['session'] });
