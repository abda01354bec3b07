import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { ServerConfig } from '../config.ts';
import { HealthSchema } from '../schemas/server.ts';

const health: FastifyPluginAsyncTypebox<{ config: ServerConfig }> = async (app, opts) => {
  app.get('/health', { schema: { response: { 200: HealthSchema } } }, async (_request, reply) => {
    reply.header('cache-control', 'no-store');
    return { status: 'ok' as const, mode: opts.config.mode };
  });
};

export default health;
