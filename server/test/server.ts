import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { loadConfig, type ServerConfig } from '../config.ts';
import { buildServer } from '../app.ts';

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
 * `env` overrides variables as a user would set them (SANDBOX_TOKEN_TTL, SANDBOX_RATE_LIMIT, ...); DATA_DIR defaults
 * to a fresh temporary folder.
 */
export async function startTestServer(
  env: Record<string, string> = {},
  options: TestServerOptions = {},
): Promise<TestServer> {
  // A DATA_DIR given by the test is shared with another server (its session store, say) and left in place.
  const ownDir = env.DATA_DIR === undefined;
  const dir = env.DATA_DIR ?? fs.mkdtempSync(path.join(os.tmpdir(), 'wi-test-'));
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    SANDBOX_RATE_LIMIT: '100000/1s',
    SIGN_IN_RATE_LIMIT: '100000/1s',
    // every test client is 127.0.0.1: one address's share would be the whole server's (timeouts.test.ts tests it)
    MAX_CONNECTIONS_PER_ADDRESS: '1000',
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
      // A test is over: connections still open (another test server's keep-alive pool, say) are cut, not awaited.
      const closing = app.close();
      app.server.closeAllConnections();
      await closing;
      if (ownDir) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export { freePort } from './child-server.ts';
