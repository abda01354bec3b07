// The inbox's first data, embedded in the HTML the server answers with: the page would otherwise load its script,
// then ask for the session, then for the list — three round trips in a row before the first row. The server has
// the session cookie already, so it reads the session and the first list page here and the page starts with them.
//
// The lists are asked of this server's own API (in-process, with the session's token), so the embedded page is
// exactly what the page's own requests would get: in the sandbox from the store, in tenant mode from the tenant
// through the proxy, with the same authorisation. Only the signed-in identity's own inbox is embedded (never an
// admin's view of another owner, whose ownerId the URL names), and nothing at all without a live session.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  BOOTSTRAP_ELEMENT_ID,
  BOOTSTRAP_LIST_LIMIT,
  embeddedApproval,
  type Bootstrap,
} from '../../contract/bootstrap.ts';
import { OWNER_ME, type PendingApproval } from '../../contract/access-requests.ts';
import type { Approval } from '../../contract/generic-approvals.ts';
import type { WorkItem } from '../../contract/work-items.ts';
import type { ServerConfig } from '../config.ts';
import { pathOf } from '../request-path.ts';
import { sessionIdOf } from './session/cookie.ts';
import { sessionView } from './session/routes.ts';

/** The page's inbox routes (src/lib/paths.ts isInboxPath). */
const INBOX_PATHS = new Set(['/', '/inbox']);

/** The inbox's first list request, as the page sends it (limit, offset, count). */
export const BOOTSTRAP_LIST_URL = `/v3/work-items?limit=${BOOTSTRAP_LIST_LIMIT}&offset=0&count=true`;
/** The access-request approvals' first request, as the page sends it (its own: owner-id=me). */
export const BOOTSTRAP_APPROVALS_URL = `/v3/access-request-approvals/pending?owner-id=${OWNER_ME}&limit=${BOOTSTRAP_LIST_LIMIT}&offset=0&count=true`;

/**
 * The Approvals service's first page of one's own pending approvals, as the page asks for it: the first screen's
 * rows are drawn from it whole, and it is embedded cut to what the list reads (a whole page is ~580 KB).
 */
export const FIRST_SCREEN_APPROVALS_URL = `/v2025/generic-approvals?mine=true&limit=${BOOTSTRAP_LIST_LIMIT}&offset=0&count=true&filters=${encodeURIComponent('status eq "PENDING"')}`;

/** What the server knows of the inbox as it answers the page: the embedded bootstrap, and what the rows need too. */
export interface Landing {
  bootstrap: Bootstrap;
  /** One's own pending Approvals-service approvals, first page (absent when that failed). */
  approvals?: { items: Approval[]; total: number };
}

/**
 * JSON that cannot end the element it sits in: `<` (so no `</script>` or `<!--`), `>` and `&` are written as
 * JSON escapes, and U+2028/U+2029 too; JSON.parse reads them back as the same characters.
 */
export function jsonForHtml(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** One list's first page as this server's API answers it to the session's token, or undefined when it did not. */
async function firstPage<T>(
  app: FastifyInstance,
  request: FastifyRequest,
  token: string,
  url: string,
): Promise<{ items: T[]; total: number } | undefined> {
  try {
    const answer = await app.inject({
      method: 'GET',
      url,
      headers: { authorization: `Bearer ${token}`, accept: 'application/json', 'accept-encoding': 'identity' },
    });
    const total = Number(answer.headers['x-total-count']);
    if (answer.statusCode !== 200 || !Number.isFinite(total)) return undefined;
    const items = answer.json<T[]>();
    return Array.isArray(items) ? { items, total } : undefined;
  } catch (error) {
    request.log.warn({ err: error, url }, 'the inbox bootstrap could not read a first list page');
    return undefined;
  }
}

/** The landing data for this request, or undefined (not the inbox, another owner's view, no live session). */
export async function landingFor(
  app: FastifyInstance,
  config: Pick<ServerConfig, 'mode'>,
  request: FastifyRequest,
): Promise<Landing | undefined> {
  if (!INBOX_PATHS.has(pathOf(request.url))) return undefined;
  const query = request.query as Record<string, unknown> | undefined;
  if (query && query.ownerId !== undefined) return undefined;
  if (!sessionIdOf(request)) return undefined;
  let stored;
  try {
    stored = await app.sessions.current(request);
  } catch {
    return undefined; // the session has ended: the page signs in again, as without an embed
  }
  if (!stored) return undefined;
  const bootstrap: Bootstrap = { session: sessionView(stored, config), at: Date.now() };
  const [workItems, accessRequests, approvals] = await Promise.all([
    firstPage<WorkItem>(app, request, stored.token, BOOTSTRAP_LIST_URL),
    firstPage<PendingApproval>(app, request, stored.token, BOOTSTRAP_APPROVALS_URL),
    firstPage<Approval>(app, request, stored.token, FIRST_SCREEN_APPROVALS_URL),
  ]);
  if (workItems) bootstrap.workItems = workItems;
  if (accessRequests) bootstrap.accessRequests = accessRequests;
  if (approvals) {
    bootstrap.approvals = {
      items: approvals.items.filter((a) => a && typeof a.id === 'string').map(embeddedApproval),
      total: approvals.total,
    };
  }
  return approvals ? { bootstrap, approvals } : { bootstrap };
}

/** The data block for the page, placed right after the app's root element. */
export function withBootstrap(html: string, bootstrap: Bootstrap | undefined): string {
  if (!bootstrap) return html;
  const block = `<script type="application/json" id="${BOOTSTRAP_ELEMENT_ID}">${jsonForHtml(bootstrap)}</script>`;
  const at = html.indexOf('</body>');
  return at === -1 ? html + block : html.slice(0, at) + block + html.slice(at);
}
