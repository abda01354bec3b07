import { Suspense, useState } from 'react';
import Button from '@mui/material/Button';
import { PhoneHidden } from '../../../components/PhoneHidden.tsx';
import { useNotify } from '../../../components/notify.tsx';
import { plural } from '../../../lib/plural.ts';
import type { BulkResult } from '../../../lib/bulk-resume.ts';
import type { ForwardOutcome, ForwardTarget } from '../ForwardDialog.tsx';
import { LazyForwardDialog, loadForwardDialog } from './load-forward-dialog.ts';

/**
 * "Forward selected" in the inbox's selection toolbar: every selected open work item to one new owner, through
 * the same per-item run as "Approve selected" (progress, a result each; `onItemDone` lets the inbox take the
 * successes out of the selection and keep the failures selected with their reason). A snackbar names the new
 * owner once the dialog closes.
 */
export function ForwardSelectedButton({
  items,
  selectedCount,
  disabled,
  onItemDone,
}: {
  /** The selected work items that can be forwarded (known, open, not already handled). */
  items: ForwardTarget[];
  /** How many are selected in all (the rest are left out and counted as such). */
  selectedCount: number;
  disabled?: boolean;
  onItemDone: (result: BulkResult) => void;
}) {
  const [run, setRun] = useState<{ items: ForwardTarget[]; skipped: number } | null>(null);
  const notify = useNotify();
  const forwardable = items;

  const onClose = ({ results, target }: ForwardOutcome) => {
    setRun(null);
    const ok = results.filter((r) => r.ok).length;
    if (ok > 0 && target) notify(`Forwarded ${plural(ok, 'work item')} to ${target.name || target.id}`);
  };

  return (
    <>
      <Button
        variant="outlined"
        disabled={disabled || forwardable.length === 0 || run !== null}
        onClick={() => setRun({ items: forwardable, skipped: Math.max(0, selectedCount - forwardable.length) })}
        onPointerEnter={() => void loadForwardDialog()}
        onFocus={() => void loadForwardDialog()}
      >
        <span>
          Forward<PhoneHidden> selected</PhoneHidden>
        </span>
      </Button>
      {run && (
        <Suspense fallback={null}>
          <LazyForwardDialog
            items={run.items}
            mode="many"
            skipped={run.skipped}
            onItemDone={onItemDone}
            onClose={onClose}
          />
        </Suspense>
      )}
    </>
  );
}
