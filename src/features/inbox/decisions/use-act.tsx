// The one rule for acting on one item, every kind, every place (list key, list button, expanded row, detail page):
// a decision is shown at once, held with Undo (the toast's button and `z`) for HOLD_MS, then sent — ISC has no
// un-approve, so an undone decision is one that was never sent. It asks first only when it decides several
// sub-items (naming how many) or needs a comment it was not given. A handover (forward) opens the page's dialog.
// The kind says what the requests are and how its cache follows; this module knows kinds only through that.
import { lazy, Suspense, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useNotify } from '../../../components/notify.tsx';
import { useKinds } from '../../../lib/kinds/context.ts';
import { runtimeOf } from '../../../lib/kinds/runtime.ts';
import { loadWhenOnline } from '../../../lib/online.ts';
import type { ActionInput, ActLive, ActOnItem, ActionTarget, InboxKind, KindAction } from '../../../lib/kinds/kind.ts';
import type { QueueRow } from '../../../lib/queue/row.ts';
import type { DecisionAsk } from './DecisionDialog.tsx';

const DecisionDialog = lazy(() => loadWhenOnline(() => import('./DecisionDialog.tsx')));

// The engine (engine.ts: holding, sending, the kinds' cache rules, the runner) is not part of the list's first
// load: a page fetches it on the first sign of use (a key, the pointer moving or pressing), a detail page as it
// opens. A decision made before it arrived waits for it — offline, until the network is back.
type Engine = typeof import('./engine.ts');
let engine: Engine | undefined;
let loading: Promise<Engine> | undefined;

function loadEngine(): Promise<Engine> {
  loading ??= loadWhenOnline(() => import('./engine.ts')).then(
    (m) => (engine = m),
    (error: unknown) => {
      loading = undefined; // tried again on the next call
      throw error;
    },
  );
  return loading;
}

/** The engine, waiting for the network when the browser is offline and the download failed. */
async function engineWhenReachable(): Promise<Engine> {
  for (;;) {
    try {
      return await loadEngine();
    } catch {
      await new Promise((resolve) => window.addEventListener('online', resolve, { once: true }));
    }
  }
}

/** Fetches the engine now, and the runtime of these kinds. */
export function preloadDecisions(kinds: readonly InboxKind[] = []): void {
  if (!engine) void loadEngine().catch(() => {});
  for (const kind of kinds) void runtimeOf(kind).catch(() => {});
}

/** Undoes the latest held decision if it has not been sent; false when there was nothing to undo. */
export function undoLatest(): boolean {
  return engine?.undoLatest() ?? false;
}

/** Loads the engine at the first sign of use on the page: a key, the pointer moving or pressing. */
export function usePreloadOnInteraction() {
  useEffect(() => {
    if (engine) return;
    const once = () => preloadDecisions();
    const options = { once: true, capture: true, passive: true } as const;
    const events = ['pointerdown', 'pointermove', 'keydown'] as const;
    for (const event of events) window.addEventListener(event, once, options);
    return () => {
      for (const event of events) window.removeEventListener(event, once, options);
    };
  }, []);
}

export interface Handover {
  action: KindAction;
  kind: InboxKind;
  targets: (ActionTarget & { row?: QueueRow })[];
}

/**
 * `act`: the one way a single item is acted on (see the top of this file); `dialog`: the question it may ask,
 * to be rendered by the page. `onHandover` opens the page's forward dialog.
 */
export function useAct(onHandover?: (handover: Handover) => void): { act: ActOnItem; dialog: ReactNode } {
  const kinds = useKinds();
  const queryClient = useQueryClient();
  const notify = useNotify();
  const [ask, setAsk] = useState<DecisionAsk | null>(null);

  const decideNow = useCallback(
    (kind: InboxKind, action: KindAction, target: ActionTarget, input: ActionInput, live: ActLive) => {
      if (engine) void engine.decideNow(queryClient, notify, kind, action, target, input, live);
      else void engineWhenReachable().then((m) => m.decideNow(queryClient, notify, kind, action, target, input, live));
    },
    [queryClient, notify],
  );

  const act = useCallback<ActOnItem>(
    (action, target, input = {}, live = {}) => {
      const kind = kinds.find((k) => k.actions.includes(action)) ?? kinds.find((k) => k.name === target.row?.kind);
      if (!kind) return;
      if (action.type === 'handover') {
        onHandover?.({ action, kind, targets: [target] });
        return;
      }
      const row = target.row;
      const rule = row ? action.comment(row) : ({ need: 'none', max: 0 } as const);
      const parts = action.perPart ? (target.subItemIds?.length ?? row?.pendingCount ?? 1) : 1;
      if (parts > 1 || (rule.need === 'required' && !input.comment?.trim())) {
        setAsk({ kind, action, target, input, live, parts, rule });
        return;
      }
      decideNow(kind, action, target, input, live);
    },
    [kinds, onHandover, decideNow],
  );

  const dialog = useMemo(
    () =>
      ask && (
        <Suspense fallback={null}>
          <DecisionDialog
            ask={ask}
            onCancel={() => {
              setAsk(null);
              ask.live.onCancelled?.();
            }}
            onConfirm={(comment) => {
              setAsk(null);
              decideNow(ask.kind, ask.action, ask.target, { ...ask.input, comment }, ask.live);
            }}
          />
        </Suspense>
      ),
    [ask, decideNow],
  );
  return { act, dialog };
}
