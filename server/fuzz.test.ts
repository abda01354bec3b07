// Property-based fuzzing of every endpoint with fast-check: malformed ids, query strings, headers and
// bodies, sent over real HTTP to the real server. Properties, for every case:
//   - never a 5xx, and the process keeps answering (/health at the end and every 100 cases);
//   - every error has the shape allowed for its status and route (ALLOWED below);
//   - a refused request (status ≥ 400, or no answer) leaves every table byte-for-byte as it was, and leaves the
//     fault rules as they were.
// `npm test` size by default, SOAK=ci the mid-size CI soak, SOAK=1 the full size (server/soak-size.ts). A summary
// line reports the cases run.
import http from 'node:http';
import net from 'node:net';
import zlib from 'node:zlib';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkItem } from '../contract/work-items.ts';
import { catalogueItemNamed } from './sandbox/access-request-submissions/catalogue.ts';
import { issueToken } from './sandbox/oauth/tokens.ts';
import { getMeta } from './sandbox/db.ts';
import { ALICE, BOB, CAROL } from './sandbox/identities.ts';
import { allPending, client, tokenFor } from './test/sandbox.ts';
import { WORK_ITEMS, WORK_ITEMS_PREFIXES } from './request-path.ts';
import { bySize } from './soak-size.ts';
import { startTestServer, type TestServer } from './test/server.ts';

const RUNS = bySize({ test: 700, ci: 3_000, full: 10_000 });
const RAW_RUNS = bySize({ test: 150, ci: 1_000, full: 3_000 });
const TIMEOUT = bySize({ test: 240_000, ci: 900_000, full: 3_600_000 });

let server: TestServer;
let port: number;
let dumpDb: Database.Database;
const tokens: Record<string, string> = {};
const ids = {
  pending: [] as string[],
  approval: [] as string[],
  completed: [] as string[],
  form: [] as string[],
  /** [work item, one of its approval items]: so that some decisions succeed and the fuzz reaches real writes. */
  pairs: [] as [string, string][],
  /** Alice's access-request approvals, pending and completed. */
  access: [] as string[],
  /** Approvals of the Approvals service on alice's desk, pending and completed. */
  generic: [] as string[],
};

/** Every table, every row, in a stable order: the byte-for-byte picture of the stored data. */
function dumpAll(): string {
  const tables = dumpDb
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
    .all() as { name: string }[];
  return JSON.stringify(
    tables.map(({ name }) => [name, dumpDb.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).all()]),
  );
}

beforeAll(async () => {
  server = await startTestServer();
  port = Number(new URL(server.url).port);
  dumpDb = new Database(server.config.sandboxDb, { readonly: true, fileMustExist: true });
  for (const alias of ['alice.approver', 'bob.approver', 'ada.admin'])
    tokens[alias] = await tokenFor(server.url, alias);
  const key = Buffer.from(getMeta(dumpDb, 'jwt_key')!, 'hex');
  tokens.expired = (await issueToken(key, ALICE, 'alice.approver', -60)).access_token;
  const [h, , s] = tokens['alice.approver'].split('.');
  tokens.tampered = `${h}.${Buffer.from(JSON.stringify({ identity_id: ALICE.id, authorities: ['ORG_ADMIN'] })).toString('base64url')}.${s}`;
  const pending = await allPending(client(server.url, tokens['alice.approver']));
  ids.pending = pending.map((w) => w.id!);
  ids.approval = pending.flatMap((w) => (w.approvalItems ?? []).slice(0, 3).map((a) => a.id!));
  ids.pairs = pending.flatMap((w) => (w.approvalItems ?? []).slice(0, 5).map((a) => [w.id, a.id!] as [string, string]));
  ids.form = pending.filter((w) => w.form).map((w) => w.id!);
  const completed = await client(server.url, tokens['alice.approver'])<WorkItem[]>('GET', '/v3/work-items/completed');
  ids.completed = completed.body.map((w) => w.id!);
  for (const queue of ['pending', 'completed']) {
    const approvals = await client(server.url, tokens['alice.approver'])<{ id: string }[]>(
      'GET',
      `/v3/access-request-approvals/${queue}`,
    );
    ids.access.push(...approvals.body.map((a) => a.id));
  }
  const generic = await client(server.url, tokens['alice.approver'])<{ id: string }[]>(
    'GET',
    '/v2025/generic-approvals?mine=true',
  );
  ids.generic = generic.body.map((a) => a.id);
});

