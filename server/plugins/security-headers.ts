// Security headers for every response, both modes (@fastify/helmet), and `Cache-Control: no-store` on API and
// session answers.
//
// Content-Security-Policy — what the production build needs, nothing more:
//   default-src 'self'                 everything from our own origin unless said otherwise below
//   script-src 'self'                  the hashed bundles only: no inline script, no eval (Vite emits none)
//   style-src 'self' 'unsafe-inline'   MUI/emotion inject <style> elements at run time. A nonce would need the
//                                      HTML rewritten per response (index.html is a static, pre-compressed file)
//                                      and emotion's cache configured with it; with script-src locked to 'self'
//                                      injected CSS cannot run code, so 'unsafe-inline' for styles is the
//                                      well-known, accepted trade-off.
//   img-src 'self' data:               favicon, and data: URIs MUI uses for some icons/backgrounds
//   font-src 'self' data:              system fonts only today; data: for any inlined font
//   connect-src 'self'                 the page only talks to its own server (/v3 and /auth, proxied in tenant mode)
//   object-src 'none', base-uri 'self', frame-ancestors 'none' (no framing: clickjacking)
//   form-action 'self' [+ the tenant's sign-in origin for "Sign in with SailPoint"]
//   upgrade-insecure-requests          only when PUBLIC_URL is https (over plain http it would blank the page)
// HSTS and Cross-Origin-Opener-Policy are also only sent when PUBLIC_URL is https (helmet's defaults assume TLS).
import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { ServerConfig } from '../config.ts';
import { isApiPath, pathOf } from '../request-path.ts';

const NO_STORE_PREFIXES = ['/auth/', '/oauth/'];

/** The origin of an http(s) URL, or undefined for anything else. */
export function originOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.origin : undefined;
  } catch {
    return undefined;
  }
}

export function cspDirectives(config: ServerConfig): Record<string, string[]> {
  const tls = (config.publicUrl ?? '').startsWith('https:');
  const authorizeOrigin = originOf(config.authorizeUrl);
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    'script-src': ["'self'"],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:'],
    'font-src': ["'self'", 'data:'],
    'connect-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'frame-ancestors': ["'none'"],
    'form-action': ["'self'", ...(authorizeOrigin ? [authorizeOrigin] : [])],
  };
  if (tls) directives['upgrade-insecure-requests'] = [];
  return directives;
}

export default fp(
  async function securityHeaders(app: FastifyInstance, opts: { config: ServerConfig }) {
    const { config } = opts;
    const tls = (config.publicUrl ?? '').startsWith('https:');
    await app.register(helmet, {
      contentSecurityPolicy: { useDefaults: false, directives: cspDirectives(config) },
      strictTransportSecurity: tls ? { maxAge: 31_536_000, includeSubDomains: false } : false,
      crossOriginOpenerPolicy: tls ? { policy: 'same-origin' } : false,
      crossOriginEmbedderPolicy: false,
      crossOriginResourcePolicy: { policy: 'same-origin' },
      referrerPolicy: { policy: 'no-referrer' },
      xFrameOptions: { action: 'deny' },
    });

    app.addHook('onSend', async (request, reply, payload) => {
      const urlPath = pathOf(request.url);
      if (isApiPath(urlPath) || NO_STORE_PREFIXES.some((prefix) => urlPath.startsWith(prefix))) {
        reply.header('cache-control', 'no-store');
      }
      return payload;
    });
  },
  { name: 'security-headers' },
);
