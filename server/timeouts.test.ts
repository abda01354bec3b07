// Slow and greedy clients against the real server over real sockets, with the limits shortened: a body dribbled
// a byte at a time, headers dribbled a byte at a time, idle keep-alive connections, more connections than the
// cap, and one address holding more than its share of them. Each is cut by the server within its limit (plus Node's once-a-second check), never left open.
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './test/server.ts';
import { dribble, hostOf, rawRequest } from './test/http.ts';

const REQUEST_TIMEOUT_MS = 2000;
const HEADERS_TIMEOUT_MS = 1000;
const KEEP_ALIVE_TIMEOUT_MS = 1000;
/** Node checks for expired requests once a second: the cut comes within a check of the limit (plus a loaded machine). */
const CHECK_SLACK_MS = 2500;

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({
    REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS),
    HEADERS_TIMEOUT_MS: String(HEADERS_TIMEOUT_MS),
    KEEP_ALIVE_TIMEOUT_MS: String(KEEP_ALIVE_TIMEOUT_MS),
    MAX_CONNECTIONS: '4',
  });
});
afterAll(() => server?.close());

const bytes = (text: string) => [...text];

describe('timeouts', () => {
  it('a body dribbled a byte every 400 ms is cut at the request timeout with a 408 ErrorResponseDto', async () => {
    const head =
      `POST /auth/session HTTP/1.1\r\nHost: ${hostOf(server.url)}\r\nContent-Type: application/json\r\n` +
      'X-Requested-With: XMLHttpRequest\r\nContent-Length: 200\r\n\r\n';
    // every byte arrives well inside any idle timeout: only a limit on the whole request can end this
    const answer = await dribble(server.url, [head, ...bytes('{"identity":"alice.approver"'.padEnd(200))], 400, 12_000);
    expect(answer.closedAfterMs).toBeLessThan(REQUEST_TIMEOUT_MS + CHECK_SLACK_MS);
    expect(answer.closedAfterMs).toBeGreaterThanOrEqual(REQUEST_TIMEOUT_MS - 100);
    expect(answer.status).toBe(408);
    expect(JSON.parse(answer.body).detailCode).toBe('408 Request Timeout');
    // and the server is fine
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
  });

  it('headers dribbled a byte every 250 ms are cut at the headers timeout', async () => {
    const head = `GET /health HTTP/1.1\r\nHost: ${hostOf(server.url)}\r\nX-Slow: ${'s'.repeat(40)}\r\n\r\n`;
    const answer = await dribble(server.url, bytes(head), 250, 12_000);
    expect(answer.closedAfterMs).toBeLessThan(HEADERS_TIMEOUT_MS + CHECK_SLACK_MS);
    expect(answer.status).toBe(408);
  });

  it('closes an idle keep-alive connection after the keep-alive timeout', async () => {
    const head = `GET /health HTTP/1.1\r\nHost: ${hostOf(server.url)}\r\nConnection: keep-alive\r\n\r\n`;
    const answer = await dribble(server.url, [head], 0, 8000);
    expect(answer.status).toBe(200);
    expect(answer.headers['keep-alive']).toBe(`timeout=${Math.floor(KEEP_ALIVE_TIMEOUT_MS / 1000)}`);
    // Node closes it a second after the advertised timeout (its buffer against a client's reuse race)
    expect(answer.closedAfterMs).toBeLessThan(KEEP_ALIVE_TIMEOUT_MS + 1500);
  });
});

describe('connection cap', () => {
  it('refuses connections over MAX_CONNECTIONS, and serves again once one closes', async () => {
    const { hostname, port } = new URL(server.url);
    const open = (): Promise<net.Socket> =>
      new Promise((resolve, reject) => {
        const socket = net.connect(Number(port), hostname, () => resolve(socket));
        socket.on('error', reject);
      });
    const held = await Promise.all([open(), open(), open(), open()]);
    try {
      // give the server a moment to count them
      await new Promise((r) => setTimeout(r, 100));
      const over = await rawRequest(server.url, `GET /health HTTP/1.1\r\nHost: ${hostOf(server.url)}`);
      expect(over.status).toBe(0); // closed without an answer
      held.pop()!.destroy();
      await new Promise((r) => setTimeout(r, 100));
      const again = await rawRequest(server.url, `GET /health HTTP/1.1\r\nHost: ${hostOf(server.url)}`);
      expect(again.status).toBe(200);
    } finally {
      for (const socket of held) socket.destroy();
    }
  });
});

