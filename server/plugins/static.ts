import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fastifyStatic from '@fastify/static';
import fp from 'fastify-plugin';
import type { ServerConfig } from '../config.ts';
import { isApiPath, pathOf } from '../request-path.ts';
import { landingFor, withBootstrap, type Landing } from './bootstrap.ts';
import { firstScreenHtml, readerLocales, withFirstScreen } from './first-screen.ts';

/**
 * Paths the SPA fallback never answers besides the API itself (isApiPath): auth and sandbox misses stay JSON 404s.
 * The page's own /work-items/<id> routes are not API paths (ids are 32-hex, never "v1").
 */
const SERVER_PREFIXES = ['/oauth/', '/auth/', '/sandbox/', '/health'];

/**
 * Serves the built app. Hashed assets are cached for a year; index.html never (so a deploy is picked up at once);
 * client routes (/inbox, /work-items/:id, ...) fall back to index.html, which for the inbox carries the signed-in
 * identity's session and first list pages (bootstrap.ts) and its first screen of rows (first-screen.ts); every
 * answer of it is `no-store`, so no cache ever hands one identity's rows to another.
 */
export default fp(async function staticFiles(
  app: FastifyInstance,
  opts: { distDir: string; config: Pick<ServerConfig, 'mode'> },
) {
  const indexFile = path.join(opts.distDir, 'index.html');
  if (!fs.existsSync(indexFile)) {
    app.log.warn(`${indexFile} not found: serving the API only (run "npm run build")`);
    return;
  }
  await app.register(fastifyStatic, {
    root: opts.distDir,
    wildcard: false,
    index: false,
    preCompressed: true,
    cacheControl: false,
    setHeaders(res, filePath) {
      const rel = path.relative(opts.distDir, filePath);
      if (rel.startsWith(`assets${path.sep}`)) res.setHeader('cache-control', 'public, max-age=31536000, immutable');
      else if (rel === 'index.html') res.setHeader('cache-control', 'no-store');
      else res.setHeader('cache-control', 'public, max-age=3600');
    },
  });

  // The rows in the HTML are the list's default view: a URL with a search, filters or a sort gets the skeleton.
  const firstScreenOf = (request: FastifyRequest, landing: Landing | undefined) =>
    landing && !request.url.includes('?') ? firstScreenHtml(landing, readerLocales(request)) : undefined;

  // Read per request, like the file it was served from before: a rebuild is picked up without a restart.
  const sendIndex = async (request: FastifyRequest, reply: FastifyReply) => {
    const [html, landing] = await Promise.all([
      fs.promises.readFile(indexFile, 'utf8'),
      landingFor(app, opts.config, request),
    ]);
    return reply
      .header('cache-control', 'no-store')
      .type('text/html; charset=utf-8')
      .send(withBootstrap(withFirstScreen(html, firstScreenOf(request, landing)), landing?.bootstrap));
  };
  app.get('/', sendIndex);
  app.get('/*', (request, reply) => {
    // Every real file has its own route (wildcard: false), so what reaches here is a client route or a miss.
    const url = request.url;
    const urlPath = pathOf(url);
    if (
      isApiPath(urlPath) ||
      SERVER_PREFIXES.some((p) => url.startsWith(p)) ||
      url.startsWith('/assets/') ||
      path.extname(urlPath)
    ) {
      return reply.callNotFound();
    }
    return sendIndex(request, reply);
  });
});
