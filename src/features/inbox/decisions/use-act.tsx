// The one rule for acting on one item, every kind, every place (list key, list button, expanded row, detail page):
// a decision is shown at once, held with Undo (the toast's button and `z`) for HOLD_MS, then sent — ISC has no
// un-approve, so an undone decision is one that was never sent. It asks first only when it decides several
// sub-items (naming how many) or needs a comment it was not given. A handover (forward) opens the page's dialog.
// The kind says what the requests are and how its cache follows; this module knows kinds only through that.
import { lazy, Suspense, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useNotify } from '../../../components/notify.tsx';
import { useKinds } from '../../../lib/kinds/context.ts';
import type { ActionInput, ActLive, ActOnItem, ActionTarget, InboxKind, KindAction } from '../../../lib/kinds/kind.ts';
import type { QueueRow } from '../../../lib/queue/row.ts';
import type { DecisionAsk } from './DecisionDialog.tsx';

const DecisionDialog = lazy(() => import('./DecisionDialog.tsx'));

// The engine (engine.ts: holding, sending, the kinds' cache rules, the runner) comes with the first interaction,
// not with the list: the page asks for it on the first key or pointer press, before any decision can be made.
type Engine = typeof import('./engine.ts');
let engine: Engine | undefined;
const loadEngine = (): Promise<Engine> =>
  import('./engine.ts').then((m) => {
    engine = m;
    return m;
  });

/** Fetches the engine now (the first key or pointer press of a page). */
export function preloadDecisions(): void {
  if (!engine) void loadEngine();
}

/** Undoes the latest held decision if it has not been sent; false when there was nothing to undo. */
export function undoLatest(): boolean {
  return engine?.undoLatest() ?? false;
}

/** Loads the engine on the first key or pointer press on the page. */
export function usePreloadOnInteraction() {
  useEffect(() => {
    if (engine) return;
    const once = () => preloadDecisions();
    const options = { once: true, capture: true } as const;
    window.addEventListener('pointerdown', once, options);
    window.addEventListener('keydown', once, options);
    return () => {
      window.removeEventListener('pointerdown', once, options);
      window.removeEventListener('keydown', once, options);
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
      else void loadEngine().then((m) => m.decideNow(queryClient, notify, kind, action, target, input, live));
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
      const parts = target.subItemIds?.length ?? row?.pendingCount ?? 1;
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
