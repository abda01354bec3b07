import { Suspense, useState } from 'react';
import { useNavigate } from 'react-router';
import Button from '@mui/material/Button';
import { useNotify } from '../../../components/notify.tsx';
import { paths } from '../../../lib/paths.ts';
import type { WorkItem } from '../../../../contract/work-items.ts';
import { isForwardable } from '../../work-items/rules.ts';
import type { ForwardOutcome } from '../ForwardDialog.tsx';
import { LazyForwardDialog, loadForwardDialog } from './load-forward-dialog.ts';

/**
 * "Forward" on the detail page of an open work item. After forwarding, the item is no longer ours: back to the
 * inbox (of the owner being viewed), with a snackbar naming the new owner.
 */
export function ForwardButton({ workItem, ownerId }: { workItem: WorkItem; ownerId?: string }) {
  const [open, setOpen] = useState(false);
  const navigate = useNavigate();
  const notify = useNotify();
  if (!isForwardable(workItem)) return null;

  const onClose = ({ results, target }: ForwardOutcome) => {
    setOpen(false);
    if (target && results.some((r) => r.ok)) {
      notify(`Forwarded to ${target.name || target.id}`);
      navigate(paths.inbox({ ownerId }));
    }
  };

  return (
    <>
      <Button
        variant="outlined"
        onClick={() => setOpen(true)}
        onPointerEnter={() => void loadForwardDialog()}
        onFocus={() => void loadForwardDialog()}
      >
        Forward
      </Button>
      {open && (
        <Suspense fallback={null}>
          <LazyForwardDialog items={[workItem]} mode="one" onClose={onClose} />
        </Suspense>
      )}
    </>
  );
}
