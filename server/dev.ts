import { createServer } from 'vite';
import { loadConfig } from './config.ts';
import { buildServer } from './app.ts';

// `npm run dev`: the API server on PORT+1 (no static files) behind Vite's dev server on PORT, which proxies the
// API paths so the browser still sees /v3, /oauth and /auth on its own origin.
const config = loadConfig();
const apiPort = config.port + 1;
const api = await buildServer({ ...config, port: apiPort, distDir: '/nonexistent' });
await api.listen({ host: config.host, port: apiPort });

const target = `http://${config.host}:${apiPort}`;
const vite = await createServer({
  server: {
    host: config.host,
    port: config.port,
    strictPort: true,
    proxy: Object.fromEntries(
      ['/v3', '/work-items/v1', '/oauth', '/auth', '/health', '/sandbox'].map((p) => [p, { target }]),
    ),
  },
});
await vite.listen();
vite.printUrls();
