import { Suspense, useState } from 'react';
import Button from '@mui/material/Button';
import type { BulkResult } from '../work-items/components/use-bulk-run.ts';
import type { WorkItem } from '../../../contract/work-items.ts';
import type { ForwardOutcome } from './ForwardDialog.tsx';
import { isForwardable } from './forwardable.ts';
import { LazyForwardDialog, loadForwardDialog } from './load-forward-dialog.ts';

/**
 * "Forward selected" in the inbox's selection toolbar: every selected open work item to one new owner, through
 * the same per-item run as "Approve selected" (progress, a result each; `onItemDone` lets the inbox take the
 * successes out of the selection and keep the failures selected with their reason).
 */
export function ForwardSelectedButton({
  items,
  selectedCount,
  disabled,
  onItemDone,
  onDone,
}: {
  /** The selected work items the inbox knows and has not already handled. */
  items: WorkItem[];
  /** How many are selected in all (the rest are left out and counted as such). */
  selectedCount: number;
  disabled?: boolean;
  onItemDone: (result: BulkResult) => void;
  onDone: (outcome: ForwardOutcome) => void;
}) {
  const [run, setRun] = useState<{ items: WorkItem[]; skipped: number } | null>(null);
  const forwardable = items.filter(isForwardable);

  return (
    <>
      <Button
        variant="outlined"
        disabled={disabled || forwardable.length === 0 || run !== null}
        onClick={() => setRun({ items: forwardable, skipped: Math.max(0, selectedCount - forwardable.length) })}
        onPointerEnter={() => void loadForwardDialog()}
        onFocus={() => void loadForwardDialog()}
      >
        Forward selected
      </Button>
      {run && (
        <Suspense fallback={null}>
          <LazyForwardDialog
            items={run.items}
            mode="many"
            skipped={run.skipped}
            onItemDone={onItemDone}
            onClose={(outcome) => {
              setRun(null);
              onDone(outcome);
            }}
          />
        </Suspense>
      )}
    </>
  );
}
