// What the server logs (SECURITY.md): the real server as a child process at LOG_LEVEL=debug (every request
// logged), fed secrets in every place a client may put them — query parameters whose names contain token, secret,
// password, code, key or assertion (percent-encoded names too), a form body, a JSON body, the Authorization and
// Cookie headers and headers of any other name, a Set-Cookie answer; none of them may appear in its output. The log is read after the process has exited, so every line it wrote is there.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startChildServer } from './test/child-server.ts';
import { SANDBOX_CLIENT_SECRET } from './sandbox/identities.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wi-logging-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A value that cannot turn up in the log by chance. */
const secret = (name: string) => `${name}-${randomBytes(12).toString('hex')}`;

/** Names outside the five the log once masked by name: the pattern must find them all. */
const PATTERNED = [
  'refresh_token',
  'id_token',
  'password',
  'apikey',
  'api_key',
  'client_assertion',
  'SAMLResponseAssertion',
  'X-Session-Token',
  'privateKey',
  'user[password]',
];
const encodedName = secret('encoded');
const headerKey = secret('header-key');
const headerToken = secret('header-token');
const callbackCode = secret('callback-code');

describe('logging', () => {
  it('never writes tokens, cookies or client secrets, even at debug level', async () => {
    const server = await startChildServer({
      DATA_DIR: dir,
      LOG_LEVEL: 'debug',
      SANDBOX_FAULTS: 'GET /v3/work-items/summary=status:500',
    });
    const { url } = server;
    let exited = false;
    try {
      // The secret in the query string (ISC accepts it there), and in a form body.
      const q = new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: 'alice.approver',
        client_secret: SANDBOX_CLIENT_SECRET,
      });
      const viaQuery = await fetch(`${url}/oauth/token?${q}`, { method: 'POST' });
      expect(viaQuery.status).toBe(200);
      const token = ((await viaQuery.json()) as { access_token: string }).access_token;
      await fetch(`${url}/oauth/token`, { method: 'POST', body: q });
      // An authorization code and its PKCE verifier in the query string (refused, but logged first).
      const code = secret('code');
      const verifier = secret('verifier');
      const exchange = new URLSearchParams({ grant_type: 'authorization_code', code, code_verifier: verifier });
      expect((await fetch(`${url}/oauth/token?${exchange}`, { method: 'POST' })).status).toBe(400);
      // A token in the query string under both names a client may use, next to the Authorization header.
      const inQuery = new URLSearchParams({ access_token: token, token });
      await fetch(`${url}/v3/work-items/count?${inQuery}`, { headers: { authorization: `Bearer ${token}` } });
      // Secrets under every other name a client might use, found by the pattern (token, secret, password, code,
      // key, assertion in the name, any case, percent-encoded names too), and in headers of any name.
      const patterned = Object.fromEntries(PATTERNED.map((name) => [name, secret(name.replace(/\W/g, ''))]));
      const odd = new URLSearchParams(patterned).toString() + `&%74oken=${encodedName}`;
      await fetch(`${url}/v3/work-items/count?${odd}`, {
        headers: { authorization: `Bearer ${token}`, 'x-api-key': headerKey, 'x-auth-token': headerToken },
      });
      await fetch(`${url}/auth/callback?code=${callbackCode}&state=s`);
      // One call answered by an injected 500: its trackingId is logged.
      const failed = await fetch(`${url}/v3/work-items/summary`, { headers: { authorization: `Bearer ${token}` } });
      expect(failed.status).toBe(500);
      const { trackingId } = (await failed.json()) as { trackingId: string };
      // A cookie session signed in with a PAT in the JSON body: Set-Cookie in the answer, Cookie on the next call.
      const signIn = await fetch(`${url}/auth/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-requested-with': 'XMLHttpRequest' },
        body: JSON.stringify({ clientId: 'bob.approver', clientSecret: SANDBOX_CLIENT_SECRET }),
      });
      const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
      expect((await fetch(`${url}/v3/work-items`, { headers: { cookie } })).status).toBe(200);

      expect(await server.stop()).toMatchObject({ code: 0 });
      exited = true;
      const output = server.output();
      expect(output).toMatch(/"url":"\/v3\/work-items\/count\?/); // requests are logged…
      for (const name of ['client_secret', 'code', 'code_verifier', 'access_token', 'token']) {
        // …with each masked name's value hidden (`token` on its own, not only as the end of `access_token`)
        expect(output, name).toMatch(new RegExp(`(^|[^_a-z])${name}=\\[redacted\\]`));
      }
      expect(server.logLines().filter((l) => l.trackingId === trackingId)).toHaveLength(1);
      // The start-up banner prints the sandbox's public demo secret on purpose; the log lines (JSON) never do.
      const log = JSON.stringify(server.logLines());
      expect(log.length).toBeGreaterThan(0);
      expect(log).not.toContain(SANDBOX_CLIENT_SECRET);
      for (const name of PATTERNED) {
        expect(output, name).toContain(`${encodeURIComponent(name)}=[redacted]`);
        expect(output, name).not.toContain(patterned[name]);
      }
      expect(output).toContain('%74oken=[redacted]');
      const secrets = [token, token.split('.')[2]!, code, verifier, cookie.split('=').slice(1).join('=')];
      for (const value of [...secrets, encodedName, headerKey, headerToken, callbackCode]) {
        expect(output).not.toContain(value);
      }
    } finally {
      if (!exited) await server.stop('SIGKILL');
    }
  }, 120_000);
});
