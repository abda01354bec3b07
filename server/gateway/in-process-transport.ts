import type { FastifyInstance } from 'fastify';
import type { Transport } from './tenant-gateway.ts';

/** The embedded sandbox, served by this very server: calls go through app.inject, never the network. */
export function inProcessTransport(app: FastifyInstance): Transport {
  return async (call) => {
    const response = await app.inject({
      method: call.method,
      url: call.path,
      headers: call.headers,
      payload: call.body,
      // the browser's address, so the sandbox's per-address limits see who signs in, not this server
      ...(call.clientAddress ? { remoteAddress: call.clientAddress } : {}),
    });
    return {
      status: response.statusCode,
      text: response.body,
      retryAfter: response.headers['retry-after']?.toString(),
    };
  };
}