afterAll(async () => {
  dumpDb?.close();
  await server?.close();
});

// ---- what each answer may look like ----------------------------------------------------------------------------

type Json = Record<string, unknown>;
const onlyKeys = (b: unknown, keys: string[]) =>
  !!b && typeof b === 'object' && !Array.isArray(b) && Object.keys(b).every((k) => keys.includes(k));
const isMessage = (m: unknown) =>
  onlyKeys(m, ['locale', 'localeOrigin', 'text']) &&
  typeof (m as Json).text === 'string' &&
  (m as Json).locale === 'en-US' &&
  (m as Json).localeOrigin === 'DEFAULT';
/** Exactly the spec's ErrorResponseDto: these four keys and no other (no `stack`, no `message`, no `error`). */
const isDto = (b: unknown) => {
  const d = b as Json;
  return (
    onlyKeys(d, ['detailCode', 'trackingId', 'messages', 'causes']) &&
    typeof d.detailCode === 'string' &&
    typeof d.trackingId === 'string' &&
    /^[0-9a-f]{32}$/.test(d.trackingId) &&
    Array.isArray(d.messages) &&
    d.messages.length > 0 &&
    d.messages.every(isMessage) &&
    Array.isArray(d.causes) &&
    d.causes.every(isMessage)
  );
};

/**
 * The allowed body per status: 401 `{error}` and 429 `{message}` + Retry-After (the spec's shapes); RFC 6749's
 * `{error, error_description}` from the token endpoint; the authorization endpoint's HTML error page (a browser
 * page, by RFC 6749 §4.1.2.1); every other 4xx an ErrorResponseDto. No 5xx at all.
 */
function allowed(route: string, method: string, status: number, headers: http.IncomingHttpHeaders, text: string) {
  if (status >= 500) return `5xx`;
  if (status < 400 || method === 'HEAD') return undefined;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  if (route === '/oauth/authorize' && status === 400 && String(headers['content-type']).startsWith('text/html')) {
    return undefined;
  }
  if (route === '/oauth/token' && typeof (body as Json)?.error === 'string') {
    return onlyKeys(body, ['error', 'error_description']) ? undefined : 'oauth error shape';
  }
  if (status === 401) {
    return typeof (body as Json)?.error === 'string' && onlyKeys(body, ['error']) ? undefined : '401 must be {error}';
  }
  if (status === 429) {
    return typeof (body as Json)?.message === 'string' && onlyKeys(body, ['message']) && headers['retry-after']
      ? undefined
      : '429 shape';
  }
  return isDto(body) ? undefined : `${status} must be an ErrorResponseDto`;
}

// ---- the requests ----------------------------------------------------------------------------------------------

