// HTTP helpers for the attack tests: requests exactly as written on a raw socket (fetch would normalise the
// target, refuse doubled or hop-by-hop headers and never dribble a body), a cookie jar, and the sign-in calls.
import net from 'node:net';

export const XHR = { 'x-requested-with': 'XMLHttpRequest' } as const;

/** A browser's cookie store for one origin, good enough for tests: name → value, from Set-Cookie. */
export class Jar {
  readonly cookies = new Map<string, string>();
  take(response: Response): string[] {
    const set = response.headers.getSetCookie();
    for (const line of set) {
      const [pair] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq);
      const value = pair!.slice(eq + 1);
      if (!value || /max-age=0|expires=thu, 01 jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return set;
  }
  header(): Record<string, string> {
    return this.cookies.size ? { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } : {};
  }
}

export interface RawAnswer {
  /** 0 when the server closed the connection without an answer. */
  status: number;
  /** Lower-case header names; a repeated header's values joined with ", ". */
  headers: Record<string, string>;
  setCookies: string[];
  body: string;
  /** Milliseconds from connecting until the server ended the connection. */
  closedAfterMs: number;
}

function parseRaw(data: string, closedAfterMs: number): RawAnswer {
  const head = data.slice(0, Math.max(0, data.indexOf('\r\n\r\n')));
  const [statusLine, ...lines] = head.split('\r\n');
  const headers: Record<string, string> = {};
  const setCookies: string[] = [];
  for (const line of lines) {
    const colon = line.indexOf(':');
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (name === 'set-cookie') setCookies.push(value);
    headers[name] = headers[name] ? `${headers[name]}, ${value}` : value;
  }
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine ?? '')?.[1] ?? 0);
  let body = head ? data.slice(head.length + 4) : '';
  if (/chunked/i.test(headers['transfer-encoding'] ?? '')) body = unchunk(body);
  return { status, headers, setCookies, body, closedAfterMs };
}

/** A chunked body's data (sizes in hex, each chunk followed by CRLF, a zero-size chunk at the end). */
function unchunk(text: string): string {
  let out = '';
  for (let at = 0; at < text.length;) {
    const eol = text.indexOf('\r\n', at);
    const size = parseInt(text.slice(at, eol), 16);
    if (!size) break;
    out += text.slice(eol + 2, eol + 2 + size);
    at = eol + 2 + size + 2;
  }
  return out;
}

/**
 * Sends `head` (request line and headers, without the blank line) and then `body` on a fresh connection, and
 * reads until the server closes it. `Connection: close` is added unless the head says otherwise.
 */
export function rawRequest(url: string, head: string, body = ''): Promise<RawAnswer> {
  const closeHeader = /\r\nconnection:/i.test(head) ? '' : '\r\nConnection: close';
  return dribble(url, [`${head}${closeHeader}\r\n\r\n${body}`], 0);
}

/**
 * Writes `chunks` one every `intervalMs` (a slow client), and reads until the server closes the connection; after
 * `giveUpMs` the client hangs up itself and `closedAfterMs` is Infinity (the server never cut it).
 */
export function dribble(url: string, chunks: string[], intervalMs: number, giveUpMs = 30_000): Promise<RawAnswer> {
  const { hostname, port } = new URL(url);
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname);
    let data = '';
    let timer: ReturnType<typeof setTimeout> | undefined;
    let gaveUp = false;
    const giveUp = setTimeout(() => {
      gaveUp = true;
      socket.destroy();
    }, giveUpMs);
    const next = (i: number) => {
      if (i >= chunks.length || socket.destroyed) return;
      socket.write(chunks[i]!);
      timer = setTimeout(() => next(i + 1), intervalMs);
    };
    socket.on('connect', () => next(0));
    socket.on('data', (c) => (data += c.toString('utf8')));
    socket.on('close', () => {
      clearTimeout(timer);
      clearTimeout(giveUp);
      resolve(parseRaw(data, gaveUp ? Infinity : Date.now() - started));
    });
    socket.on('error', (error: NodeJS.ErrnoException) => {
      // a reset after the answer is still an answer
      if (error.code !== 'ECONNRESET' && error.code !== 'EPIPE') reject(error);
    });
  });
}

/** The Host header value for a server URL (127.0.0.1:port). */
export const hostOf = (url: string) => new URL(url).host;

/** POST /auth/session with a JSON body; `headers` adds or overrides (XHR is sent unless overridden). */
export function signInRequest(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${url}/auth/session`, {
    method: 'POST',
    headers: { ...XHR, 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

/** The session cookie (`name=value`) a sign-in answer set; throws when there is none. */
export function sessionCookieOf(response: Response): string {
  const line = response.headers.getSetCookie().find((c) => /wi-session=[^;]/.test(c));
  if (!line) throw new Error(`no session cookie (HTTP ${response.status})`);
  return line.split(';')[0]!;
}
