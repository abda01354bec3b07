import { randomUUID } from 'node:crypto';
import type { ErrorResponseDto } from '../contract/work-items.ts';

/** ISC-style tracking ids: 32 lowercase hex characters. */
export function newTrackingId(): string {
  return randomUUID().replaceAll('-', '');
}

const DETAIL_CODES: Record<number, string> = {
  400: '400.1 Bad Request Content',
  403: '403 Forbidden',
  404: '404 Not found',
  405: '405 Method Not Allowed',
  409: '409 Conflict',
  413: '413 Payload Too Large',
  500: '500.0 Internal Fault',
  502: '502 Bad Gateway',
  503: '503 Service Unavailable',
  504: '504 Gateway Timeout',
};

export function errorResponse(
  status: number,
  text: string,
  options: { trackingId?: string; causes?: string[]; detailCode?: string } = {},
): ErrorResponseDto {
  const message = (t: string) => ({ locale: 'en-US', localeOrigin: 'DEFAULT' as const, text: t });
  return {
    detailCode: options.detailCode ?? DETAIL_CODES[status] ?? `${status}`,
    trackingId: options.trackingId ?? newTrackingId(),
    messages: [message(text)],
    causes: (options.causes ?? []).map(message),
  };
}

/**
 * Thrown by handlers for an expected failure: the error handler turns it into the spec's body for its status
 * (ErrorResponseDto, or `{error}` for 401, `{message}` for 429).
 */
export class ApiProblem extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
    readonly causes: string[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/**
 * Node's HTTP parser refuses bytes that are not HTTP before Fastify sees a request: answer those with an
 * ErrorResponseDto too (Fastify's default is its own `{error, message, statusCode}`), then close.
 */
export function clientErrorHandler(error: NodeJS.ErrnoException, socket: import('node:net').Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, text] =
    error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? [408, 'The request took too long to arrive.']
      : error.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'The request headers are larger than the server accepts.']
        : [400, 'The request is not well-formed HTTP.'];
  const body = JSON.stringify(
    errorResponse(status, text, { detailCode: status === 400 ? undefined : `${status} ${STATUS_TEXT[status]}` }),
  );
  // Only where nothing of an answer went out yet (a timeout may strike while a handler is answering).
  const inFlight = (socket as { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  if (socket.writable && !inFlight?.headersSent) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_TEXT[status]}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
        `Content-Type: application/json; charset=utf-8\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy();
}

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  408: 'Request Timeout',
  431: 'Request Header Fields Too Large',
};