const ROUTES: [method: string, path: string][] = [
  ...WORK_ITEMS_PREFIXES.flatMap((prefix) =>
    WORK_ITEMS.map(([method, path]): [string, string] => [method, prefix + path]),
  ),
  ['GET', '/v3/public-identities'],
  ['GET', '/v3/access-request-approvals/pending'],
  ['GET', '/access-request-approvals/v1/completed'],
  ['GET', '/v3/access-request-approvals/approval-summary'],
  ['POST', '/v3/access-request-approvals/:id/approve'],
  ['POST', '/access-request-approvals/v1/:id/reject'],
  ['POST', '/v3/access-request-approvals/:id/forward'],
  ['GET', '/v2025/generic-approvals'],
  ['GET', '/v2024/generic-approvals/:id'],
  ['POST', '/v2025/generic-approvals/:id/approve'],
  ['POST', '/generic-approvals/v1/:id/reject'],
  ['POST', '/beta/generic-approvals/:id/reassign'],
  ['POST', '/v2025/generic-approvals/:id/comments'],
  ['POST', '/v2025/generic-approvals/:id/attributes'],
  ['POST', '/v2025/generic-approvals/bulk-approve'],
  ['POST', '/v2025/generic-approvals/bulk-cancel'],
  ['POST', '/v2025/generic-approvals/bulk-reassign'],
  ['GET', '/v2025/generic-approvals/config/:id'],
  ['PUT', '/v2025/generic-approvals/config/:id/ROLE'],
  ['DELETE', '/v2025/generic-approvals/config/:id/APPROVAL_TYPE'],
  ['POST', '/v3/access-requests'],
  ['GET', '/v3/access-request-status'],
  ['GET', '/sandbox/clock'],
  ['PUT', '/sandbox/clock'],
  ['POST', '/oauth/token'],
  ['GET', '/oauth/authorize'],
  ['POST', '/oauth/authorize'],
  ['POST', '/auth/session'],
  ['GET', '/auth/session'],
  ['DELETE', '/auth/session'],
  ['GET', '/auth/identities'],
  ['GET', '/sandbox/faults'],
  ['PUT', '/sandbox/faults'],
  ['POST', '/sandbox/faults'],
  ['DELETE', '/sandbox/faults'],
  ['GET', '/health'],
];

const NASTY = [
  '',
  ' ',
  '..',
  '../../etc/passwd',
  '%00',
  '%ZZ',
  '%',
  '%2e%2e%2f',
  '\u0000',
  '😀',
  'ﷺ‮',
  '<script>alert(1)</script>',
  "' OR 1=1 --",
  '"; DROP TABLE work_items; --',
  '__proto__',
  'constructor',
  '{"a":1}',
  '-1',
  '1e309',
  'NaN',
  'null',
  'undefined',
  'true',
  '0x10',
  '00000000000000000000000000000000',
  'a'.repeat(129),
  'a'.repeat(600),
  'Z'.repeat(5000),
];