describe('connections per client address', () => {
  const PER_ADDRESS = 3;
  /** A connection from `localAddress` (every 127.x.y.z is this machine), resolved once it is open. */
  const openFrom = (url: string, localAddress: string): Promise<net.Socket> =>
    new Promise((resolve, reject) => {
      const { hostname, port } = new URL(url);
      const socket = net.connect({ port: Number(port), host: hostname, localAddress }, () => resolve(socket));
      socket.on('error', reject);
    });
  /** A request from `localAddress` on a fresh connection: its status, or 0 when the server closed it unanswered. */
  const statusFrom = (url: string, localAddress: string): Promise<number> =>
    new Promise((resolve) => {
      const { hostname, port } = new URL(url);
      const socket = net.connect({ port: Number(port), host: hostname, localAddress }, () =>
        socket.write(`GET /health HTTP/1.1\r\nHost: ${hostOf(url)}\r\nConnection: close\r\n\r\n`),
      );
      let data = '';
      socket.on('data', (chunk) => (data += chunk.toString()));
      socket.on('error', () => undefined);
      socket.on('close', () => resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(data)?.[1] ?? 0)));
    });
  /** Resolves once the server has seen `count` connections (listen before opening them). */
  const connectionsSeen = (server: TestServer, count: number) =>
    new Promise<void>((resolve) => {
      let seen = 0;
      const listener = () => {
        if ((seen += 1) < count) return;
        server.app.server.off('connection', listener);
        setImmediate(resolve);
      };
      server.app.server.on('connection', listener);
    });

  it('one address over MAX_CONNECTIONS_PER_ADDRESS is cut; everyone else is still served', async () => {
    const capped = await startTestServer({ MAX_CONNECTIONS: '50', MAX_CONNECTIONS_PER_ADDRESS: String(PER_ADDRESS) });
    const held: net.Socket[] = [];
    try {
      const seen = connectionsSeen(capped, PER_ADDRESS);
      for (let i = 0; i < PER_ADDRESS; i += 1) held.push(await openFrom(capped.url, '127.0.0.2'));
      await seen;
      expect(await statusFrom(capped.url, '127.0.0.2'), 'over its share: closed unanswered').toBe(0);
      expect(await statusFrom(capped.url, '127.0.0.1'), 'another address').toBe(200);
      expect(await statusFrom(capped.url, '127.0.0.3'), 'another address').toBe(200);
      const closed = new Promise((resolve) => held[0]!.once('close', resolve));
      held.shift()!.destroy();
      await closed;
      // the server counts the close on its side too: wait for the address to have room again
      let status = 0;
      for (let i = 0; i < 50 && status !== 200; i += 1) status = await statusFrom(capped.url, '127.0.0.2');
      expect(status, 'room again once one of its connections closed').toBe(200);
    } finally {
      for (const socket of held) socket.destroy();
      await capped.close();
    }
  });

  it("the load balancer's address (TRUST_PROXY) is not capped: it carries every client", async () => {
    const behind = await startTestServer({
      MAX_CONNECTIONS: '50',
      MAX_CONNECTIONS_PER_ADDRESS: String(PER_ADDRESS),
      TRUST_PROXY: '127.0.0.2',
    });
    const held: net.Socket[] = [];
    try {
      for (let i = 0; i < PER_ADDRESS * 2; i += 1) held.push(await openFrom(behind.url, '127.0.0.2'));
      expect(await statusFrom(behind.url, '127.0.0.2')).toBe(200);
    } finally {
      for (const socket of held) socket.destroy();
      await behind.close();
    }
  });
});
