// A handover (forward) of one item or several, of any kind, in the dialog the app gives the inbox (the forward
// feature's). This is the page's part: what is open; HandoverHost.tsx (its own chunk) brings the rest.
import { lazy, Suspense, useMemo, useState, type ComponentType, type ReactNode } from 'react';
import type { BulkResult } from '../../../lib/bulk-resume.ts';
import type { ActionTarget, HandoverDialogProps, KindAction } from '../../../lib/kinds/kind.ts';
import { loadWhenOnline } from '../../../lib/online.ts';
import type { QueueRow } from '../../../lib/queue/row.ts';

const HandoverHost = lazy(() => loadWhenOnline(() => import('./HandoverHost.tsx')));

export interface HandoverOpen {
  action: KindAction;
  targets: (ActionTarget & { kind: string; row?: QueueRow })[];
  /** Why some selected items are left out. */
  skipped?: string;
}

export type HandoverOutcome = Parameters<HandoverDialogProps['onClose']>[0];

export function useHandover(
  Dialog: ComponentType<HandoverDialogProps> | undefined,
  {
    onItemDone,
    onClosed,
  }: {
    onItemDone?: (result: BulkResult) => void;
    onClosed?: (outcome: HandoverOutcome, open: HandoverOpen) => void;
  } = {},
): { open: (open: HandoverOpen) => void; dialog: ReactNode } {
  const [state, setState] = useState<HandoverOpen | null>(null);
  const dialog = useMemo(
    () =>
      state &&
      Dialog && (
        <Suspense fallback={null}>
          <HandoverHost
            open={state}
            Dialog={Dialog}
            onItemDone={onItemDone}
            onClose={(outcome) => {
              setState(null);
              onClosed?.(outcome, state);
            }}
          />
        </Suspense>
      ),
    [state, Dialog, onItemDone, onClosed],
  );
  return { open: setState, dialog };
}