const anyText = fc.oneof(
  fc.constantFrom(...NASTY),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
);
const idArb = fc.oneof(
  { weight: 3, arbitrary: fc.constant(null).chain(() => fc.constantFrom(...ids.pending)) },
  { weight: 1, arbitrary: fc.constant(null).chain(() => fc.constantFrom(...ids.completed)) },
  { weight: 1, arbitrary: fc.constant(null).chain(() => fc.constantFrom(...ids.approval)) },
  { weight: 1, arbitrary: fc.constant(null).chain(() => fc.constantFrom(...ids.form)) },
  { weight: 2, arbitrary: fc.constant(null).chain(() => fc.constantFrom(...ids.access)) },
  { weight: 2, arbitrary: fc.constant(null).chain(() => fc.constantFrom(...ids.generic)) },
  { weight: 1, arbitrary: fc.constantFrom('ACCESS_REQUEST_APPROVAL', 'ENTITLEMENT_DESCRIPTIONS') },
  { weight: 1, arbitrary: fc.stringMatching(/^[0-9a-f]{32}$/) },
  { weight: 3, arbitrary: anyText },
);
const identityIds = [ALICE.id, BOB.id, CAROL.id, 'x'.repeat(32)];
/** A requestable role (the sandbox's catalogue), so some submissions get through. */
const FINANCE_ANALYST = catalogueItemNamed('Finance Analyst').id;
const queryValue = fc.oneof(
  fc.constantFrom('-1', '0', '1', '250', '251', '1.5', '1e3', ' 5', 'true', 'false', 'yes', '', ...identityIds),
  fc.constantFrom('id eq "x"', 'alias sw "a"', 'id in ("a","b")', 'name eq', '(((', 'alias eq "' + 'a'.repeat(300)),
  fc.constantFrom('me', 'created gt 2024-01-01T00:00:00Z', 'modified le "x"', '__proto__ eq "x"', '-created,modified'),
  fc.constantFrom(
    'status eq "PENDING"',
    'dueDate lt 2030-01-01T00:00:00Z',
    'search co "a"',
    '9223372036854775296',
    '1e400',
  ),
  anyText,
);
const queryKey = fc.oneof(
  fc.constantFrom('limit', 'offset', 'count', 'ownerId', 'filters', 'sorters', 'add-core-filters'),
  fc.constantFrom('owner-id', 'from-date'),
  fc.constantFrom(
    'mine',
    'approverId',
    'requesterId',
    'count-only',
    'include-comments',
    'requested-for',
    'request-state',
  ),
  fc.constantFrom('grant_type', 'client_id', 'client_secret', 'response_type', 'redirect_uri', 'code_challenge'),
  fc.constantFrom('__proto__', 'constructor', 'limit[]', 'a[b]', ''),
  fc.string({ maxLength: 10 }),
);
const queryArb = fc.oneof(
  fc.constant(''),
  fc
    .array(fc.tuple(queryKey, queryValue, fc.boolean()), { maxLength: 5 })
    .map((pairs) =>
      pairs.map(([k, v, raw]) => (raw ? `${k}=${v}` : `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)).join('&'),
    ),
  fc.constantFrom('&&&', '=', '%', 'limit', 'limit=1&limit=2', 'count=true&count=false', '?'),
);
const authArb = fc.constantFrom(
  'alice.approver',
  'alice.approver',
  'ada.admin',
  'bob.approver',
  'none',
  'expired',
  'tampered',
  'garbage',
  'basic',
  'bearer-only',
);
const contentType = fc.oneof(
  fc.constantFrom(
    undefined,
    'application/json',
    'application/json; charset=utf-8',
    'application/json; charset=utf-16',
    'text/plain',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=xyz',
    'multipart/form-data',
    'application/xml',
    'application/json;;;',
    '*/*',
  ),
  fc.string({ maxLength: 30 }),
);
const bodyArb = fc.oneof(
  { weight: 3, arbitrary: fc.constant(undefined) },
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v) ?? 'null') },
  { weight: 2, arbitrary: anyText },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '{',
      '{"__proto__":{"admin":true}}',
      '{"constructor":{"prototype":{"admin":true}}}',
      '[]',
      'null',
      '""',
      '{"a":' + '['.repeat(5000) + ']'.repeat(5000) + '}',
      'x'.repeat(1_100_000),
      '--xyz\r\nContent-Disposition: form-data; name="grant_type"\r\n\r\nclient_credentials\r\n--xyz--\r\n',
      'grant_type=client_credentials&client_id=alice.approver&client_secret=wrong',
    ),
  },
  {
    weight: 3,
    arbitrary: fc
      .record(
        {
          targetOwnerId: fc.oneof(fc.constantFrom(...identityIds), anyText, fc.integer()),
          newOwnerId: fc.oneof(fc.constantFrom(...identityIds), anyText, fc.integer()),
          comment: fc.oneof(anyText, fc.constant(null)),
          sendNotifications: fc.oneof(fc.boolean(), anyText),
          identity: fc.oneof(fc.constantFrom('alice.approver', 'ada.admin', 'nobody'), anyText),
          clientId: anyText,
          clientSecret: fc.constantFrom('sandbox-secret', 'wrong', ''),
          spec: fc.oneof(fc.constantFrom('/v3/**=latency:1', '/v3/**=status:999', 'x'), anyText),
          rules: fc.array(fc.record({ path: anyText, status: fc.integer(), drop: fc.boolean() }), { maxLength: 2 }),
          salesforceAccount: anyText,
          ticketNumber: anyText,
          notifyUser: fc.oneof(fc.boolean(), anyText),
          approvalIds: fc.array(
            fc.oneof(
              fc.constant(null).chain(() => fc.constantFrom(...ids.generic)),
              anyText,
            ),
            {
              maxLength: 3,
            },
          ),
          reassignTo: fc.oneof(fc.constantFrom(...identityIds), anyText),
          reassignFrom: fc.oneof(fc.constantFrom(...identityIds), anyText),
          additionalAttributes: fc.oneof(fc.dictionary(fc.string({ maxLength: 5 }), anyText, { maxKeys: 3 }), anyText),
          requestedFor: fc.array(fc.oneof(fc.constantFrom(...identityIds), anyText), { maxLength: 2 }),
          requestedItems: fc.array(
            fc.record({
              type: fc.constantFrom('ROLE', 'ENTITLEMENT', 'x'),
              id: fc.oneof(fc.constant(FINANCE_ANALYST), anyText),
            }),
            { maxLength: 2 },
          ),
          timeoutConfig: fc.record({ daysUntilTimeout: fc.integer({ min: -5, max: 120 }) }, { requiredKeys: [] }),
          offsetMs: fc.oneof(fc.integer(), fc.double(), anyText),
          advanceMs: fc.oneof(fc.integer({ min: -1000, max: 1000 }), anyText),
        },
        { requiredKeys: [] },
      )
      .map((v) => JSON.stringify(v)),
  },
);
const extraHeaders = fc.record(
  {
    'x-requested-with': fc.constantFrom('XMLHttpRequest', 'xmlhttprequest', 'fetch', ''),
    origin: fc.constantFrom('http://evil.example', 'null', `http://127.0.0.1`, ''),
    cookie: fc.constantFrom('wi-session=garbage', 'wi-session=', 'a=b; wi-session=%%%'),
    accept: fc.constantFrom('application/json', 'text/html', '*/*', 'application/xml'),
    'accept-encoding': fc.constantFrom('gzip', 'br', 'identity', 'deflate, x'),
  },
  { requiredKeys: [] },
);

const caseArb = fc.record({
  route: fc.constantFrom(...ROUTES),
  method: fc.oneof(
    { weight: 12, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: fc.constantFrom('HEAD', 'OPTIONS', 'PATCH', 'PUT', 'DELETE', 'GET', 'POST') },
  ),
  ids: fc.oneof(
    fc.tuple(idArb, idArb),
    fc.constant(null).chain(() => fc.constantFrom(...ids.pairs)),
  ),
  query: queryArb,
  auth: authArb,
  contentType,
  body: bodyArb,
  headers: extraHeaders,
});
type Case = typeof caseArb extends fc.Arbitrary<infer T> ? T : never;

/** Bytes outside printable ASCII are percent-encoded (HTTP cannot carry them raw); "%" stays, malformed or not. */
const pathSafe = (text: string) =>
  text.replace(/[^\x21-\x7e]|[#?/]/gu, (c) => (c === '/' ? '/' : encodeURIComponent(c).replace(/%25/g, '%')));
const headerSafe = (text: string) => text.replace(/[^\x20-\x7e]/g, '');

function authHeader(auth: string): string | undefined {
  if (auth === 'none') return undefined;
  if (auth === 'garbage') return 'Bearer not.a.jwt';
  if (auth === 'basic') return 'Basic YWxpY2U6c2VjcmV0';
  if (auth === 'bearer-only') return 'Bearer';
  return `Bearer ${tokens[auth]}`;
}

/** A body as the client asked for it: a fuzzed Accept-Encoding gets a compressed answer (over 1 KB). */
function decoded(raw: Buffer, encoding: string | string[] | undefined): Buffer {
  if (encoding === 'br') return zlib.brotliDecompressSync(raw);
  if (encoding === 'gzip') return zlib.gunzipSync(raw);
  if (encoding === 'deflate') return zlib.inflateSync(raw);
  if (encoding === undefined || encoding === 'identity') return raw;
  throw new Error(`unknown content-encoding ${String(encoding)}`);
}

interface Sent {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
}

function send(method: string, path: string, headers: Record<string, string>, body?: string): Promise<Sent | null> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = decoded(Buffer.concat(chunks), res.headers['content-encoding']).toString();
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text });
      });
      res.on('error', () => resolve(null));
    });
    req.setTimeout(10_000, () => req.destroy(new Error('timeout')));
    // The server may close early (e.g. a body over the limit): that is an answer, not a failure.
    req.on('error', (error: NodeJS.ErrnoException) =>
      error.message === 'timeout' ? reject(new Error(`no answer to ${method} ${path}`)) : resolve(null),
    );
    if (body !== undefined) req.write(body);
    req.end();
  });
}

