// Fault injection for the sandbox: latency, failed calls and dropped connections on chosen routes, so
// the app and its tests can see how the inbox behaves when the tenant misbehaves. Sandbox mode only (the plugin
// in index.ts is registered by the sandbox plugin, which tenant mode never mounts), and off unless rules are given.
//
// Rules come from SANDBOX_FAULTS at start-up and can be read and replaced at run time through the admin-only
// /sandbox/faults endpoint. The syntax, one rule per `;` (or newline):
//
//   [METHOD ]PATH=EFFECT[,EFFECT...][@PROBABILITY]
//
//   METHOD       GET, POST, PUT, DELETE, PATCH or `*`; omitted = any method
//   PATH         the operation's path without the query string; `*` matches exactly one segment, `**` (only as the
//                last segment) matches any rest, including nothing. `/v3/work-items` does not match
//                `/v3/work-items/count`; `/v3/**` matches every work-item and identity call. Matched against the
//                route the request took, decoded (`/%76%33/work-items/count` is `/v3/work-items/count`), and in
//                either family of an API (`/work-items/v1/count` and `/v3/work-items/count` are one operation).
//   EFFECT       latency:MS       wait MS milliseconds (0..60000) before the request goes on (or fails)
//                status:CODE      answer CODE instead of running the handler: 500, 502, 503 or 504 (an
//                                 ErrorResponseDto with a trackingId that is also logged), 429 (`{message}` and
//                                 Retry-After), 401 (`{error}`, as an expired token would)
//                retry-after:S    the Retry-After of a 429, in seconds (default 1)
//                drop             destroy the connection without an answer (the client sees a network error)
//                count:N          fault only the next N matching calls, then the rule stays listed but inert
//   @PROBABILITY a share of matching calls to fault, 0..1 (default 1)
//
// Examples:
//   POST /v3/work-items/*/approve/*=status:500@0.5       half the single approvals fail with a 500
//   GET /v3/work-items=latency:3000                      the inbox list takes 3 s
//   POST /v3/work-items/bulk-approve/*=drop,count:1      the next bulk approval loses its connection
//   /v3/**=status:429,retry-after:3,count:2              the next two API calls are rate limited
//

import { canonicalApiPath } from '../../request-path.ts';
import type { FaultRuleInput } from './schemas.ts';

export const FAULTS_PATH = '/sandbox/faults';
export const FAULT_STATUSES = [401, 429, 500, 502, 503, 504] as const;
export type FaultStatus = (typeof FAULT_STATUSES)[number];
const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH'] as const;
const MAX_LATENCY_MS = 60_000;
export const MAX_RULES = 100;

/** One rule as the API shows and accepts it (JSON form of one line of the syntax above). */
export interface FaultRule {
  /** Upper-case method, or undefined for any. */
  method?: string;
  path: string;
  latencyMs?: number;
  status?: FaultStatus;
  retryAfter?: number;
  drop?: boolean;
  probability?: number;
  /** Fault only this many more matching calls; undefined = no limit. */
  count?: number;
}

export interface ActiveRule extends FaultRule {
  matcher: RegExp;
  hits: number;
  /** What is left of `count`. */
  remaining?: number;
}

export class FaultSpecError extends Error {}

/** /sandbox/faults and below: never faulted, so a bad rule can always be undone. */
export function isFaultsPath(path: string): boolean {
  return path === FAULTS_PATH || path.startsWith(FAULTS_PATH + '/');
}

function fail(message: string): never {
  throw new FaultSpecError(message);
}

