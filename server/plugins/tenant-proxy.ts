// Tenant mode (SAIL_BASE_URL set): the page's /v3 calls go to the real ISC tenant through this proxy, with the
// session's bearer token (attached by the session plugin from the cookie). Only the Work Items API and public
// identities are forwarded; the upstream is always SAIL_BASE_URL, never anything taken from the request.
//
//   GET|POST /v3/work-items, /v3/work-items/<segments>   GET /v3/public-identities   → SAIL_BASE_URL + same path + query
//
// Everything else under /v3 (and any odd-looking path: dot segments, percent-encoded characters) is a 404
// ErrorResponseDto from the not-found handler. Built on @fastify/reply-from (undici), the engine of
// @fastify/http-proxy: we register our own routes so the allow-list is explicit.
import type { IncomingHttpHeaders } from 'node:http';
import replyFrom from '@fastify/reply-from';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ServerConfig } from '../config.ts';
import { errorResponse } from '../errors.ts';
import { pathOf } from '../request-path.ts';

/** RFC 9110 §7.6.1 connection-specific headers, plus the ones that describe the browser's hop, not ours. */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'http2-settings',
]);

/** Request headers never forwarded: hop-by-hop, our own cookie, and what would tell the tenant about our users' browsers. */
const DROP_REQUEST = new Set([
  ...HOP_BY_HOP,
  'cookie',
  'origin',
  'referer',
  'x-requested-with',
  'forwarded',
  'x-forwarded-for',
  'x-forwarded-host',
  'x-forwarded-proto',
  'x-forwarded-port',
  'x-real-ip',
  'expect',
]);

/** Response headers never passed back: hop-by-hop, the tenant's cookies, and CORS/alt-svc that describe its origin. */
const DROP_RESPONSE = new Set([...HOP_BY_HOP, 'set-cookie', 'alt-svc']);

/** One path segment: an id or a word such as bulk-approve. No dot segments, no percent-encoding, no backslash. */
const SEGMENT = /^[A-Za-z0-9_~-][A-Za-z0-9._~-]{0,199}$/;
const MAX_SEGMENTS = 4; // /v3/work-items/{id}/approve/{approvalItemId}

/** True for a path (without query) the proxy may forward: /v3/work-items[/…] with plain segments only. */
export function isForwardablePath(urlPath: string): boolean {
  if (urlPath === '/v3/work-items' || urlPath === '/v3/public-identities') return true;
  if (!urlPath.startsWith('/v3/work-items/')) return false;
  const rest = urlPath.slice('/v3/work-items/'.length).split('/');
  return rest.length <= MAX_SEGMENTS && rest.every((segment) => SEGMENT.test(segment));
}

/**
 * The request body, byte for byte (the '*' parser below keeps it a Buffer, within the 1 MB bodyLimit). Passed
 * explicitly: reply-from would otherwise JSON-encode a parsed body of an application/json request.
 */
function bodyOf(request: FastifyRequest): { body?: Buffer | null; contentType?: string } {
  if (request.method === 'GET' || request.method === 'HEAD') return {};
  const raw = Buffer.isBuffer(request.body) ? request.body : undefined;
  const contentType = request.headers['content-type'];
  if (!raw || raw.length === 0) return contentType ? { body: Buffer.alloc(0), contentType } : { body: null };
  return { body: raw, contentType: contentType ?? 'application/octet-stream' };
}

function filterRequestHeaders(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  const out: IncomingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (DROP_REQUEST.has(name) || name.startsWith('sec-') || name.startsWith('x-forwarded-')) continue;
    out[name] = value;
  }
  return out;
}

function filterResponseHeaders(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  const out: IncomingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    const lower = name.toLowerCase();
    if (DROP_RESPONSE.has(lower) || lower.startsWith('access-control-')) continue;
    out[name] = value;
  }
  return out;
}

export default async function tenantProxy(app: FastifyInstance, opts: { config: ServerConfig }) {
  const { config } = opts;
  const base = config.sailBaseUrl;
  if (!base) throw new Error('tenant proxy registered without SAIL_BASE_URL');
  const timeout = config.proxyTimeoutMs;

  await app.register(replyFrom, {
    base,
    undici: {
      connections: 128,
      pipelining: 1,
      keepAliveTimeout: 30_000,
      headersTimeout: timeout,
      bodyTimeout: timeout,
      connect: { timeout: Math.min(timeout, 10_000) },
    },
    // The tenant's status is the answer: no silent retries (a 503 or a reset POST is passed on, not repeated).
    retryMethods: [],
    disableRequestLogging: true,
  });

  // Bodies go upstream byte for byte (≤ the server's 1 MB bodyLimit): no JSON re-encoding, any content type.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

  /** The tenant did not answer in time → 504; could not be reached (refused, reset, unknown host) → 502. */
  const failure = (error: Error) => {
    const { statusCode, code } = error as Error & { statusCode?: number; code?: string };
    if (statusCode === 504) {
      app.log.warn({ code }, 'tenant did not answer in time');
      return {
        status: 504,
        body: errorResponse(504, `The tenant (${base}) did not answer within ${timeout} ms; try again later.`),
      };
    }
    app.log.warn({ err: error }, 'tenant unreachable');
    return { status: 502, body: errorResponse(502, `The tenant (${base}) could not be reached; try again later.`) };
  };

  const forward = (request: FastifyRequest, reply: FastifyReply) => {
    const urlPath = pathOf(request.url);
    if (!isForwardablePath(urlPath)) return reply.callNotFound();
    return reply.from(urlPath, {
      ...bodyOf(request),
      rewriteRequestHeaders: (_req, headers) => filterRequestHeaders(headers),
      rewriteHeaders: (headers) => filterResponseHeaders(headers),
      onError: (failedReply, { error }) => {
        const { status, body } = failure(error);
        void failedReply.code(status).header('cache-control', 'no-store').send(body);
      },
    });
  };

  app.route({ method: ['GET', 'POST'], url: '/v3/work-items', handler: forward });
  app.route({ method: ['GET', 'POST'], url: '/v3/work-items/*', handler: forward });
  app.route({ method: 'GET', url: '/v3/public-identities', handler: forward });
}