async function faultRules(): Promise<string> {
  const res = await send('GET', '/sandbox/faults', { authorization: `Bearer ${tokens['ada.admin']}` });
  return res?.text ?? '';
}

const stats = { cases: 0, byStatus: new Map<number, number>(), refused: 0, noAnswer: 0, dumps: 0 };
let baseline = '';
let baselineVersion = 0;
const dataVersion = () => dumpDb.pragma('data_version', { simple: true }) as number;
let faultsBaseline = '';

async function runCase(c: Case) {
  const [routeMethod, template] = c.route;
  const method = c.method ?? routeMethod;
  const path =
    template.replace(':id', pathSafe(c.ids[0])).replace(':approvalItemId', pathSafe(c.ids[1])) +
    (c.query ? `?${pathSafe(c.query)}` : '');
  const headers: Record<string, string> = {};
  const auth = authHeader(c.auth);
  if (auth) headers.authorization = auth;
  if (c.contentType !== undefined) headers['content-type'] = headerSafe(c.contentType);
  for (const [k, v] of Object.entries(c.headers)) {
    headers[k] = v;
  }
  if (headers.origin === 'http://127.0.0.1') headers.origin = server.url;
  if (headers.origin === '') delete headers.origin;
  const body = method === 'GET' || method === 'HEAD' ? undefined : c.body;
  // Well-formed HTTP here (the raw-socket property below sends the malformed kind).
  if (body !== undefined) headers['content-length'] = String(Buffer.byteLength(body));

  const answer = await send(method, path, headers, body);
  stats.cases++;
  const label = `${method} ${path.slice(0, 200)} [${c.auth}] ${String(headers['content-type'])} ${String(body).slice(0, 200)}`;
  if (answer) {
    stats.byStatus.set(answer.status, (stats.byStatus.get(answer.status) ?? 0) + 1);
    const problem = allowed(template, method, answer.status, answer.headers, answer.text);
    expect(problem, `${label} → ${answer.status} ${answer.text.slice(0, 300)}`).toBeUndefined();
  } else {
    stats.noAnswer++;
  }
  // SQLite's data_version moves whenever another connection commits: unchanged means not one byte was written,
  // so the full dump (≈20 ms) is only taken when something was committed.
  const version = dataVersion();
  if (!answer || answer.status >= 400) {
    stats.refused++;
    if (version !== baselineVersion) {
      expect(dumpAll() === baseline, `refused request changed the stored data: ${label}`).toBe(true);
    }
    if (template === '/sandbox/faults') expect(await faultRules(), label).toBe(faultsBaseline);
  }
  if (version !== baselineVersion) {
    baseline = dumpAll();
    baselineVersion = version;
    stats.dumps++;
  }
  if (template === '/sandbox/clock' && method === 'PUT' && answer && answer.status < 300) {
    // A moved clock must not leak into the next cases either.
    await send(
      'PUT',
      '/sandbox/clock',
      {
        authorization: `Bearer ${tokens['ada.admin']}`,
        'content-type': 'application/json',
      },
      '{"offsetMs":0}',
    );
  }
  if (template === '/sandbox/faults' && answer && answer.status < 300) {
    // An accepted rule set must not leak into the next cases.
    await send('DELETE', '/sandbox/faults', { authorization: `Bearer ${tokens['ada.admin']}` });
    faultsBaseline = await faultRules();
  }
  if (stats.cases % 100 === 0) expect((await send('GET', '/health', {}))?.status).toBe(200);
}

