// Every failure of an API call as one `ApiError`: an ISC ErrorResponseDto's detailCode, trackingId and causes,
// a 401's `{error}`, a 429's `{message}` and Retry-After, or a network failure (status 0).
import { HTTPError } from 'ky';
import type { ErrorResponseDto } from '../../contract/work-items.ts';

export interface ApiErrorInit {
  status: number;
  message: string;
  detailCode?: string;
  trackingId?: string;
  causes?: string[];
  retryAfter?: number;
}

/**
 * Every failure of an API call: an HTTP error (status, and for ISC's ErrorResponseDto its detailCode, trackingId and
 * causes) or a network failure (status 0).
 */
export class ApiError extends Error {
  override name = 'ApiError';
  status: number;
  detailCode?: string;
  trackingId?: string;
  causes: string[];
  /** Seconds, from `Retry-After` on a 429 that was not retried (any more). */
  retryAfter?: number;

  constructor(init: ApiErrorInit) {
    super(init.message);
    this.status = init.status;
    this.detailCode = init.detailCode;
    this.trackingId = init.trackingId;
    this.causes = init.causes ?? [];
    this.retryAfter = init.retryAfter;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

export const NETWORK_ERROR_MESSAGE = "Can't reach the server. Check your connection.";
export const TIMEOUT_MESSAGE = 'The server took too long to answer. Try again.';

function statusMessage(status: number): string {
  if (status === 401) return 'Your session has expired. Sign in again.';
  if (status === 403) return 'You are not allowed to do this.';
  if (status === 404) return 'Not found.';
  if (status === 429) return 'Too many requests. Try again in a moment.';
  if (status >= 500) return 'The server failed to answer. Try again later.';
  return `The request failed (HTTP ${status}).`;
}

/** Seconds to wait from a Retry-After header (delta-seconds or an HTTP date); undefined when absent/invalid. */
export function parseRetryAfter(value: string | null | undefined): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const at = Date.parse(value);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, Math.ceil((at - Date.now()) / 1000));
}

export async function fromResponse(response: Response): Promise<ApiError> {
  let body: unknown;
  try {
    const text = await response.text();
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  const status = response.status;
  const record = (body && typeof body === 'object' ? body : {}) as ErrorResponseDto & {
    error?: unknown;
    message?: unknown;
  };
  const firstText = Array.isArray(record.messages)
    ? record.messages.find((m) => typeof m?.text === 'string' && m.text)?.text
    : undefined;
  const message =
    (status === 401 && typeof record.error === 'string' && record.error) ||
    (status === 429 && typeof record.message === 'string' && record.message) ||
    firstText ||
    (typeof record.error === 'string' && record.error) ||
    (typeof record.message === 'string' && record.message) ||
    statusMessage(status);
  const causes = Array.isArray(record.causes)
    ? record.causes.map((c) => (typeof c === 'string' ? c : c?.text)).filter((c): c is string => !!c)
    : [];
  return new ApiError({
    status,
    message,
    detailCode: typeof record.detailCode === 'string' ? record.detailCode : undefined,
    trackingId: typeof record.trackingId === 'string' ? record.trackingId : undefined,
    causes,
    retryAfter: status === 429 ? parseRetryAfter(response.headers.get('Retry-After')) : undefined,
  });
}

function isAbort(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}

/** Any failure → ApiError. Aborts (a query cancelled by React Query) are passed through untouched. */
export async function toApiError(error: unknown): Promise<unknown> {
  if (error instanceof ApiError || isAbort(error)) return error;
  if (error instanceof HTTPError) return fromResponse(error.response);
  if (error instanceof Error && error.name === 'TimeoutError')
    return new ApiError({ status: 0, message: TIMEOUT_MESSAGE });
  return new ApiError({ status: 0, message: NETWORK_ERROR_MESSAGE });
}
