// The one HTTP client of the app: a ky instance for the ISC v3 API (`api`, prefix `<origin>/v3`) and one for the
// backend-for-frontend's own routes (`root`, prefix `<origin>`, used for /auth/...), with the same defaults.
// The access token never reaches this code: the server keeps it in an HttpOnly cookie and attaches it to /v3 calls.
//
// Pages never call ky or fetch: they use the hooks in src/features/*/api/, which call the helpers below
// (`getJson`, `sendJson`, `getCollection`). The helpers turn every failure into one `ApiError` (api-error.ts).
import ky, { type KyInstance, type Options } from 'ky';
import { fromResponse, parseRetryAfter, toApiError, type ApiError } from './api-error.ts';

// The client's error type comes with the client: callers import it from here.
export {
  ApiError,
  isApiError,
  NETWORK_ERROR_MESSAGE,
  parseRetryAfter,
  TIMEOUT_MESSAGE,
  toApiError,
  type ApiErrorInit,
} from './api-error.ts';

// ---------------------------------------------------------------------------------------------------------------
// Events: session expiry and rate-limit waits

type Listener<T> = (value: T) => void;

function emitter<T>() {
  const listeners = new Set<Listener<T>>();
  return {
    on(listener: Listener<T>): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit(value: T) {
      for (const listener of [...listeners]) {
        try {
          listener(value);
        } catch {
          // a listener's failure must not break the request
        }
      }
    },
  };
}

const sessionExpired = emitter<ApiError>();
const rateLimitWait = emitter<number | null>();

/**
 * Fired on any 401 of an API call (the session expired or was signed out elsewhere). Not fired for the session
 * endpoint itself: "not signed in" and "wrong credentials" are answers there, not an expiry.
 */
export function onSessionExpired(listener: (error: ApiError) => void): () => void {
  return sessionExpired.on(listener);
}

/** Seconds left while requests wait out a 429's Retry-After (ticks once a second), then `null`. */
export function onRateLimitWait(listener: (secondsLeft: number | null) => void): () => void {
  return rateLimitWait.on(listener);
}

let waitUntil = 0;
let waitTimer: ReturnType<typeof setInterval> | undefined;

function announceWait(ms: number) {
  waitUntil = Math.max(waitUntil, Date.now() + ms);
  const tick = () => {
    const left = Math.ceil((waitUntil - Date.now()) / 1000);
    if (left <= 0) {
      clearInterval(waitTimer);
      waitTimer = undefined;
      rateLimitWait.emit(null);
    } else {
      rateLimitWait.emit(left);
    }
  };
  tick();
  if (!waitTimer) waitTimer = setInterval(tick, 1000);
}

// ---------------------------------------------------------------------------------------------------------------
// The ky instances

/** Requests that got a 429 are sent again after Retry-After, at most this many times each. */
export const MAX_RATE_LIMIT_RETRIES = 5;
/** GETs are sent again after a network error, 408 or 5xx at most this many times. */
export const MAX_ERROR_RETRIES = 2;
/** A Retry-After longer than this is not waited out: the caller gets the 429 as an ApiError. */
export const MAX_RETRY_AFTER_SECONDS = 120;

export interface HttpConfig {
  /** The app's origin (default: location.origin); the API is `${baseUrl}/v3`, the session `${baseUrl}/auth`. */
  baseUrl?: string;
  /** A fetch implementation (tests: one that keeps a cookie jar). */
  fetch?: typeof globalThis.fetch;
}

/** What every request of the app carries: `X-Requested-With` is the server's CSRF check for state changes. */
const DEFAULT_HEADERS = { 'X-Requested-With': 'XMLHttpRequest', Accept: 'application/json' } as const;

function create(config: Required<Pick<HttpConfig, 'baseUrl'>> & HttpConfig): { root: KyInstance; api: KyInstance } {
  const options: Options = {
    prefixUrl: config.baseUrl,
    credentials: 'same-origin',
    headers: DEFAULT_HEADERS,
    timeout: 30_000,
    ...(config.fetch ? { fetch: config.fetch } : {}),
    retry: {
      // One budget for both kinds of retry; the per-kind limits are enforced below.
      limit: MAX_RATE_LIMIT_RETRIES,
      // Only GET/HEAD are retried on network errors/408/5xx: a POST that failed on 5xx may have been carried out.
      methods: ['get', 'head'],
      statusCodes: [408, 500, 502, 503, 504],
      // 429 is handled in afterResponse for every method (a rate-limited request was not carried out).
      afterStatusCodes: [],
      shouldRetry: ({ retryCount }) => (retryCount > MAX_ERROR_RETRIES ? false : undefined),
    },
    hooks: {
      afterResponse: [
        (request, options, response, { retryCount }) => {
          if (response.status === 401 && !new URL(request.url).pathname.startsWith('/auth/session')) {
            // the body is read again when the error is built; a clone keeps it readable here
            void fromResponse(response.clone()).then((error) => sessionExpired.emit(error));
          }
          if (response.status !== 429) return;
          if (retryCount >= (options.retry.limit ?? MAX_RATE_LIMIT_RETRIES)) return;
          const seconds = parseRetryAfter(response.headers.get('Retry-After')) ?? 1;
          if (seconds > MAX_RETRY_AFTER_SECONDS) return;
          // a little spread so a burst of waiting requests does not come back in the same millisecond
          const ms = seconds * 1000 + Math.floor(Math.random() * 150);
          announceWait(ms);
          return ky.retry({ delay: ms, code: 'RATE_LIMITED' });
        },
      ],
    },
  };
  const root = ky.create(options);
  const api = root.extend({ prefixUrl: `${config.baseUrl.replace(/\/$/, '')}/v3` });
  return { root, api };
}