interface RawAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** The first HTTP answer in `bytes` once it is complete (head, and the body its headers announce), else undefined. */
function firstAnswer(bytes: Buffer): RawAnswer | undefined {
  const end = bytes.indexOf('\r\n\r\n');
  if (end === -1) return undefined;
  const [statusLine = '', ...lines] = bytes.subarray(0, end).toString('latin1').split('\r\n');
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1]);
  const headers: http.IncomingHttpHeaders = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  let rest = bytes.subarray(end + 4);
  if (headers['transfer-encoding'] === 'chunked') {
    const chunks: Buffer[] = [];
    for (;;) {
      const lineEnd = rest.indexOf('\r\n');
      if (lineEnd === -1) return undefined;
      const size = parseInt(rest.subarray(0, lineEnd).toString('latin1'), 16);
      if (rest.length < lineEnd + 2 + size + 2) return undefined;
      if (size === 0) return { status, headers, body: Buffer.concat(chunks) };
      chunks.push(rest.subarray(lineEnd + 2, lineEnd + 2 + size));
      rest = rest.subarray(lineEnd + 2 + size + 2);
    }
  }
  const length = Number(headers['content-length'] ?? 0);
  if (rest.length < length) return undefined;
  return { status, headers, body: rest.subarray(0, length) };
}

