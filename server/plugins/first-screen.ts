// The inbox's first screen as HTML, written by the server into the page it serves: the signed-in identity's newest
// rows (every kind's first page, merged the way the list sorts by default) in the list's look, so the browser paints
// real rows before any script has run, and each row is a plain link that works before the script has loaded. The app
// keeps this screen on view until its own list has rows, then shows its own in its place (src/app/first-screen.ts).
//
// Everything taken from the data is escaped as text or as a quoted attribute; the styles are the page's own
// (index.html), so the CSP is unchanged: no script, no style attribute.
import type { FastifyRequest } from 'fastify';
import type { PendingApproval } from '../../contract/access-requests.ts';
import { approvalTypeLabel, pickLocalized } from '../../contract/generic-approval-rules.ts';
import type { Approval } from '../../contract/generic-approvals.ts';
import type { WorkItem } from '../../contract/work-items.ts';
import type { Landing } from './bootstrap.ts';

/** Rows written: more than a tall desktop screen shows (64 px each), few enough to stay a few KB. */
export const FIRST_SCREEN_ROWS = 20;
/** The element the app looks for (and the tests too). */
export const FIRST_SCREEN_ATTRIBUTE = 'data-first-screen';

const DAY_MS = 86_400_000;
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text or a double-quoted attribute value that cannot be read as markup. */
export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

interface FirstRow {
  id: string;
  href: string;
  name: string;
  second: string;
  typeLabel: string;
  requester: string;
  requestedFor: string;
  created: number;
  pending: string;
  state: string;
}

const timeOf = (iso: string | null | undefined) => {
  const t = iso ? Date.parse(iso) : NaN;
  return Number.isFinite(t) ? t : 0;
};

// The same words as the list's rows (work-items/api/queue-row.ts, access-requests/api/queue-row.ts,
// generic-approvals/api/queue-row.ts): the e2e spec holds the two equal, row by row.
const typeLabel = (type: string | null | undefined) =>
  !type ? '—' : type === 'PolicyVioloation' ? 'Policy violation' : type.replace(/([a-z])([A-Z])/g, '$1 $2');
const OBJECT_LABELS: Record<string, string> = {
  ROLE: 'Role',
  ACCESS_PROFILE: 'Access profile',
  ENTITLEMENT: 'Entitlement',
};
const requestTypeLabel = (type: string | null | undefined) =>
  type === 'REVOKE_ACCESS' ? 'Revoke access' : type === 'MODIFY_ACCESS' ? 'Modify access' : 'Grant access';

function workItemRow(item: WorkItem): FirstRow {
  const approvals = (item.approvalItems ?? []).filter((a) => !!a);
  const remediation = (item.remediationItems ?? []).filter((r) => !!r);
  const pending = approvals.filter((a) => !a.state || a.state === 'Pending').length;
  const itemCount = typeof item.numItems === 'number' ? item.numItems : approvals.length + remediation.length;
  const name = item.name || item.description || item.id;
  const description = item.description ?? '';
  const requestedFor =
    remediation[0]?.targetDisplayName || item.form?.targetUser || /\bfor ([^:]+)$/.exec(item.name ?? '')?.[1] || '';
  return {
    id: item.id,
    href: `/work-items/${encodeURIComponent(item.id)}`,
    name,
    second: description !== name ? description : '',
    typeLabel: typeLabel(item.type),
    requester: item.requesterDisplayName ?? '',
    requestedFor,
    created: timeOf(item.created),
    pending:
      item.form && !approvals.length && !remediation.length && !itemCount
        ? 'Form'
        : pending
          ? String(pending)
          : itemCount
            ? String(itemCount)
            : '—',
    state: item.state || 'Unknown',
  };
}

function approvalRow(approval: PendingApproval): FirstRow {
  const object = approval.requestedObject ?? {};
  const name = object.name || approval.name || approval.id;
  const description = [requestTypeLabel(approval.requestType), approval.requesterComment?.comment?.trim() ?? '']
    .filter(Boolean)
    .join(' — ');
  return {
    id: approval.id,
    href: `/access-requests/${encodeURIComponent(approval.id)}`,
    name,
    second: description !== name ? description : '',
    typeLabel: (object.type && OBJECT_LABELS[object.type]) || 'Access',
    requester: approval.requester?.name ?? '',
    requestedFor: approval.requestedFor?.name ?? '',
    created: timeOf(approval.created),
    pending: '1',
    state: 'Pending',
  };
}

/** The reader's languages from Accept-Language, best first (what the page's navigator.languages would say). */
export function readerLocales(request: FastifyRequest): string[] {
  const header = request.headers['accept-language'];
  if (typeof header !== 'string') return [];
  return header
    .split(',')
    .map((part) => {
      const [tag, ...params] = part.trim().split(';');
      const q = Number(/q=([\d.]+)/.exec(params.join(';'))?.[1] ?? '1');
      return { tag: tag.trim(), q: Number.isFinite(q) ? q : 0 };
    })
    .filter((l) => /^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$/.test(l.tag) && l.q > 0)
    .sort((a, b) => b.q - a.q)
    .slice(0, 10)
    .map((l) => l.tag);
}

function genericApprovalRow(approval: Approval, locales: readonly string[]): FirstRow {
  const name = pickLocalized(approval.name, locales)?.trim() || approval.id;
  const description = pickLocalized(approval.description, locales)?.trim() ?? '';
  return {
    id: approval.id,
    href: `/approvals/${encodeURIComponent(approval.id)}`,
    name,
    second: description !== name ? description : '',
    typeLabel: approvalTypeLabel(approval.type),
    requester: approval.requester?.name ?? '',
    requestedFor: approval.requestee?.name ?? '',
    created: timeOf(approval.createdDate),
    pending: '1',
    state: 'Pending',
  };
}

