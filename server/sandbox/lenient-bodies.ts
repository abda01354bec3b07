import type { FastifyInstance } from 'fastify';
import { ApiProblem } from '../errors.ts';
import { checkedJsonParser } from '../plugins/json-bodies.ts';

/**
 * Body parsing for the ISC routes, in the calling plugin's scope. The official SDK declares
 * `Content-Type: application/json` with an empty body when an optional body is left out (approveAccessRequest
 * without a comment, completeWorkItem), and `application/x-www-form-urlencoded` on body-less calls: both are
 * "no body". Non-empty JSON goes to the server's JSON parser (../plugins/json-bodies.ts: its nesting capped, then
 * Fastify's own, which guards against prototype poisoning); any other non-empty body is a 400.
 */
export function acceptEmptyBodies(app: FastifyInstance): void {
  const json = checkedJsonParser(app);
  app.removeContentTypeParser(['application/json', 'text/plain']);
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = body.toString();
    if (text.trim() === '') return done(null, undefined);
    json(request, text, done);
  });
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (request, body, done) => {
    if (body.length === 0) return done(null, undefined);
    done(
      new ApiProblem(
        400,
        `Unsupported content type "${String(request.headers['content-type'] ?? '')}": send application/json.`,
      ),
    );
  });
}
