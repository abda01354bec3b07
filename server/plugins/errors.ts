import type { FastifyError, FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { ApiProblem, errorResponse, newTrackingId } from '../errors.ts';
import { pathOf } from '../request-path.ts';

/**
 * One place that turns every failure into the body the spec gives its status: 401 `{error}`, 429 `{message}`,
 * everything else an ErrorResponseDto. Unexpected errors become a 500 whose trackingId is also in the log;
 * a stack trace never reaches the client.
 */
export default fp(async function errors(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError | ApiProblem, request, reply) => {
    if (error instanceof ApiProblem) {
      reply.headers(error.headers);
      if (error.statusCode === 401) return reply.code(401).send({ error: error.message });
      if (error.statusCode === 429) return reply.code(429).send({ message: error.message });
      return reply
        .code(error.statusCode)
        .send(errorResponse(error.statusCode, error.message, { causes: error.causes }));
    }
    const status = error.statusCode ?? 500;
    if (error.validation) {
      const where = error.validationContext ?? 'request';
      const causes = error.validation.map((v) => {
        const field = v.instancePath
          ? v.instancePath.replace(/^\//, '').replaceAll('/', '.')
          : (v.params?.missingProperty as string | undefined);
        return `${where}${field ? `.${field}` : ''} ${v.message ?? 'is invalid'}`;
      });
      return reply.code(400).send(errorResponse(400, `Invalid ${where}: ${causes.join('; ')}`, { causes }));
    }
    if (status === 429) return reply.code(429).send({ message: error.message || 'Rate Limit Exceeded' });
    if (status === 413 || error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return reply.code(413).send(errorResponse(413, 'The request body is larger than the server accepts (1 MB).'));
    }
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return reply
        .code(400)
        .send(
          errorResponse(
            400,
            `Unsupported content type "${request.headers['content-type'] ?? ''}": send application/json.`,
          ),
        );
    }
    if (error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
      return reply.code(400).send(errorResponse(400, 'The request declares a JSON body but sends none.'));
    }
    if (status >= 400 && status < 500) {
      // Fastify's own 4xx (malformed JSON, bad content length, ...): its message says what was wrong.
      return reply.code(status).send(errorResponse(status, error.message));
    }
    const trackingId = newTrackingId();
    request.log.error({ err: error, trackingId }, 'unexpected error');
    return reply.code(500).send(errorResponse(500, 'An internal fault occurred.', { trackingId }));
  });

  app.setNotFoundHandler((request, reply) => {
    reply.code(404).send(errorResponse(404, `No route for ${request.method} ${pathOf(request.url)}.`));
  });
});