function defaultBaseUrl(): string {
  return typeof location !== 'undefined' ? location.origin : 'http://localhost';
}

let currentBaseUrl = defaultBaseUrl();
let clients = create({ baseUrl: currentBaseUrl });

/** The ky instance for the ISC v3 API (prefix `<origin>/v3`). Prefer the helpers below: they throw ApiError. */
export let api: KyInstance = clients.api;
/** The same client for the server's own routes (prefix `<origin>`), e.g. `auth/session`. */
export let root: KyInstance = clients.root;

/** Points the client elsewhere (tests: the test server and a cookie-keeping fetch). */
export function configureHttp(config: HttpConfig = {}): void {
  currentBaseUrl = config.baseUrl ?? defaultBaseUrl();
  clients = create({ ...config, baseUrl: currentBaseUrl });
  api = clients.api;
  root = clients.root;
}

// ---------------------------------------------------------------------------------------------------------------
// Helpers: every request of the app goes through these

export type SearchParams = Record<string, string | number | boolean | undefined | null>;
export type Base = 'v3' | 'root';

export interface RequestOptions {
  searchParams?: SearchParams;
  json?: unknown;
  signal?: AbortSignal;
  /** `v3` (default): `<origin>/v3/<path>`; `root`: `<origin>/<path>`. */
  base?: Base;
  /** Headers on top of the client's own. */
  headers?: Record<string, string>;
  /** Let the request outlive the page (a decision sent as the tab is hidden or closed). */
  keepalive?: boolean;
}

function cleanParams(params: SearchParams | undefined): Record<string, string> | undefined {
  if (!params) return undefined;
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') out[key] = String(value);
  }
  return out;
}

/** Sends one request; resolves with the Response, or throws an ApiError. */
export async function request(
  method: 'get' | 'post' | 'put' | 'patch' | 'delete',
  path: string,
  options: RequestOptions = {},
): Promise<Response> {
  const client = options.base === 'root' ? root : api;
  try {
    return await client(path.replace(/^\//, ''), {
      method,
      searchParams: cleanParams(options.searchParams),
      json: options.json,
      signal: options.signal,
      // ky lets an explicit `headers: undefined` replace the client's own headers (the CSRF header with them)
      ...(options.headers ? { headers: options.headers } : {}),
      ...(options.keepalive ? { keepalive: true } : {}),
    });
  } catch (error) {
    throw await toApiError(error);
  }
}

async function readJson<T>(response: Response): Promise<T> {
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export async function getJson<T>(
  path: string,
  searchParams?: SearchParams,
  options: Omit<RequestOptions, 'searchParams' | 'json'> = {},
): Promise<T> {
  return readJson<T>(await request('get', path, { ...options, searchParams }));
}

/** POST/PUT/PATCH/DELETE; `json` undefined sends no body. Resolves with the parsed body (undefined when empty). */
export async function sendJson<T>(
  method: 'post' | 'put' | 'patch' | 'delete',
  path: string,
  json?: unknown,
  options: Omit<RequestOptions, 'json'> = {},
): Promise<T> {
  return readJson<T>(await request(method, path, { ...options, json }));
}

export interface Collection<T> {
  items: T[];
  total: number;
}

/**
 * A collection call: `{items, total}`. `total` is `X-Total-Count` when `count=true` was sent (and answered),
 * otherwise the number of items returned.
 */
export async function getCollection<T>(
  path: string,
  searchParams: SearchParams = {},
  options: Omit<RequestOptions, 'searchParams' | 'json'> = {},
): Promise<Collection<T>> {
  const response = await request('get', path, { ...options, searchParams });
  const body = await readJson<unknown>(response);
  const items = Array.isArray(body) ? (body as T[]) : [];
  const header = response.headers.get('X-Total-Count');
  const total = header !== null && header !== '' && Number.isFinite(Number(header)) ? Number(header) : items.length;
  return { items, total };
}

/** A plain request (a held decision, a bulk run's step): a POST to a path from the origin ('/v3/…'), its JSON body. */
export async function sendRequest<T = unknown>(request: { method: 'POST'; path: string; json?: unknown }): Promise<T> {
  return sendJson<T>('post', request.path, request.json, { base: 'root' });
}

/**
 * A POST from the origin (`/v3/…`, `/v2025/…`) that outlives the page, with a JSON body and extra headers: the
 * outbox's last word as the page goes away. No retry and no answer; what it sent stays in the outbox until a
 * later answer says it was done.
 */
export function postOnUnload(path: string, json: unknown, headers: Record<string, string>): void {
  const url = `${currentBaseUrl.replace(/\/$/, '')}/${path.replace(/^\//, '')}`;
  const body = json === undefined ? undefined : JSON.stringify(json);
  void fetch(url, {
    method: 'POST',
    keepalive: true,
    credentials: 'same-origin',
    headers: { ...DEFAULT_HEADERS, ...headers, ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body,
  }).catch(() => {});
}
