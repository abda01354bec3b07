// A list row expanded in place: its approval items with Approve / Reject each and for all (the detail page's own
// decision hook: held single decisions with Undo, confirmed "… all"), or its form / remediation summary with Mark
// complete. Its own chunk, loaded on the first expansion.
import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { ConfirmDialog } from '../../../components/ConfirmDialog.tsx';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { useOwnerId } from '../../../lib/owner.ts';
import { paths } from '../../../lib/paths.ts';
import { plural } from '../../../lib/plural.ts';
import type { QueueRow } from '../../../lib/queue/row.ts';
import type { WorkItem } from '../../../../contract/work-items.ts';
import { useWorkItem } from '../api/get-work-item.ts';
import { useApprovalDecisions } from '../hooks/use-approval-decisions.ts';
import { useHeldActions } from '../hooks/use-held-actions.ts';
import {
  approvalItemLabel,
  decisionVerb,
  isCompletable,
  isOpen,
  isPendingApprovalItem,
  pendingApprovalItems,
} from '../rules.ts';

export default function RowPanel({
  row,
  height,
  announce,
  onDone,
}: {
  row: QueueRow;
  height: number;
  announce: (text: string) => void;
  /** Nothing is left to decide: the list moves on to the next row. */
  onDone: () => void;
}) {
  const query = useWorkItem(row.id);
  const item = query.data;
  return (
    <Box
      role="region"
      aria-label={`Items of ${row.name}`}
      sx={{ height, overflowY: 'auto', px: 2, py: 1.5, bgcolor: 'action.hover', boxSizing: 'border-box' }}
    >
      {item ? (
        <PanelBody item={item} announce={announce} onDone={onDone} />
      ) : query.isError ? (
        <ErrorAlert error={query.error} title="The work item could not be loaded" onRetry={() => query.refetch()} />
      ) : (
        <Typography color="text.secondary">Loading the items…</Typography>
      )}
    </Box>
  );
}

function PanelBody({
  item,
  announce,
  onDone,
}: {
  item: WorkItem;
  announce: (text: string) => void;
  onDone: () => void;
}) {
  const ownerId = useOwnerId();
  const decisions = useApprovalDecisions(item);
  const held = useHeldActions();
  const { pendingCount, confirm } = decisions;
  const approvalItems = (item.approvalItems ?? []).filter((a) => !!a);
  const remediation = (item.remediationItems ?? []).filter(Boolean);
  const open = isOpen(item);
  // the last pending approval item decided here (held or sent): the list moves on
  const hadPending = useRef(pendingCount > 0);
  useEffect(() => {
    if (hadPending.current && pendingCount === 0) {
      hadPending.current = false;
      onDone();
    }
  }, [pendingCount, onDone]);

  const openLink = (
    <Button component={Link} to={paths.workItem(item.id, { ownerId })} size="small">
      Open the work item
    </Button>
  );

  if (approvalItems.length === 0) {
    return (
      <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1, alignItems: 'flex-start' }}>
        {item.form ? (
          <Typography>
            A form to fill in{item.form.name ? `: ${item.form.name}` : ''}. Open the work item to answer it.
          </Typography>
        ) : remediation.length > 0 ? (
          <>
            <Typography>{plural(remediation.length, 'remediation item')} to carry out:</Typography>
            <Box component="ul" sx={{ m: 0, pl: 3 }}>
              {remediation.slice(0, 5).map((r, i) => (
                <li key={r?.id ?? i}>
                  {[r?.applicationName, r?.attributeName, r?.attributeValue].filter(Boolean).join(' · ') || r?.id}
                </li>
              ))}
            </Box>
          </>
        ) : (
          <Typography color="text.secondary">Nothing to decide here.</Typography>
        )}
        <Box sx={{ display: 'flex', gap: 1 }}>
          {isCompletable(item) && (
            <Button
              variant="contained"
              size="small"
              onClick={() => {
                held.markComplete(item.id, item.name || item.id);
                announce(`Marked ${item.name || item.id} complete. Undo with z.`);
                onDone();
              }}
            >
              Mark complete
            </Button>
          )}
          {openLink}
        </Box>
      </Box>
    );
  }

  return (
    <>
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap', mb: 1 }}>
        <Typography sx={{ fontWeight: 600 }}>
          {pendingCount} pending of {approvalItems.length}
        </Typography>
        <Box sx={{ flexGrow: 1 }} />
        {open && (
          <>
            <Button
              size="small"
              variant="outlined"
              color="success"
              disabled={pendingCount === 0 || decisions.bulkRunning}
              onClick={() => decisions.ask('approve')}
            >
              Approve all
            </Button>
            <Button
              size="small"
              variant="outlined"
              color="error"
              disabled={pendingCount === 0 || decisions.bulkRunning}
              onClick={() => decisions.ask('reject')}
            >
              Reject all
            </Button>
          </>
        )}
        {openLink}
      </Box>
      {decisions.error && (
        <Box sx={{ mb: 1 }}>
          <ErrorAlert error={decisions.error.error} title={decisions.error.title} onRetry={decisions.error.retry} />
        </Box>
      )}
      <Box component="ul" aria-label="Approval items" sx={{ listStyle: 'none', m: 0, p: 0 }}>
        {approvalItems.map((a, i) => {
          const label = approvalItemLabel(a);
          const pendingHere = isPendingApprovalItem(a);
          return (
            <Box
              component="li"
              key={a.id ?? i}
              data-testid="panel-approval-item"
              sx={{ display: 'flex', gap: 1, alignItems: 'center', py: 0.5, borderBottom: 1, borderColor: 'divider' }}
            >
              <Box sx={{ flex: 1, minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
                {label}
                {a.operation ? ` · ${a.operation}` : ''}
                {a.value && a.value !== a.name ? ` · ${a.value}` : ''}
              </Box>
              {pendingHere && open ? (
                (['approve', 'reject'] as const).map((decision) => (
                  <Button
                    key={decision}
                    size="small"
                    variant="outlined"
                    color={decision === 'approve' ? 'success' : 'error'}
                    aria-label={`${decisionVerb(decision)} ${label}`}
                    disabled={!a.id || decisions.bulkRunning}
                    onClick={() => decisions.decideOne(a, decision)}
                  >
                    {decisionVerb(decision)}
                  </Button>
                ))
              ) : (
                <Typography variant="body2" color="text.secondary">
                  {a.state ?? 'Decided'}
                </Typography>
              )}
            </Box>
          );
        })}
      </Box>
      {confirm && (
        <ConfirmDialog
          open
          title={`${decisionVerb(confirm)} all ${plural(pendingCount, 'pending approval item')}?`}
          confirmLabel={`${decisionVerb(confirm)} ${plural(pendingCount, 'item')}`}
          confirmColor={confirm === 'approve' ? 'success' : 'error'}
          busy={decisions.bulkRunning}
          onClose={decisions.cancel}
          onConfirm={() => decisions.decideAll(confirm)}
        >
          {decisionVerb(confirm)} every pending approval item of “{item.name || item.id}”. This cannot be undone.
        </ConfirmDialog>
      )}
      {pendingApprovalItems(item).length === 0 && !open && (
        <Typography color="text.secondary" sx={{ mt: 1 }}>
          Completed ({item.state}).
        </Typography>
      )}
    </>
  );
}
