// Hook tests talk to the real server with its sandbox (started on an ephemeral port with a throw-away database,
// in a child Node process: the server's crypto does not run inside jsdom), through the app's own http client. A browser keeps the session cookie; here a small cookie jar around Node's
// fetch does the same, so the hooks run exactly as in the page: cookie in, bearer attached by the server.
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { RecordedRequest } from '../../server/test/server.ts';
import { createQueryClient } from '../app/query-client.ts';
import { configureHttp } from '../lib/http.ts';
import { setOutboxIdentity } from '../lib/outbox/outbox.ts';
import { signIn } from '../lib/session/session.ts';

export const IDS = {
  ada: '4eff0342c9b761e00576a11310c155e7',
  alice: 'e3f63c2438144d924f98fed09cfbc1ec',
  bob: 'be7ca2436741d93765e8766e56ebdc0c',
  carol: 'a705acbbc3639575f92d0c2d08444d66',
} as const;

/** A fetch that stores Set-Cookie answers and sends them back, like a browser for one origin. */
export function cookieJarFetch() {
  const jar = new Map<string, string>();
  const jarFetch: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    if (jar.size > 0) request.headers.set('cookie', [...jar].map(([k, v]) => `${k}=${v}`).join('; '));
    const response = await fetch(request);
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      const expired = attributes.some(
        (a) => /^\s*max-age=0\s*$/i.test(a) || (/^\s*expires=/i.test(a) && Date.parse(a.split('=')[1]!) <= Date.now()),
      );
      if (!value || expired) jar.delete(name);
      else jar.set(name, value);
    }
    return response;
  };
  return { fetch: jarFetch, jar };
}

export interface ApiTestServer {
  url: string;
  /** Every HTTP request the server answered, in order (clear it with `requests.length = 0`). */
  requests: RecordedRequest[];
  /** Resolves once every request answered so far has been recorded. */
  settled: () => Promise<void>;
  jar: Map<string, string>;
  /** The cookie-keeping fetch the app's http client was pointed at (to wrap it: `configureHttp`). */
  fetch: typeof fetch;
  signInAs: (alias: string) => Promise<void>;
  close: () => Promise<void>;
}

type ChildMessage =
  { type: 'ready'; url: string } | { type: 'request'; request: RecordedRequest } | { type: 'pong'; id: number };

/** Starts the real server (child process) and points the app's http client at it with a cookie jar. */
export async function startApiServer(env: Record<string, string> = {}): Promise<ApiTestServer> {
  const requests: RecordedRequest[] = [];
  const pongs = new Map<number, () => void>();
  let pings = 0;
  const child: ChildProcess = fork(path.resolve(process.cwd(), 'src/test/test-server-process.ts'), [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, TEST_SERVER_ENV: JSON.stringify(env) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`test server exited with ${code}`)));
    child.on('message', (message: ChildMessage) => {
      if (message.type === 'ready') resolve(message.url);
      else if (message.type === 'request') requests.push(message.request);
      else if (message.type === 'pong') pongs.get(message.id)?.();
    });
  });
  const { fetch: jarFetch, jar } = cookieJarFetch();
  configureHttp({ baseUrl: url, fetch: jarFetch });
  return {
    url,
    requests,
    jar,
    fetch: jarFetch,
    settled: () =>
      new Promise<void>((resolve) => {
        const id = ++pings;
        pongs.set(id, resolve);
        child.send({ type: 'ping', id });
      }),
    signInAs: async (alias) => {
      const session = await signIn({ identity: alias });
      // what the app does on sign-in: the outbox holds and sends decisions for whoever is signed in
      setOutboxIdentity({ identityId: session.identityId, deployment: `${session.mode}@${url}` });
    },
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.removeAllListeners('exit');
        child.once('exit', () => resolve());
        child.send({ type: 'close' });
      }),
  };
}

export function newQueryClient(): QueryClient {
  const client = createQueryClient();
  // tests decide when to ask again
  client.setDefaultOptions({
    ...client.getDefaultOptions(),
    queries: { ...client.getDefaultOptions().queries, refetchOnWindowFocus: false },
  });
  return client;
}

export function wrapperFor(client: QueryClient) {
  return function Wrapper({ children }: { children: ReactNode }) {
    return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
  };
}

/** A 32-hex id no work item has. */
export const UNKNOWN_ID = '0'.repeat(32);
export const TRACKING_ID = /^[0-9a-f]{32}$/;
