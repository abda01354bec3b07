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

/**
 * The origin this app is served from: PUBLIC_URL's when it is set (then the Host header decides nothing: a forged
 * or DNS-rebound Host must not make a foreign page same-origin), else the one the request was addressed to.
 */
function ownOrigin(request: FastifyRequest, config: ServerConfig): string | undefined {
  if (config.publicUrl) return new URL(config.publicUrl).origin;
  const host = request.headers.host;
  return host ? `${request.protocol}://${host}`.toLowerCase() : undefined;
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
    if (String(origin).toLowerCase() !== ownOrigin(request, config)) {
      throw new ApiProblem(403, `Cross-site request refused: Origin "${origin}" is not this application's origin.`);
    }
  }
}
