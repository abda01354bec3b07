// Helpers for the sandbox's HTTP tests: tokens, authenticated fetch, and a dump of the stored rows to prove
// that a refused request changed nothing.
import Database from 'better-sqlite3';
import type { ErrorResponseDto, WorkItem } from '../../contract/work-items.ts';
import { SANDBOX_CLIENT_SECRET } from '../sandbox/identities.ts';
import { formFields } from '../../contract/account-selection.ts';

export async function tokenFor(url: string, alias: string): Promise<string> {
  const res = await fetch(`${url}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: alias,
      client_secret: SANDBOX_CLIENT_SECRET,
    }),
  });
  if (res.status !== 200) throw new Error(`token for ${alias}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { access_token: string }).access_token;
}

export interface Answer<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

/** A fetch bound to a server and token that parses JSON answers (and keeps the text of others). */
export function client(url: string, token?: string) {
  return async function call<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Answer<T>> {
    const init: RequestInit = {
      method,
      // the server's own answer, a redirect included (not the page it points to)
      redirect: 'manual',
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body !== undefined && typeof body !== 'string' ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    };
    const res = await fetch(url + path, init);
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: keep the text
    }
    return { status: res.status, headers: res.headers, body: parsed as T };
  };
}

export type Call = ReturnType<typeof client>;

/** Every stored row in a stable order, as one string. */
export function dumpDb(file: string): string {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const tables = [
      'identities',
      'work_items',
      'approval_items',
      'forward_history',
      'access_request_approvals',
      'access_request_forwards',
      'generic_approvals',
      'generic_approval_approvers',
      'generic_approval_comments',
      'generic_approval_reassignments',
      'generic_approval_configs',
      'access_request_submissions',
      'reassignment_configs',
      'reassignment_tenant_config',
    ];
    // A database the generic-approvals plugin never opened (a bare seed) has none of its tables.
    const present = new Set(
      (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[]).map(
        (r) => r.name,
      ),
    );
    return JSON.stringify(
      tables.filter((t) => present.has(t)).map((t) => db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all()),
    );
  } finally {
    db.close();
  }
}

/** Every pending item of the caller (or of `&ownerId=…` in `query`), page by page; `base` is the API's path. */
export async function allPending(call: Call, query = '', base = '/v3/work-items'): Promise<WorkItem[]> {
  const out: WorkItem[] = [];
  for (let offset = 0; ; offset += 250) {
    const page = await call<WorkItem[]>('GET', `${base}?limit=250&offset=${offset}${query}`);
    if (page.status !== 200) throw new Error(`list: ${page.status}`);
    out.push(...page.body);
    if (page.body.length < 250) return out;
  }
}

/** Signs in at /auth/session (`{identity}` in the sandbox, `{clientId, clientSecret}` anywhere): the session cookie. */
export async function sessionCookie(url: string, body: Record<string, string>): Promise<string> {
  const res = await fetch(`${url}/auth/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-requested-with': 'XMLHttpRequest' },
    body: JSON.stringify(body),
  });
  const cookie = res.headers.getSetCookie()[0]?.split(';')[0];
  if (res.status !== 200 || !cookie)
    throw new Error(`sign-in ${JSON.stringify(body)}: ${res.status} ${await res.text()}`);
  return cookie;
}

/** A value the form accepts for each field (first allowed value, or one of the right kind). */
export function validSelection(w: WorkItem): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of formFields(w.form!)) {
    if (f.allowedValuesList?.length) out[f.name!] = f.allowedValuesList[0]!.value;
    else if (f.displayType === 'checkbox') out[f.name!] = true;
    else if (f.displayType === 'date') out[f.name!] = '2026-01-15';
    else out[f.name!] = 'a valid answer';
  }
  return out;
}

/**
 * Alice's plain pending items by what can be done to them (the hostile seed items left out): manual tasks to
 * complete, approval items to decide, forms to submit. Each test that changes one takes it out of its pool.
 */
export async function itemPools(call: Call) {
  const pending = (await allPending(call)).filter((w) => !/<|script|\u202e/i.test(w.name ?? ''));
  return {
    task: pending.filter((w) => (w.type === 'Generic' || w.type === 'Remediation') && !w.form),
    approval: pending.filter((w) => w.type === 'Approval' && (w.approvalItems?.length ?? 0) > 0),
    form: pending.filter((w) => w.form),
  };
}

/** The texts of an ErrorResponseDto's messages, joined: what a test matches a refusal's reason against. */
export function errorText(body: unknown): string {
  return ((body as ErrorResponseDto | undefined)?.messages ?? []).map((m) => m.text).join(' ');
}
