import type { FastifyInstance } from 'fastify';
import type { ServerConfig } from '../config.ts';

export default async function health(app: FastifyInstance, opts: { config: ServerConfig }) {
  app.get('/health', async (_request, reply) => {
    reply.header('cache-control', 'no-store');
    return { status: 'ok', mode: opts.config.mode };
  });
}
