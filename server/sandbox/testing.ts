// Helpers for the sandbox's HTTP tests: tokens, authenticated fetch, and a dump of the stored rows to prove
// that a refused request changed nothing.
import Database from 'better-sqlite3';
import type { WorkItem } from '../../contract/work-items.ts';
import { SANDBOX_CLIENT_SECRET } from './identities.ts';

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
    ];
    return JSON.stringify(tables.map((t) => db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all()));
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
