import { randomUUID } from 'node:crypto';
import type { ErrorResponseDto } from '../src/features/work-items/types.ts';

/** ISC-style tracking ids: 32 lowercase hex characters. */
export function newTrackingId(): string {
  return randomUUID().replaceAll('-', '');
}

const DETAIL_CODES: Record<number, string> = {
  400: '400.1 Bad Request Content',
  403: '403 Forbidden',
  404: '404 Not found',
  405: '405 Method Not Allowed',
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
