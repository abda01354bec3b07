// A work item's row expanded in place in the list: its approval items with Approve / Reject each and for all (the
// inbox's one rule: held with Undo; "… all" asks first when it decides several), the ones the list's search matched
// first, or its form / remediation summary with Mark complete. Its own chunk, loaded on the first expansion.
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import type { RowPanelProps } from '../../../lib/kinds/kind.ts';
import { plural } from '../../../lib/plural.ts';
import type { ApprovalItemDetails, WorkItem } from '../../../../contract/work-items.ts';
import { useWorkItem } from '../api/get-work-item.ts';
import { workItemRow } from '../api/queue-row.ts';
import { useApprovalDecisions } from '../hooks/use-approval-decisions.ts';
import { approvalItemLabel, decisionVerb, isCompletable, isOpen, isPendingApprovalItem } from '../rules.ts';

export function WorkItemRowPanel({ row, ownerId, kind, act, matched, onDone }: RowPanelProps) {
  const query = useWorkItem(row.id);
  const item = query.data;
  if (item) return <PanelBody item={item} {...{ row, ownerId, kind, act, matched, onDone }} />;
  if (query.isError) {
    return <ErrorAlert error={query.error} title="The work item could not be loaded" onRetry={() => query.refetch()} />;
  }
  return <Typography color="text.secondary">Loading the items…</Typography>;
}

function PanelBody({ item, ownerId, kind, act, matched, onDone }: RowPanelProps & { item: WorkItem }) {
  const decisions = useApprovalDecisions(item, act, ownerId);
  const [showAll, setShowAll] = useState(false);
  const { pendingCount } = decisions;
  const approvalItems = (item.approvalItems ?? []).filter((a): a is ApprovalItemDetails => !!a);
  const remediation = (item.remediationItems ?? []).filter(Boolean);
  const open = isOpen(item);
  const only = matched && !showAll ? new Set(matched) : undefined;
  const listed = only ? approvalItems.filter((a) => a.id && only.has(a.id)) : approvalItems;
  // the last pending approval item decided here (held or sent): the list moves on
  const hadPending = useRef(pendingCount > 0);
  useEffect(() => {
    if (hadPending.current && pendingCount === 0) {
      hadPending.current = false;
      onDone();
    }
  }, [pendingCount, onDone]);

  const openLink = (
    <Button component={Link} to={kind.path(item.id, { ownerId })} size="small">
      Open the work item
    </Button>
  );

  if (approvalItems.length === 0) {
    const complete = kind.actions.find((a) => a.name === 'complete')!;
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
              onClick={() =>
                act(
                  complete,
                  { id: item.id, name: item.name || item.id, ownerId, row: workItemRow(item) },
                  {},
                  {
                    onShown: onDone,
                  },
                )
              }
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
          {matched && ` · ${matched.length} match the search`}
        </Typography>
        {matched && (
          <Button size="small" onClick={() => setShowAll((s) => !s)}>
            {showAll ? 'Show the matching ones' : `Show all ${approvalItems.length}`}
          </Button>
        )}
        <Box sx={{ flexGrow: 1 }} />
        {open &&
          (['approve', 'reject'] as const).map((decision) => (
            <Button
              key={decision}
              size="small"
              variant="outlined"
              color={decision === 'approve' ? 'success' : 'error'}
              disabled={pendingCount === 0}
              onClick={() => decisions.decideAll(decision)}
            >
              {decisionVerb(decision)} all
            </Button>
          ))}
        {openLink}
      </Box>
      {decisions.error && (
        <Box sx={{ mb: 1 }}>
          <ErrorAlert error={decisions.error.error} title={decisions.error.title} onRetry={decisions.error.retry} />
        </Box>
      )}
      <Box component="ul" aria-label="Approval items" sx={{ listStyle: 'none', m: 0, p: 0 }}>
        {listed.map((a, i) => {
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
                    disabled={!a.id}
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
      {pendingCount === 0 && !open && (
        <Typography color="text.secondary" sx={{ mt: 1 }}>
          Completed ({item.state}).
        </Typography>
      )}
    </>
  );
}
