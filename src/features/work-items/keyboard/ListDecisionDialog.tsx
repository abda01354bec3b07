// The list's "approve / reject all of this row" confirmation: the detail page's "Approve all" dialog, same words.
import { ConfirmDialog } from '../../../components/ConfirmDialog.tsx';
import { plural } from '../../../lib/plural.ts';
import type { QueueRow } from '../../../lib/queue/row.ts';
import { decideAllQuestion, decisionVerb, type Decision } from '../rules.ts';

export default function ListDecisionDialog({
  decision,
  row,
  onConfirm,
  onCancel,
}: {
  decision: Decision;
  row: Pick<QueueRow, 'name' | 'id' | 'pendingCount'>;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const verb = decisionVerb(decision);
  return (
    <ConfirmDialog
      open
      title={decideAllQuestion(decision, row.pendingCount)}
      confirmLabel={`${verb} ${plural(row.pendingCount, 'item')}`}
      confirmColor={decision === 'approve' ? 'success' : 'error'}
      onClose={onCancel}
      onConfirm={onConfirm}
      disableRestoreFocus
      autoFocusConfirm
    >
      {verb} every pending approval item of “{row.name || row.id}”. This cannot be undone.
    </ConfirmDialog>
  );
}
