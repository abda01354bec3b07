// A third kind, made up here and registered next to the real two, is listed, searched, filtered by its own facet,
// sorted by its due dates, decided by key (held, then sent to its own API), counted in the nav and the summary, and
// exported — without a line of the inbox changed: the kind is this file's object plus one entry in the registry
// the page is given. The real server and sandbox serve the other two kinds; the made-up kind's API does not exist,
// so its requests are answered by a stand-in for that API (the only test double here).
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { KINDS } from '../../app/kinds.ts';
import { flushHeld, heldCount, type HeldRequest } from '../../lib/held.ts';
import { configureHttp, type ApiError } from '../../lib/http.ts';
import type { InboxKind, KindCounts } from '../../lib/kinds/kind.ts';
import { putBack, takeRows, type TakenRows } from '../../lib/queue/cache.ts';
import { queueQueryFn } from '../../lib/queue/query.ts';
import { searchWithSubItems, type QueueRow } from '../../lib/queue/row.ts';
import type { QueueData } from '../../lib/queue/stream.ts';
import { kindsWrapper } from '../../test/kinds.tsx';
import { newQueryClient, startApiServer, type ApiTestServer } from '../../test/api-server.tsx';
import { PendingCount } from './counts/PendingCount.tsx';
import { historyCsvName, historyCsvRows, HISTORY_CSV_HEADER } from './history/queue-csv.ts';
import { shortcutGroups } from './keyboard/ShortcutSheet.tsx';
import { InboxPage } from './routes/InboxPage.tsx';

const DAY = 86_400_000;
const NOW = Date.now();

/** An expense claim as its (made-up) API would list it. */
function claim(id: string, title: string, priority: string, dueInDays: number, decided?: string): QueueRow {
  return {
    kind: 'expense-claim',
    id,
    name: title,
    description: 'Travel to the customer',
    requester: 'Nora Lind',
    requestedFor: 'Nora Lind',
    type: 'Expense',
    typeLabel: 'Expense',
    created: NOW - 3 * DAY,
    completed: decided ? NOW - DAY : 0,
    due: NOW + dueInDays * DAY,
    state: decided ?? 'Pending',
    comment: decided ? 'Receipts attached' : undefined,
    pendingCount: decided ? 0 : 1,
    itemCount: 1,
    applications: [],
    ownerId: 'alice',
    ownerName: 'Alice Approver',
    can: { approve: !decided, reject: !decided, reassign: !decided },
    facets: { priority },
    ...searchWithSubItems([title, 'nora lind', id, 'expense'], []),
  };
}

const pending = [
  claim('mu-1', 'Zurich trip mu-claim', 'HIGH', 2),
  claim('mu-2', 'Oslo trip mu-claim', 'LOW', -1),
  claim('mu-3', 'Lisbon trip mu-claim', 'HIGH', 9),
];
const completed = [claim('mu-9', 'Berlin trip mu-claim', 'LOW', 0, 'Approved')];
const sent: HeldRequest[] = [];

function queue(rows: QueueRow[], which: string, ownerId?: string) {
  return queryOptions<QueueData, ApiError>({
    queryKey: ['expense-claims', ownerId ?? null, which],
    queryFn: queueQueryFn(
      {
        kind: 'expense-claim',
        pageSize: 100,
        fetchPage: async ({ offset }) => ({ rows: rows.slice(offset), total: rows.length, offset }),
      },
      1000,
    ),
  });
}

const taken = new Map<string, TakenRows>();
const mine = { queryKey: ['expense-claims'] };

const expenseClaims: InboxKind = {
  name: 'expense-claim',
  nouns: { one: 'expense claim', many: 'expense claims' },
  filterLabel: 'Expense claims',
  dueDates: true,
  facets: [{ name: 'priority', param: 'priority', label: 'Priority', all: 'Any priority' }],
  queue: {
    pending: ({ ownerId }) => queue(pending, 'pending', ownerId),
    completed: ({ ownerId }) => queue(completed, 'completed', ownerId),
  },
  counts: ({ ownerId }) =>
    queryOptions<KindCounts, ApiError>({
      queryKey: ['expense-claims', ownerId ?? null, 'counts'],
      queryFn: async () => ({ pending: pending.length, completed: completed.length }),
    }),
  route: '/expense-claims/:id',
  path: (id) => `/expense-claims/${id}`,
  loadDetailPage: async () => () => null,
  actions: [
    {
      name: 'approve',
      type: 'decision',
      label: 'Approve',
      done: 'Approved',
      key: 'a',
      tone: 'success',
      available: (row) => row.can.approve || 'decided already',
      comment: () => ({ need: 'optional', max: 500 }),
    },
    {
      name: 'reassign',
      type: 'handover',
      label: 'Reassign',
      done: 'Reassigned',
      key: 'f',
      tone: 'primary',
      available: (row) => row.can.reassign || 'decided already',
      comment: () => ({ need: 'optional', max: 500 }),
    },
  ],
  loadRuntime: async () => ({
    requests: (action, target, input) => [
      {
        method: 'POST',
        path: `/v3/expense-claims/${encodeURIComponent(target.id)}/${action}`,
        json: input.comment ? { comment: input.comment } : undefined,
        label: `${action} “${target.name}”`,
        kind: 'expense-claim',
        itemId: target.id,
        action,
      },
    ],
    cache: {
      shown: (client, request) => taken.set(request.path, takeRows(client, mine, [request.itemId])),
      restored: (client, request) => putBack(client, mine, taken.get(request.path) ?? { entries: [] }),
      settled: async () => {},
      refresh: async () => {},
    },
  }),
};

/** The registry with one line more. */
const REGISTRY = [...KINDS, expenseClaims];

