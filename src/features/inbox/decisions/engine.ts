// The decisions' engine, loaded with the first interaction (not with the list): a decision shown at once (the
// kind's cache), held with Undo (the toast's button and `z`), then sent; several requests for one item run through
// the paced runner; the lists a decision made stale are refreshed once decisions pause. See use-act.tsx.
import type { QueryClient } from '@tanstack/react-query';
import type { Notify } from '../../../components/notify.tsx';
import { heldCount, hold, onHeldChange, type HeldHandle, type HeldRequest } from '../../../lib/held.ts';
import { sendRequest } from '../../../lib/http.ts';
import { runtimeOf } from '../../../lib/kinds/runtime.ts';
import type { ActionInput, ActLive, ActionTarget, InboxKind, KindAction } from '../../../lib/kinds/kind.ts';
import { count } from '../../../lib/kinds/words.ts';

/** After the last decision, this long without another (and nothing held) before the lists refetch. */
export const QUIET_MS = 2_000;

/** The latest held decision's undo (the `z` shortcut presses the toast's Undo). */
let lastUndo: (() => boolean) | null = null;

/** Undoes the latest held decision if it has not been sent; false when there was nothing to undo. */
export function undoLatest(): boolean {
  const undo = lastUndo;
  lastUndo = null;
  return undo ? undo() : false;
}

// The lists a decision made stale are refreshed once decisions pause: a refetch per click would restart the
// queue's stream each time, and one while a decision is held would bring its row back.
const stale = new Map<InboxKind, Set<string | undefined>>();
let quiet: ReturnType<typeof setTimeout> | undefined;

function refreshSoon(queryClient: QueryClient, kind: InboxKind, ownerId: string | undefined) {
  const owners = stale.get(kind) ?? new Set();
  owners.add(ownerId);
  stale.set(kind, owners);
  clearTimeout(quiet);
  quiet = setTimeout(function refresh() {
    if (heldCount() > 0) {
      const stop = onHeldChange(() => {
        if (heldCount() > 0) return;
        stop();
        quiet = setTimeout(refresh, QUIET_MS);
      });
      return;
    }
    for (const [k, set] of stale) {
      void runtimeOf(k).then(({ cache }) =>
        cache.refresh(
          queryClient,
          [...set].filter((o) => o !== undefined),
        ),
      );
    }
    stale.clear();
  }, QUIET_MS);
}

/** A kind's runtime, waiting for the network when it could not be downloaded (offline). */
async function runtimeWhenReachable(kind: InboxKind) {
  for (;;) {
    try {
      return await runtimeOf(kind);
    } catch {
      await new Promise((resolve) => window.addEventListener('online', resolve, { once: true }));
    }
  }
}

const lower = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);
const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** One request: shown, held with Undo, then sent; the kind's cache follows each step. */
async function holdOne(
  queryClient: QueryClient,
  notify: Notify,
  kind: InboxKind,
  action: KindAction,
  target: ActionTarget,
  request: HeldRequest,
  live: ActLive,
) {
  const { cache } = await runtimeWhenReachable(kind);
  const what = target.subItemIds ? target.name : `“${target.name}”`;
  let handle: HeldHandle;
  try {
    // stored first, shown as made after: a decision on screen is one that survives the tab
    handle = await hold(request, { onSending: live.onSending });
  } catch (error) {
    notify(`${action.label} ${what} was not made: ${message(error)}`, 'error');
    live.onFailed?.(error);
    return;
  }
  cache.shown(queryClient, request);
  live.onShown?.();
  const said = `${action.done} ${what}`;
  const undo = () => {
    if (!handle.cancel()) return false;
    cache.restored(queryClient, request);
    notify(`Undone: ${lower(said)}. Nothing was sent.`, 'info');
    live.onUndone?.();
    return true;
  };
  lastUndo = undo;
  const close = notify(said, 'success', { action: { label: 'Undo', onClick: undo } });
  const done = () => {
    close();
    if (lastUndo === undo) lastUndo = null;
  };
  handle.sent.then(
    (answer) => {
      done();
      void cache.settled(queryClient, [request], [answer]);
      refreshSoon(queryClient, kind, target.ownerId);
      live.onSent?.();
    },
    (error: unknown) => {
      done();
      cache.restored(queryClient, request);
      notify(`${action.label} ${what} failed: ${message(error)}`, 'error');
      refreshSoon(queryClient, kind, target.ownerId);
      live.onFailed?.(error);
    },
  );
}

/** Several requests for one item (the approval items a search matched): confirmed already, sent now, paced. */
async function runSeveral(
  queryClient: QueryClient,
  notify: Notify,
  kind: InboxKind,
  action: KindAction,
  target: ActionTarget,
  requests: HeldRequest[],
  live: ActLive,
) {
  const { cache } = await runtimeWhenReachable(kind);
  for (const request of requests) cache.shown(queryClient, request);
  live.onShown?.();
  live.onSending?.();
  const answers = new Map<string, unknown>();
  // the runner (p-queue) is loaded with the first such run, not with the page
  const { runQueue } = await import('../../../lib/queue/runner.ts');
  const run = runQueue(
    requests.map((request) => ({ id: request.path, request })),
    async ({ id, request }) => answers.set(id, await sendRequest(request)),
  );
  await run.done.then((outcomes) => {
    const ok = outcomes.filter((o) => o.status === 'ok').map((o) => o.item.request);
    const failed = outcomes.filter((o) => o.status !== 'ok');
    for (const { item } of failed) cache.restored(queryClient, item.request);
    void cache.settled(
      queryClient,
      ok,
      ok.map((r) => answers.get(r.path)),
    );
    refreshSoon(queryClient, kind, target.ownerId);
    const parts = kind.partNouns ?? kind.nouns;
    if (failed.length === 0) {
      notify(`${action.done} ${count(ok.length, parts)} of “${target.name}”`);
      live.onSent?.();
    } else {
      notify(`${failed.length} of ${count(requests.length, parts)} failed: ${message(failed[0].error)}`, 'error');
      live.onFailed?.(failed[0].error);
    }
  });
}

/** A decision the person has confirmed (or that needed no confirmation): carried out. */
export async function decideNow(
  queryClient: QueryClient,
  notify: Notify,
  kind: InboxKind,
  action: KindAction,
  target: ActionTarget,
  input: ActionInput,
  live: ActLive,
) {
  const requests = (await runtimeWhenReachable(kind)).requests(action.name, target, input);
  if (requests.length === 1) void holdOne(queryClient, notify, kind, action, target, requests[0], live);
  else if (requests.length > 1) void runSeveral(queryClient, notify, kind, action, target, requests, live);
}
