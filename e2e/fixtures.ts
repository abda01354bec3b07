// Every Playwright worker gets its own server and sandbox database, so specs run in parallel without seeing each
// other's decisions: the worker starts the production build (`npm run build` ran before the e2e run) on a fresh
// data folder and points `baseURL` at it. A spec that needs a bigger queue asks for it with
// `test.use({ seedScale: 520 })`; Playwright gives such files workers (and so servers) of their own.
import fs from 'node:fs';
import path from 'node:path';
import { test as base, expect } from '@playwright/test';
import { startChildServer, type ChildServer } from '../server/test/child-server.ts';

export { expect };

interface WorkerFixtures {
  /** Extra pending items seeded for alice (SANDBOX_SEED_SCALE) in this worker's sandbox. */
  seedScale: number;
  /**
   * A spec that changes what every other spec relies on (moves someone's whole queue, the sandbox's clock) names a
   * server of its own: workers with another value of a worker option never share a server with it.
   */
  ownServer: string;
  /** This worker's server. */
  sandbox: ChildServer;
}

export const test = base.extend<object, WorkerFixtures>({
  seedScale: [0, { scope: 'worker', option: true }],
  ownServer: ['', { scope: 'worker', option: true }],
  sandbox: [
    async ({ seedScale, ownServer }, use, workerInfo) => {
      void ownServer; // an option only for its value: it decides which specs share this worker
      const dataDir = path.resolve('.data', `e2e-worker-${workerInfo.workerIndex}-${process.pid}`);
      fs.rmSync(dataDir, { recursive: true, force: true });
      fs.mkdirSync(dataDir, { recursive: true });
      const server = await startChildServer(
        {
          DATA_DIR: dataDir,
          DIST_DIR: path.resolve('dist'),
          SANDBOX_SEED_SCALE: String(seedScale),
          // 429s are injected where a spec wants them (/sandbox/faults), not by the limit
          SANDBOX_RATE_LIMIT: '100000/1s',
          SIGN_IN_RATE_LIMIT: '100000/1s',
        },
        120_000,
      );
      await use(server);
      await server.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
    { scope: 'worker', timeout: 180_000 },
  ],
  baseURL: async ({ sandbox }, use) => use(sandbox.url),
});
