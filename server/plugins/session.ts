import type { FastifyInstance } from 'fastify';
import type { ServerConfig } from '../config.ts';

// Placeholder: the cookie session (issue 3) is built here.
export default async function session(_app: FastifyInstance, _opts: { config: ServerConfig }) {}