let api: ApiTestServer;
let client: QueryClient;

beforeAll(async () => {
  api = await startApiServer();
  await api.signInAs('alice.approver');
  // the made-up kind's API: answered here, every other request goes to the real server
  const real = api.fetch;
  configureHttp({
    baseUrl: api.url,
    fetch: async (input, init) => {
      const request = new Request(input, init);
      const path = new URL(request.url).pathname;
      if (!path.startsWith('/v3/expense-claims/')) return real(request);
      const json = request.method === 'POST' && init?.body ? JSON.parse(String(init.body)) : undefined;
      sent.push({ method: 'POST', path, json, label: '', kind: 'expense-claim', itemId: '', action: '' });
      return new Response('{}', { status: 202, headers: { 'Content-Type': 'application/json' } });
    },
  });
  client = newQueryClient();
});
afterAll(() => api?.close());

it('a made-up third kind is listed, searched, filtered, sorted by due date, decided by key, counted and exported', async () => {
  const user = userEvent.setup();
  render(
    <main>
      <nav>
        <PendingCount ownerId={undefined} />
      </nav>
      <InboxPage />
    </main>,
    { wrapper: kindsWrapper(client, REGISTRY, '/inbox?q=mu-claim&sort=due') },
  );

  // listed and searched: the search finds its three claims, soonest due first (the overdue one first)
  await waitFor(() => expect(screen.getAllByTestId('list-row')).toHaveLength(3), { timeout: 20_000 });
  expect(screen.getAllByTestId('list-row').map((r) => within(r).getByRole('link').textContent)).toEqual([
    'Oslo trip mu-claim',
    'Zurich trip mu-claim',
    'Lisbon trip mu-claim',
  ]);
  expect(screen.getAllByTestId('list-row')[0]).toHaveTextContent('overdue 1 day');
  expect(screen.getByRole('option', { name: 'Expense claims (3)' })).toBeInTheDocument();
  expect(screen.getByRole('option', { name: 'Due soonest first' })).toBeInTheDocument();
  // its own filter, with its counts
  await user.selectOptions(screen.getByRole('combobox', { name: 'Priority' }), 'HIGH');
  await waitFor(() => expect(screen.getAllByTestId('list-row')).toHaveLength(2));
  await user.selectOptions(screen.getByRole('combobox', { name: 'Priority' }), '');
  await waitFor(() => expect(screen.getAllByTestId('list-row')).toHaveLength(3));

  // counted: the nav's badge and the summary add it to the real kinds, with its own figure
  const summary = await waitFor(() => screen.getByTestId('summary-pending-expense-claim'));
  expect(summary).toHaveTextContent('3');
  const total = Number(screen.getByTestId('summary-pending').textContent);
  const real = KINDS.reduce((n, k) => n + Number(screen.getByTestId(`summary-pending-${k.name}`).textContent), 0);
  expect(total).toBe(real + 3);
  expect(screen.getByTestId('inbox-count')).toHaveTextContent(String(total));
  expect(screen.getByTestId('inbox-count')).toHaveAttribute('aria-label', expect.stringContaining('3 expense claims'));

  // decided by key: j focuses the first row, a approves it — held (nothing sent), then sent to its own API
  await user.click(screen.getByRole('heading', { name: 'Inbox' }));
  await user.keyboard('j');
  await waitFor(() => expect(document.activeElement?.closest('tr')).toHaveTextContent('Oslo trip mu-claim'));
  await user.keyboard('a');
  await waitFor(() => expect(heldCount()).toBe(1), { timeout: 10_000 });
  expect(sent).toEqual([]);
  await waitFor(() => expect(screen.getAllByTestId('list-row')).toHaveLength(2));
  act(() => flushHeld());
  await waitFor(() => expect(sent.map((r) => r.path)).toEqual(['/v3/expense-claims/mu-2/approve']));
  // the focus moved on to the next row; a key its kind has no action for says so instead of calling anything
  await waitFor(() => expect(document.activeElement?.closest('tr')).toHaveTextContent('Zurich trip mu-claim'));
  await user.keyboard('e');
  await waitFor(() =>
    expect(screen.getByTestId('announcer')).toHaveTextContent(
      '“Zurich trip mu-claim” is an expense claim: Mark complete is for work items',
    ),
  );
  expect(sent).toHaveLength(1);

  // the shortcut sheet says where its keys work
  const decide = shortcutGroups(REGISTRY).find((g) => g.title.startsWith('Decide'))!;
  expect(decide.shortcuts.find((s) => s.keys[0] === 'a')!.what).toContain('expense claims');
  expect(decide.shortcuts.find((s) => s.keys[0] === 'f')!.what).toMatch(/^Forward \/ Reassign/);

  // exported: its history with the Kind, Requested for and Comment columns, in a file named after the filter
  const history = await client.fetchQuery(expenseClaims.queue.completed({ bound: 1000 }));
  const csv = historyCsvRows(history.rows, REGISTRY);
  const column = (name: (typeof HISTORY_CSV_HEADER)[number]) => csv[0][HISTORY_CSV_HEADER.indexOf(name)];
  expect(column('Kind')).toBe('expense claim');
  expect(column('Requested for')).toBe('Nora Lind');
  expect(column('Comment')).toBe('Receipts attached');
  expect(column('Outcome')).toBe('Approved');
  expect(
    historyCsvName(
      { q: 'Berlin', type: '', application: '', requester: '', age: '', kind: 'expense-claim' },
      REGISTRY,
      '2030-01-02',
    ),
  ).toBe('completed-expense-claims-q-berlin-2030-01-02.csv');
  // one story over a real server: the first render loads every lazy part of the list
}, 90_000);
