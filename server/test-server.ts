import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { loadConfig, type ServerConfig } from './config.ts';
import { buildServer } from './app.ts';

export interface TestServer {
  url: string;
  app: FastifyInstance;
  config: ServerConfig;
  close: () => Promise<void>;
}

/** One HTTP request as the server answered it (in-process `app.inject` calls are not HTTP and not recorded). */
export interface RecordedRequest {
  method: string;
  /** Path and query string, as sent. */
  url: string;
  status: number;
}

export interface TestServerOptions {
  /** Called once per HTTP request when its response has been sent: to count requests in tests. */
  onResponse?: (request: RecordedRequest) => void;
}

/**
 * The real server with a throw-away sandbox database on an ephemeral port, for tests that talk HTTP.
 * `env` overrides variables as a user would set them (SANDBOX_TOKEN_TTL, SANDBOX_RATE_LIMIT, ...).
 */
export async function startTestServer(
  env: Record<string, string> = {},
  options: TestServerOptions = {},
): Promise<TestServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wi-test-'));
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    SANDBOX_RATE_LIMIT: '100000/1s',
    SIGN_IN_RATE_LIMIT: '100000/1s',
    DIST_DIR: path.join(dir, 'no-dist'),
    ...env,
    DATA_DIR: dir,
    PORT: '0',
    SANDBOX_DB: env.SANDBOX_DB ?? path.join(dir, 'sandbox.sqlite'),
  });
  const app = await buildServer(config);
  const { onResponse } = options;
  if (onResponse) {
    app.server.on('request', (req, res) => {
      res.on('finish', () => onResponse({ method: req.method ?? '', url: req.url ?? '', status: res.statusCode }));
    });
  }
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    app,
    config,
    close: async () => {
      await app.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

export interface ServerProcess {
  process: ChildProcess;
  url: string;
  output: () => string;
}

/**
 * The real server in a process of its own on `dataDir` (its sandbox database is `dataDir/sandbox.sqlite`), for
 * tests that kill it or race two servers on one database. Resolves once /health answers.
 */
export async function spawnServer(dataDir: string): Promise<ServerProcess> {
  const port = await freePort();
  // The server itself, in one process (tsx as a loader): `tsx server/start.ts` would run it in a child process that
  // a kill -9 of the wrapper leaves running, and the "crash" would not stop the write at all.
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/start.ts'], {
    cwd: process.cwd(),
    env: {
      ...process.env,
      SKIP_BUILD: '1',
      DATA_DIR: dataDir,
      SANDBOX_DB: path.join(dataDir, 'sandbox.sqlite'),
      DIST_DIR: path.join(dataDir, 'no-dist'),
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'warn',
      SANDBOX_RATE_LIMIT: '100000/1s',
      SIGN_IN_RATE_LIMIT: '100000/1s',
      SANDBOX_FAULTS: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}): ${output}`);
    try {
      if ((await fetch(`${url}/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`server did not start: ${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { process: child, url, output: () => output };
}
