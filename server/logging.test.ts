// What the server logs (SECURITY.md): the real server as a child process at LOG_LEVEL=debug (every request
// logged), fed secrets in every place a client may put them; none of them may appear in its output.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SANDBOX_CLIENT_SECRET } from './sandbox/identities.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wi-logging-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

describe('logging', () => {
  it('never writes tokens, cookies or client secrets, even at debug level', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'server/start.ts'], {
      env: {
        ...process.env,
        SKIP_BUILD: '1',
        DATA_DIR: dir,
        DIST_DIR: path.join(dir, 'no-dist'),
        HOST: '127.0.0.1',
        PORT: String(port),
        LOG_LEVEL: 'debug',
        SANDBOX_FAULTS: 'GET /v3/work-items/summary=status:500',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout!.on('data', (d) => (output += d));
    child.stderr!.on('data', (d) => (output += d));
    const url = `http://127.0.0.1:${port}`;
    try {
      for (let i = 0; ; i++) {
        try {
          if ((await fetch(`${url}/health`)).ok) break;
        } catch {
          if (i > 600) throw new Error(`server did not start: ${output}`);
          await new Promise((r) => setTimeout(r, 100));
        }
      }
      // The secret in the query string (ISC accepts it there), and in a form body.
      const q = new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: 'alice.approver',
        client_secret: SANDBOX_CLIENT_SECRET,
      });
      const viaQuery = await fetch(`${url}/oauth/token?${q}`, { method: 'POST' });
      const token = ((await viaQuery.json()) as { access_token: string }).access_token;
      await fetch(`${url}/oauth/token`, { method: 'POST', body: q });
      // A bearer token on API calls (one answered by an injected 500, which logs an error line).
      await fetch(`${url}/v3/work-items/count`, { headers: { authorization: `Bearer ${token}` } });
      await fetch(`${url}/v3/work-items/summary`, { headers: { authorization: `Bearer ${token}` } });
      // A cookie session signed in with a PAT in the JSON body.
      const signIn = await fetch(`${url}/auth/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-requested-with': 'XMLHttpRequest' },
        body: JSON.stringify({ clientId: 'bob.approver', clientSecret: SANDBOX_CLIENT_SECRET }),
      });
      const cookie = signIn.headers.get('set-cookie')!.split(';')[0];
      await fetch(`${url}/v3/work-items`, { headers: { cookie } });
      await new Promise((r) => setTimeout(r, 300));

      expect(output).toMatch(/"url":"\/v3\/work-items\/count"/); // requests are logged…
      expect(output).toMatch(/client_secret=\[redacted\]/); // …with the query's secret masked
      expect(output).toMatch(/"trackingId":"[0-9a-f]{32}"/); // the 500's trackingId is in the log
      // The start-up banner prints the sandbox's public demo secret on purpose; the log lines (JSON) never do.
      const log = output
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .join('\n');
      expect(log.split('\n').filter((l) => l.includes(SANDBOX_CLIENT_SECRET))).toEqual([]);
      expect(output).not.toContain(token);
      expect(output).not.toContain(token.split('.')[2]); // not even the signature alone
      expect(output).not.toContain(cookie.split('=').slice(1).join('='));
      expect(log.length).toBeGreaterThan(0);
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
  }, 120_000);
});
