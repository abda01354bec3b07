import type { FastifyInstance } from 'fastify';
import type { ServerConfig } from '../config.ts';

// Placeholder: the embedded tenant (issue 2) is built here.
export default async function sandbox(_app: FastifyInstance, _opts: { config: ServerConfig }) {}