function pathMatcher(path: string): RegExp {
  if (!path.startsWith('/')) fail(`path "${path}" must start with "/"`);
  if (path.length > 500) fail('path is longer than 500 characters');
  if (/[\s?#]/.test(path)) fail(`path "${path}" must not hold spaces, "?" or "#" (the query string is not matched)`);
  const segments = path.split('/').slice(1);
  const parts = segments.map((segment, i) => {
    if (segment === '**') {
      if (i !== segments.length - 1) fail(`"**" may only be the last segment of "${path}"`);
      return '(?:/.*)?';
    }
    if (segment === '*') return '/[^/]+';
    if (segment.includes('*')) fail(`"*" must be a whole segment in "${path}"`);
    return '/' + segment.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  });
  return new RegExp(`^${parts.join('')}/?$`);
}

function intIn(text: string, what: string, min: number, max: number): number {
  if (!/^\d+$/.test(text)) fail(`${what} must be a whole number, got "${text}"`);
  const n = Number(text);
  if (n < min || n > max) fail(`${what} must be between ${min} and ${max}, got ${n}`);
  return n;
}

/** Checks one rule (from the API's JSON or the parser) and gives it its matcher. */
export function checkRule(rule: FaultRuleInput): ActiveRule {
  const method = rule.method === undefined || rule.method === '*' ? undefined : rule.method.toUpperCase();
  if (method !== undefined && !(METHODS as readonly string[]).includes(method)) {
    fail(`method "${rule.method}" must be one of ${METHODS.join(', ')} or "*"`);
  }
  if (typeof rule.path !== 'string') fail('path is required');
  if (isFaultsPath(rule.path)) {
    fail(`${FAULTS_PATH} cannot be faulted (it is how faults are undone)`);
  }
  const check = (value: number | undefined, what: string, min: number, max: number, integer = true) => {
    if (value === undefined) return;
    if (typeof value !== 'number' || Number.isNaN(value) || value < min || value > max) {
      fail(`${what} must be between ${min} and ${max}`);
    }
    if (integer && !Number.isInteger(value)) fail(`${what} must be a whole number`);
  };
  check(rule.latencyMs, 'latency', 0, MAX_LATENCY_MS);
  check(rule.retryAfter, 'retry-after', 0, 3600);
  check(rule.count, 'count', 1, 1_000_000);
  check(rule.probability, 'probability', 0, 1, false);
  if (rule.status !== undefined && !(FAULT_STATUSES as readonly number[]).includes(rule.status)) {
    fail(`status must be one of ${FAULT_STATUSES.join(', ')}, got ${String(rule.status)}`);
  }
  if (rule.drop && rule.status !== undefined) fail('a rule either drops the connection or answers a status, not both');
  if (rule.retryAfter !== undefined && rule.status !== 429) fail('retry-after only goes with status:429');
  if (!rule.drop && rule.status === undefined && rule.latencyMs === undefined) {
    fail('a rule needs at least one of latency:MS, status:CODE or drop');
  }
  const clean: FaultRule = { path: rule.path };
  if (method) clean.method = method;
  if (rule.latencyMs !== undefined) clean.latencyMs = rule.latencyMs;
  if (rule.status !== undefined) clean.status = rule.status as FaultStatus;
  if (rule.retryAfter !== undefined) clean.retryAfter = rule.retryAfter;
  if (rule.drop) clean.drop = true;
  if (rule.probability !== undefined) clean.probability = rule.probability;
  if (rule.count !== undefined) clean.count = rule.count;
  // Matched against the operation in its API's canonical family (index.ts): a rule written for either family of
  // an API applies to both.
  return { ...clean, matcher: pathMatcher(canonicalApiPath(rule.path)), hits: 0, remaining: rule.count };
}

/** Parses the SANDBOX_FAULTS syntax (see the top of this file); throws FaultSpecError naming the bad rule. */
export function parseFaults(spec: string): FaultRule[] {
  const lines = spec
    .split(/[;\n]/)
    .map((l) => l.trim())
    .filter(Boolean);
  if (lines.length > MAX_RULES) fail(`at most ${MAX_RULES} rules`);
  return lines.map((line) => {
    try {
      const eq = line.indexOf('=');
      if (eq === -1) fail('expected PATH=EFFECT');
      const target = line.slice(0, eq).trim();
      let effects = line.slice(eq + 1).trim();
      const rule: FaultRule = { path: '' };
      const words = target.split(/\s+/);
      if (words.length === 2) [rule.method, rule.path] = words;
      else if (words.length === 1) rule.path = words[0];
      else fail('expected "[METHOD ]PATH" before "="');
      const at = effects.lastIndexOf('@');
      if (at !== -1) {
        const p = effects.slice(at + 1).trim();
        if (!/^(?:0|1|0?\.\d+|1\.0*)$/.test(p)) fail(`probability must be a number from 0 to 1, got "${p}"`);
        rule.probability = Number(p);
        effects = effects.slice(0, at);
      }
      for (const effect of effects.split(',').map((e) => e.trim())) {
        const [name, value = '', extra] = effect.split(':').map((p) => p.trim());
        if (extra !== undefined) fail(`"${effect}" has more than one ":"`);
        const seen = (key: keyof FaultRule) => {
          if (rule[key] !== undefined) fail(`"${name}" is given twice`);
        };
        switch (name.toLowerCase()) {
          case 'latency':
            seen('latencyMs');
            rule.latencyMs = intIn(value.replace(/ms$/, ''), 'latency', 0, MAX_LATENCY_MS);
            break;
          case 'status':
            seen('status');
            rule.status = intIn(value, 'status', 100, 599) as FaultStatus;
            break;
          case 'retry-after':
            seen('retryAfter');
            rule.retryAfter = intIn(value, 'retry-after', 0, 3600);
            break;
          case 'count':
            seen('count');
            rule.count = intIn(value, 'count', 1, 1_000_000);
            break;
          case 'drop':
            if (value) fail('drop takes no value');
            seen('drop');
            rule.drop = true;
            break;
          default:
            fail(`unknown effect "${effect}" (latency:MS, status:CODE, retry-after:S, drop, count:N)`);
        }
      }
      const { matcher: _m, hits: _h, remaining: _r, ...clean } = checkRule(rule);
      return clean;
    } catch (error) {
      if (error instanceof FaultSpecError) throw new FaultSpecError(`Fault rule "${line}": ${error.message}`);
      throw error;
    }
  });
}

/** Writes rules back in the SANDBOX_FAULTS syntax (what GET shows as `spec`). */
export function formatFaults(rules: FaultRule[]): string {
  return rules
    .map((r) => {
      const effects = [
        r.latencyMs !== undefined ? `latency:${r.latencyMs}` : '',
        r.status !== undefined ? `status:${r.status}` : '',
        r.retryAfter !== undefined ? `retry-after:${r.retryAfter}` : '',
        r.drop ? 'drop' : '',
        r.count !== undefined ? `count:${r.count}` : '',
      ].filter(Boolean);
      const p = r.probability !== undefined && r.probability !== 1 ? `@${r.probability}` : '';
      return `${r.method ? `${r.method} ` : ''}${r.path}=${effects.join(',')}${p}`;
    })
    .join(';');
}
