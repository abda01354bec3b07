import { describe, expect, it } from 'vitest';
import { ConfigError, defaultAuthorizeUrl, loadConfig } from './config.ts';

const SECRET = 'x'.repeat(40);
const tenant = (env: Record<string, string> = {}) =>
  loadConfig({ SAIL_BASE_URL: 'https://acme.api.identitynow.com', SESSION_SECRET: SECRET, ...env });

describe('configuration', () => {
  it('is sandbox mode without SAIL_BASE_URL, tenant mode with it', () => {
    expect(loadConfig({}).mode).toBe('sandbox');
    const config = tenant();
    expect(config.mode).toBe('tenant');
    expect(config.sailBaseUrl).toBe('https://acme.api.identitynow.com');
    expect(config.proxyTimeoutMs).toBe(30_000);
    expect(config.shutdownGraceMs).toBe(25_000);
    expect(tenant({ SHUTDOWN_GRACE_MS: '1000' }).shutdownGraceMs).toBe(1000);
    expect(() => tenant({ SHUTDOWN_GRACE_MS: '-1' })).toThrow(/SHUTDOWN_GRACE_MS must be an integer/);
    expect(config.oauthClientId).toBeUndefined();
    expect(config.authorizeUrl).toBeUndefined();
  });

  it('normalises SAIL_BASE_URL to its origin (a trailing slash is fine)', () => {
    expect(tenant({ SAIL_BASE_URL: ' https://acme.api.identitynow.com/ ' }).sailBaseUrl).toBe(
      'https://acme.api.identitynow.com',
    );
  });

  it.each([
    ['acme.api.identitynow.com', /must be an absolute URL/],
    ['not a url', /must be an absolute URL/],
    ['ftp://acme.example.com', /must start with https:\/\//],
    ['http://acme.api.identitynow.com', /must use https:\/\/.*localhost/],
    ['https://acme.api.identitynow.com/v3', /without a path/],
    ['https://acme.api.identitynow.com/?x=1', /without a path or query/],
    ['https://user:pw@acme.api.identitynow.com', /user name or password/],
  ])('refuses SAIL_BASE_URL=%s with a message that says what to fix', (value, message) => {
    expect(() => tenant({ SAIL_BASE_URL: value })).toThrow(ConfigError);
    expect(() => tenant({ SAIL_BASE_URL: value })).toThrow(message);
  });

  it('accepts plain http for localhost, 127.0.0.1 and ::1 only', () => {
    for (const base of ['http://localhost:8081', 'http://127.0.0.1:8081', 'http://[::1]:8081']) {
      expect(tenant({ SAIL_BASE_URL: base }).sailBaseUrl).toBe(base);
    }
    expect(() => tenant({ SAIL_BASE_URL: 'http://10.0.0.5:8081' })).toThrow(/https/);
  });

  it('requires SESSION_SECRET (32+ characters) in tenant mode', () => {
    expect(() => loadConfig({ SAIL_BASE_URL: 'https://acme.api.identitynow.com' })).toThrow(
      /SESSION_SECRET is required when SAIL_BASE_URL is set/,
    );
    expect(() => tenant({ SESSION_SECRET: 'short' })).toThrow(/at least 32 characters/);
  });

  it('derives the authorize URL the way ISC names it, or uses SAIL_AUTHORIZE_URL', () => {
    expect(tenant({ SAIL_OAUTH_CLIENT_ID: 'inbox' }).authorizeUrl).toBe(
      'https://acme.login.sailpoint.com/oauth/authorize',
    );
    expect(defaultAuthorizeUrl('https://Acme-Dev.api.identitynow-demo.com')).toBe(
      'https://acme-dev.login.sailpoint.com/oauth/authorize',
    );
    expect(tenant({ SAIL_OAUTH_CLIENT_ID: 'inbox', SAIL_BASE_URL: 'http://127.0.0.1:9000' }).authorizeUrl).toBe(
      'http://127.0.0.1:9000/oauth/authorize',
    );
    expect(
      tenant({ SAIL_OAUTH_CLIENT_ID: 'inbox', SAIL_AUTHORIZE_URL: 'https://sso.acme.example/oauth/authorize' })
        .authorizeUrl,
    ).toBe('https://sso.acme.example/oauth/authorize');
    // a vanity domain cannot be derived: say what to set
    expect(() => tenant({ SAIL_OAUTH_CLIENT_ID: 'inbox', SAIL_BASE_URL: 'https://isc.acme.example' })).toThrow(
      /SAIL_AUTHORIZE_URL could not be derived/,
    );
    // in sandbox mode the default is the server's own /oauth/authorize, chosen per request
    expect(loadConfig({ SAIL_OAUTH_CLIENT_ID: 'inbox' }).authorizeUrl).toBeUndefined();
  });

  it('checks the OAuth client settings, PUBLIC_URL and PROXY_TIMEOUT_MS', () => {
    expect(() => tenant({ SAIL_OAUTH_CLIENT_SECRET: 's' })).toThrow(/SAIL_OAUTH_CLIENT_ID is not/);
    expect(() => tenant({ SAIL_OAUTH_CLIENT_ID: 'x', SAIL_AUTHORIZE_URL: 'http://sso.example/authorize' })).toThrow(
      /SAIL_AUTHORIZE_URL must use https/,
    );
    expect(tenant({ PUBLIC_URL: 'https://inbox.example.com/' }).publicUrl).toBe('https://inbox.example.com');
    expect(() => tenant({ PUBLIC_URL: 'https://inbox.example.com/app' })).toThrow(/PUBLIC_URL must be the origin/);
    expect(() => tenant({ PUBLIC_URL: 'inbox.example.com' })).toThrow(/PUBLIC_URL must be an absolute URL/);
    expect(tenant({ PROXY_TIMEOUT_MS: '500' }).proxyTimeoutMs).toBe(500);
    expect(() => tenant({ PROXY_TIMEOUT_MS: 'soon' })).toThrow(/PROXY_TIMEOUT_MS must be an integer/);
    expect(tenant({ TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(tenant({ TRUST_PROXY: '10.0.0.0/8' }).trustProxy).toBe('10.0.0.0/8');
  });
});
