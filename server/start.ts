import { spawnSync } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { ConfigError, loadConfig } from './config.ts';
import { buildServer } from './app.ts';
import { buildFreshness } from './build-freshness.ts';

/** Builds the app when dist/ is missing or older than its sources, so `npm start` alone is enough. */
function ensureBuilt(distDir: string) {
  const freshness = buildFreshness(distDir);
  if (freshness === 'fresh') return;
  console.log(
    freshness === 'stale' ? 'Sources changed since the last build: rebuilding the app…' : 'Building the app…',
  );
  const result = spawnSync(
    process.execPath,
    [path.resolve('node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
    {
      stdio: 'inherit',
    },
  );
  if (result.status !== 0) {
    console.error('The app build failed; fix the error above and run npm start again.');
    process.exit(1);
  }
}

async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`Configuration error: ${error.message}`);
      process.exit(2);
    }
    throw error;
  }
  if (process.env.SKIP_BUILD !== '1') ensureBuilt(config.distDir);
  const app = await buildServer(config);

  let closing = false;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      if (closing) return;
      closing = true;
      app.log.info(`${signal}: finishing in-flight requests, then stopping`);
      // Fastify's close() stops accepting connections and waits for requests in flight. A keep-alive connection
      // whose request finishes during the wait turns idle and would hold the server open until its keep-alive
      // timeout: close idle ones as they appear. After SHUTDOWN_GRACE_MS (25 s), whatever is left is cut.
      const idle = setInterval(() => app.server.closeIdleConnections(), 100);
      idle.unref();
      setTimeout(() => {
        app.log.warn(`still busy after ${config.shutdownGraceMs} ms: closing the remaining connections`);
        app.server.closeAllConnections();
      }, config.shutdownGraceMs).unref();
      app.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
  }

  await app.listen({ host: config.host, port: config.port });
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  // PORT=0 asks the system for a free port: this line says which (the tests' child servers read it)
  const url = `http://${shownHost}:${(app.server.address() as AddressInfo).port}`;
  console.log(`\nWork Items Inbox is running at ${url}  (mode: ${config.mode})`);
  if (config.mode === 'sandbox') {
    console.log('Sandbox sign-in: pick an identity on the sign-in page, or use a personal access token:');
    console.log(
      '  client id: ada.admin | alice.approver | bob.approver | carol.approver   client secret: sandbox-secret',
    );
    console.log(
      `  curl -s ${url}/oauth/token -d 'grant_type=client_credentials&client_id=alice.approver&client_secret=sandbox-secret'`,
    );
  } else {
    console.log(`Proxying the ISC API at ${config.sailBaseUrl}`);
  }
}

main().catch((error) => {
  // a start-time configuration problem (e.g. REDIS_URL unreachable) says what to fix, without a stack
  if (error instanceof ConfigError) {
    console.error(`Configuration error: ${error.message}`);
    process.exit(2);
  }
  console.error(error);
  process.exit(1);
});
