// Cross-site request forgery: a state-changing request authenticated by the cookie (and every sign-in) must
// carry `X-Requested-With: XMLHttpRequest` (a header no cross-site form can send, and no cross-site fetch
// without a CORS preflight this server never grants), and a same-origin `Origin` when one is sent; otherwise 403.
import type { FastifyRequest } from 'fastify';
import type { ServerConfig } from '../../config.ts';
import { ApiProblem } from '../../errors.ts';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const CSRF_HEADER = 'x-requested-with';
const CSRF_VALUE = 'xmlhttprequest';

export function isStateChanging(request: FastifyRequest): boolean {
  return STATE_CHANGING.has(request.method);
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
export function checkCsrf(request: FastifyRequest, config: ServerConfig): void {
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