/** "12 days", "5 h", "just now", with the list's "over 7/30 days" mark (src/features/inbox/list/Age.tsx). */
function ageCell(created: number, now: number): string {
  if (!created) return '<span data-age="unknown">—</span>';
  const age = now - created;
  const days = Math.max(0, Math.floor(age / DAY_MS));
  const hours = Math.floor(age / 3_600_000);
  const text =
    days >= 1 ? `${days.toLocaleString('en')} ${days === 1 ? 'day' : 'days'}` : hours >= 1 ? `${hours} h` : 'just now';
  const band = age > 30 * DAY_MS ? 'month' : age > 7 * DAY_MS ? 'week' : 'fresh';
  const mark =
    band === 'month'
      ? '<span class="age-mark">over 30 days</span>'
      : band === 'week'
        ? '<span class="age-mark">over 7 days</span>'
        : '';
  return `<span data-age="${band}">${text}${mark}</span>`;
}

function rowHtml(row: FirstRow, now: number, first: boolean): string {
  const e = escapeHtml;
  const second = row.second ? `<span class="line muted">${e(row.second)}</span>` : '';
  const forWhom =
    row.requestedFor && row.requestedFor !== row.requester
      ? `<span class="line muted">for ${e(row.requestedFor)}</span>`
      : '';
  return (
    `<tr data-testid="first-row" data-row-id="${e(row.id)}">` +
    `<td class="check"></td>` +
    `<td class="name"><a class="line link" href="${e(row.href)}"${first ? ' elementtiming="first-rows"' : ''}>` +
    `${e(row.name)}</a>${second}</td>` +
    `<td class="type">${e(row.typeLabel)}</td>` +
    `<td class="name who"><span class="line">${e(row.requester || '—')}</span>${forWhom}</td>` +
    `<td class="nowrap age">${ageCell(row.created, now)}</td>` +
    `<td class="num">${e(row.pending)}</td>` +
    `<td class="nowrap"><span class="state" data-state="${e(row.state)}">${e(row.state)}</span></td>` +
    `</tr>`
  );
}

/** Every kind's rows, newest first (the list's default order; ties keep the kinds' order, as the list does). */
export function firstRows({ bootstrap, approvals }: Landing, locales: readonly string[] = []): FirstRow[] {
  const rows = [
    ...(bootstrap.workItems?.items ?? []).filter((i) => i && typeof i.id === 'string').map(workItemRow),
    ...(bootstrap.accessRequests?.items ?? []).filter((a) => a && typeof a.id === 'string').map(approvalRow),
    ...(approvals?.items ?? []).filter((a) => a && typeof a.id === 'string').map((a) => genericApprovalRow(a, locales)),
  ];
  return rows.sort((a, b) => b.created - a.created).slice(0, FIRST_SCREEN_ROWS);
}

/**
 * The first screen for this bootstrap, or undefined when there is nothing to show at once: a list that failed (the
 * app says why) or an empty one (the app says so).
 */
export function firstScreenHtml(
  landing: Landing,
  locales: readonly string[] = [],
  now = Date.now(),
): string | undefined {
  const { bootstrap, approvals } = landing;
  if (!bootstrap.workItems || !bootstrap.accessRequests || !approvals) return undefined;
  const rows = firstRows(landing, locales);
  if (rows.length === 0) return undefined;
  const pending = bootstrap.workItems.total + bootstrap.accessRequests.total + approvals.total;
  const e = escapeHtml;
  return (
    `<div ${FIRST_SCREEN_ATTRIBUTE} class="fs">` +
    `<header class="fs-bar"><span class="fs-title">Work Items Inbox</span>` +
    `<nav aria-label="Main" class="fs-nav"><a href="/inbox" aria-current="page">Inbox <b>${pending.toLocaleString('en')}</b></a>` +
    `<a href="/completed">Completed</a></nav><span class="fs-grow"></span>` +
    `<span class="fs-who">${e(bootstrap.session.name ?? '')}</span></header>` +
    `<main class="fs-main"><h1 class="fs-h1">Inbox</h1>` +
    `<div class="fs-summary"><div><span>Pending</span><b>${pending.toLocaleString('en')}</b></div>` +
    `<div><span>Work items</span><b>${bootstrap.workItems.total.toLocaleString('en')}</b></div>` +
    `<div><span>Access requests</span><b>${bootstrap.accessRequests.total.toLocaleString('en')}</b></div>` +
    `<div><span>Approvals</span><b>${approvals.total.toLocaleString('en')}</b></div></div>` +
    `<div class="fs-panel"><div class="fs-tools"></div>` +
    `<table class="fs-table" aria-label="Pending work, newest first"><colgroup><col class="c-check"><col>` +
    `<col class="c-type"><col class="c-who"><col class="c-age"><col class="c-num"><col class="c-state"></colgroup>` +
    `<thead><tr><th class="check"></th><th>Name</th><th>Type</th><th>Requester</th><th>Age</th>` +
    `<th class="num">Pending</th><th>State</th></tr></thead><tbody>` +
    // (the first row's name is timed by the benchmark: when it was painted)
    rows.map((row, i) => rowHtml(row, now, i === 0)).join('') +
    `</tbody></table></div></main></div>`
  );
}

/** The page with its root's placeholder replaced by the first screen (the page as it was when there is none). */
export function withFirstScreen(html: string, screen: string | undefined): string {
  if (!screen) return html;
  const open = html.indexOf('<div id="root">');
  const close = html.indexOf('<!--/root-->');
  if (open === -1 || close === -1) return html;
  return `${html.slice(0, open)}<div id="root">${screen}</div>${html.slice(close + '<!--/root-->'.length)}`;
}
