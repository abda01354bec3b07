// Security headers and caching over HTTP, both modes: a strict CSP on the page, no TLS-only headers over plain
// http, HSTS/COOP/upgrade-insecure-requests only when PUBLIC_URL is https, no-store on /v3 and /auth.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../test/server.ts';
import { standInDist, type StandInDist } from '../test/stand-in-dist.ts';

const EXPECTED_CSP =
  "default-src 'self';script-src 'self';style-src 'self' 'unsafe-inline';img-src 'self' data:;" +
  "font-src 'self' data:;connect-src 'self';object-src 'none';base-uri 'self';frame-ancestors 'none';form-action 'self'";

let dist: StandInDist;
let server: TestServer;

beforeAll(async () => {
  // index.html and one hashed asset
  dist = standInDist('<!doctype html><title>x</title><div id="root"></div>', {
    'assets/index-AbC123.js': 'console.log(1)',
  });
  server = await startTestServer({ DIST_DIR: dist.dir });
});

afterAll(async () => {
  await server?.close();
  dist?.remove();
});

describe('security headers over plain http (sandbox mode)', () => {
  it('sends a strict CSP and the other protections on the page', async () => {
    const page = await fetch(`${server.url}/inbox`);
    expect(page.status).toBe(200);
    const h = page.headers;
    expect(h.get('content-security-policy')).toBe(EXPECTED_CSP);
    expect(h.get('x-content-type-options')).toBe('nosniff');
    expect(h.get('referrer-policy')).toBe('no-referrer');
    expect(h.get('x-frame-options')).toBe('DENY');
    expect(h.get('cache-control')).toBe('no-store');
    // TLS-only headers would blank the page over http on any host but localhost
    expect(h.get('strict-transport-security')).toBeNull();
    expect(h.get('cross-origin-opener-policy')).toBeNull();
    expect(h.get('content-security-policy')).not.toMatch(/upgrade-insecure-requests/);
  });

  it('caches hashed assets for a year and never caches API or session answers', async () => {
    const asset = await fetch(`${server.url}/assets/index-AbC123.js`);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(asset.headers.get('x-content-type-options')).toBe('nosniff');
    for (const p of ['/v3/work-items', '/v3/nothing-here', '/auth/session', '/auth/config']) {
      const res = await fetch(`${server.url}${p}`);
      expect(res.headers.get('cache-control'), p).toBe('no-store');
      expect(res.headers.get('content-security-policy'), p).toBe(EXPECTED_CSP);
    }
  });

  it('lets the sandbox sign-in page redirect its form to the client (and nowhere else)', async () => {
    const query = new URLSearchParams({
      response_type: 'code',
      client_id: 'x',
      redirect_uri: 'http://127.0.0.1:9/auth/callback',
      state: 's',
      code_challenge: 'a'.repeat(43),
      code_challenge_method: 'S256',
    });
    const res = await fetch(`${server.url}/oauth/authorize?${query}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("form-action 'self' http://127.0.0.1:9");
  });

  it('offers "Sign in with SailPoint" only when SAIL_OAUTH_CLIENT_ID is set', async () => {
    expect(await (await fetch(`${server.url}/auth/config`)).json()).toEqual({
      mode: 'sandbox',
      pat: true,
      oauth: false,
    });
    expect((await fetch(`${server.url}/auth/login`, { redirect: 'manual' })).status).toBe(404);
  });
});

describe('security headers behind TLS (PUBLIC_URL https)', () => {
  let tls: TestServer;
  beforeAll(async () => {
    tls = await startTestServer({ PUBLIC_URL: 'https://inbox.example.com', SAIL_OAUTH_CLIENT_ID: 'inbox' });
  });
  afterAll(() => tls?.close());

  it('adds HSTS, COOP and upgrade-insecure-requests', async () => {
    const h = (await fetch(`${tls.url}/health`)).headers;
    expect(h.get('strict-transport-security')).toBe('max-age=31536000');
    expect(h.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(h.get('content-security-policy')).toMatch(/;upgrade-insecure-requests$/);
  });

  it('uses PUBLIC_URL for the OAuth redirect_uri and a __Host- Secure cookie for the attempt', async () => {
    const res = await fetch(`${tls.url}/auth/login?returnTo=/completed`, { redirect: 'manual' });
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get('location')!);
    expect(location.origin).toBe('https://inbox.example.com'); // sandbox mode: the own /oauth/authorize
    expect(location.searchParams.get('redirect_uri')).toBe('https://inbox.example.com/auth/callback');
    expect(res.headers.get('set-cookie')).toMatch(/^__Host-wi-oauth=.*; Secure/);
    expect(res.headers.get('cache-control')).toBe('no-store');
  });
});
