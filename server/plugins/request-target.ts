// Requests must name their target in origin-form (`/path?query`, RFC 9112 §3.2.1). An absolute-form target
// (`http://host/path`, meant for forward proxies) or the asterisk form is refused before anything else looks at
// the request: Fastify routes it by the path inside, while the raw URL says something else, which is how a
// check that read the raw URL once looked at the wrong string.
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { ApiProblem } from '../errors.ts';

export default fp(
  async function requestTarget(app: FastifyInstance) {
    app.addHook('onRequest', async (request) => {
      if (request.url.startsWith('/')) return;
      const shown = request.url.length > 80 ? `${request.url.slice(0, 80)}…` : request.url;
      throw new ApiProblem(
        400,
        `The request target must be a path such as /v3/work-items, not an absolute URL or "*" (got "${shown}").`,
      );
    });
  },
  { name: 'request-target' },
);