/**
 * Writes `raw` on a fresh socket and reads the first answer. A request that is cut short leaves the server
 * waiting for the rest: after a second without a complete answer the write side is closed (the request can no
 * longer complete), and the server must answer then. Undefined when no complete answer ever came.
 */
function rawExchange(raw: string): Promise<RawAnswer | undefined> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    let received = Buffer.alloc(0);
    let settled = false;
    const finish = () => {
      if (settled) return;
      settled = true;
      clearTimeout(halfClose);
      clearTimeout(giveUp);
      socket.destroy();
      resolve(firstAnswer(received));
    };
    const halfClose = setTimeout(() => socket.end(), 1_000);
    const giveUp = setTimeout(finish, 10_000);
    socket.on('data', (d: Buffer) => {
      received = Buffer.concat([received, d]);
      if (firstAnswer(received)) finish();
    });
    socket.on('error', finish);
    socket.on('close', finish);
    socket.write(Buffer.from(raw, 'latin1'));
  });
}

describe('fuzzing every endpoint', () => {
  it(
    `HTTP requests with malformed ids, query strings, headers and bodies (${RUNS} runs)`,
    async () => {
      baseline = dumpAll();
      baselineVersion = dataVersion();
      faultsBaseline = await faultRules();
      const started = Date.now();
      await fc.assert(
        fc.asyncProperty(caseArb, async (c) => {
          await runCase(c);
        }),
        { numRuns: RUNS, seed: process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined, endOnFailure: true },
      );
      expect((await send('GET', '/health', {}))?.status).toBe(200);
      const statuses = [...stats.byStatus.entries()].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`);
      console.log(
        `fuzz: ${stats.cases} HTTP cases in ${((Date.now() - started) / 1000).toFixed(1)} s, ` +
          `${stats.refused} refused (data unchanged), ${stats.noAnswer} without an answer, ${stats.dumps} full dumps ` +
          `after accepted writes; statuses ${statuses.join(' ')}`,
      );
      // The generator reaches both sides: successes and each kind of refusal.
      for (const status of [200, 400, 401, 403, 404]) expect(stats.byStatus.get(status) ?? 0).toBeGreaterThan(0);
      expect(stats.dumps, 'some accepted requests wrote (and were told apart from refused ones)').toBeGreaterThan(0);
    },
    TIMEOUT,
  );

  it(
    `raw bytes that are not valid HTTP always get an answer: below 500, with the body its status is due (${RAW_RUNS} runs)`,
    async () => {
      const before = dumpAll();
      const rawArb = fc.oneof(
        fc.string({ unit: 'binary', maxLength: 200 }).map((s) => `${s}\r\n\r\n`),
        fc
          .tuple(
            // well-formed parts more often than not, so that some requests get through to a route and are answered
            // by it, not only by the parser
            fc.constantFrom('GET', 'GET', 'POST', 'POST', 'G\u0000T', 'FOO', ''),
            fc.constantFrom('/v3/work-items', '/oauth/token', '/auth/session', '/sandbox/faults', '*', 'http://x/'),
            fc.oneof(
              fc.constant(''),
              // a long unknown path: its 404 echoes it
              fc.constantFrom('?limit=1', '/%2e%2e/x', '%ZZ', `/${'a'.repeat(1200)}`),
              fc.string({ unit: 'binary', maxLength: 30 }),
            ),
            fc.constantFrom('HTTP/1.1', 'HTTP/1.1', 'HTTP/1.1', 'HTTP/1.0', 'HTTP/9.9', 'HTTP/1.1 extra', ''),
            fc.constantFrom(
              'Host: x',
              'Host: x',
              'Host: x\r\nAuthorization: Bearer not.a.jwt',
              'Content-Length: -1',
              'Content-Length: 5\r\nTransfer-Encoding: chunked',
              'Transfer-Encoding: chunked',
              'X: \u0001',
              'no-colon',
              'Content-Length: 99999999999999999999',
              'Host: x\r\nAccept-Encoding: gzip',
              'Host: x\r\nAccept-Encoding: br\r\nAccept: text/html',
            ),
            // a chunked body's end, or (as a pipelined second request) bytes that are not HTTP: the parser's 400 then
            // answers before the first request's own answer is written
            fc.constantFrom('', '0\r\n\r\n'),
          )
          .map(([m, p, junk, v, h, tail]) => `${m} ${p}${junk} ${v}\r\n${h}\r\n\r\n${tail}`),
        // well-formed requests written by hand: answered by the routes (401, 403, 404, 400 from a schema) rather
        // than by the parser; with an Accept-Encoding, so a compressed error body would be read, not skipped
        fc
          .tuple(
            fc.constantFrom('GET', 'POST', 'PUT', 'DELETE'),
            fc.constantFrom(
              '/v3/work-items',
              '/v3/work-items/x/approve/y',
              '/oauth/token',
              '/auth/session',
              '/nowhere',
            ),
            fc.constantFrom('', '?limit=-1', `/${'a'.repeat(1200)}`),
            fc.constantFrom('', 'Accept-Encoding: gzip\r\n', 'Accept-Encoding: br\r\n', 'Accept-Encoding: deflate\r\n'),
            fc.constantFrom('', 'Authorization: Bearer not.a.jwt\r\n', 'Content-Type: application/json\r\n'),
          )
          .map(
            ([m, p, suffix, enc, h]) => `${m} ${p}${suffix} HTTP/1.1\r\nHost: x\r\n${enc}${h}Content-Length: 0\r\n\r\n`,
          ),
      );
      let cases = 0;
      const statuses = new Map<number, number>();
      let bareMissingHost = 0;
      let emptyLines = 0;
      await fc.assert(
        fc.asyncProperty(rawArb, async (raw) => {
          cases++;
          const answer = await rawExchange(raw);
          const label = `${JSON.stringify(raw)} → ${answer ? `${answer.status} ${answer.body.toString('latin1').slice(0, 300)}` : 'no answer'}`;
          if (!answer && /^[\r\n]*$/.test(raw)) {
            // Only empty lines: no request began (RFC 9112 §2.2 lets a server ignore them), so none is answered.
            emptyLines++;
            return;
          }
          expect(answer, label).toBeDefined();
          const { status, headers, body } = answer!;
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
          expect(status, label).toBeGreaterThanOrEqual(100);
          expect(status, label).toBeLessThan(500);
          if (status < 400) return;
          // Node answers an HTTP/1.1 request without Host itself, with a bare 400 (a known limit, SECURITY.md):
          // allowed for exactly that request and that answer, nothing else goes without a body.
          if (status === 400 && body.length === 0 && headers.connection === 'close' && !/\r\nhost:/i.test(raw)) {
            bareMissingHost++;
            return;
          }
          const [method = '', target = ''] = raw.split(' ');
          const text = decoded(body, headers['content-encoding']).toString('utf8');
          expect(allowed(target.split('?')[0]!, method, status, headers, text), label).toBeUndefined();
        }),
        { numRuns: RAW_RUNS, endOnFailure: true },
      );
      expect(dumpAll()).toBe(before);
      expect((await send('GET', '/health', {}))?.status).toBe(200);
      const seen = [...statuses.entries()].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`);
      console.log(
        `fuzz: ${cases} raw-socket cases, every one answered (${seen.join(' ')}; ${bareMissingHost} Node's ` +
          `bare 400 for a missing Host), ${emptyLines} of only empty lines closed unanswered; server alive, data unchanged`,
      );
    },
    TIMEOUT,
  );
});
