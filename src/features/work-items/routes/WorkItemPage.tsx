// A work item's page: what it asks, who asked, its approval items (decided one by one or all at once), its form or
// remediation items, its forwarding history; Mark complete and Forward. Every decision goes through the inbox's one
// rule (`act`); the inbox adds the shortcuts, the way back and "Next item" (DetailPageProps).
import { lazy, Suspense, useEffect, type ComponentType } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Skeleton from '@mui/material/Skeleton';
import Typography from '@mui/material/Typography';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { HandoverHistory } from '../../../components/HandoverHistory.tsx';
import { detailActionsSx } from '../../../components/detail-actions.ts';
import type { DetailPageProps } from '../../../lib/kinds/kind.ts';
import { useWorkItem } from '../api/get-work-item.ts';
import { workItemRow } from '../api/queue-row.ts';
import { ApprovalItemsSection } from '../components/ApprovalItemsSection.tsx';
import { FormPanel, type FormSlotProps } from '../components/FormPanel.tsx';
import { RemediationItemsSection } from '../components/RemediationItemsSection.tsx';
import { WorkItemHeader } from '../components/WorkItemHeader.tsx';
import { approvalDecisions, isOpen, workItemStateLabel } from '../rules.ts';

// Shown only for a refused or unknown id: its own chunk.
const UnavailableWorkItem = lazy(async () => ({
  default: (await import('../components/UnavailableWorkItem.tsx')).UnavailableWorkItem,
}));

export function WorkItemPage({
  id,
  ownerId,
  kind,
  act,
  back,
  next,
  onRow,
  Form,
}: DetailPageProps & { Form: ComponentType<FormSlotProps> }) {
  const query = useWorkItem(id);
  const item = query.data;
  const row = item ? workItemRow(item) : undefined;

  useEffect(() => {
    if (item?.name) document.title = `${item.name} · Work Items Inbox`;
    return () => {
      document.title = 'Work Items Inbox';
    };
  }, [item?.name]);
  useEffect(() => onRow(row), [onRow, row?.id, row?.pendingCount, row?.can.complete]); // eslint-disable-line react-hooks/exhaustive-deps

  if (query.isError && !item) {
    const status = query.error?.status;
    if (status === 404 || status === 403) {
      return (
        <>
          {back}
          <Suspense fallback={null}>
            <UnavailableWorkItem id={id} error={query.error} ownerId={ownerId} />
          </Suspense>
        </>
      );
    }
    return (
      <>
        {back}
        <Typography variant="h4" component="h1" sx={{ mb: 2 }}>
          Work item
        </Typography>
        <ErrorAlert error={query.error} onRetry={() => query.refetch()} />
      </>
    );
  }
  if (!item || !row) {
    return (
      <>
        {back}
        <Skeleton variant="text" width="50%" height={48} />
        <Skeleton variant="rounded" height={160} sx={{ mt: 2 }} />
      </>
    );
  }

  const open = isOpen(item);
  const approvalItems = item.approvalItems ?? [];
  const remediationItems = (item.remediationItems ?? []).filter(Boolean);
  const actionOf = (name: string) => kind.actions.find((a) => a.name === name)!;
  const target = { id: item.id, name: item.name || item.id, ownerId, row };
  const history = (item.forwardHistory ?? []).filter(Boolean).map((entry) => ({
    from: entry.fromName || entry.fromId || 'Someone',
    to: entry.toName || entry.toId || 'someone',
    by: entry.byId !== entry.fromId ? entry.byName || entry.byId : undefined,
    at: entry.forwarded,
    comment: entry.comment,
  }));

  return (
    <>
      {back}
      <Box sx={{ display: 'flex', gap: 2, alignItems: 'flex-start', flexWrap: 'wrap', mb: 2 }}>
        <Box sx={{ flex: '1 1 400px', minWidth: 0 }}>
          <Typography variant="h4" component="h1" sx={{ overflowWrap: 'anywhere' }}>
            {item.name || 'Untitled work item'}
          </Typography>
          {item.description && (
            <Typography color="text.secondary" sx={{ mt: 0.5, overflowWrap: 'anywhere', whiteSpace: 'pre-line' }}>
              {item.description}
            </Typography>
          )}
        </Box>
        <Box sx={detailActionsSx} data-detail-actions>
          {row.can.complete && (
            <Button variant="contained" data-action="complete" onClick={() => act(actionOf('complete'), target)}>
              Mark complete
            </Button>
          )}
          {row.can.forward && (
            <Button variant="outlined" data-action="forward" onClick={() => act(actionOf('forward'), target)}>
              Forward
            </Button>
          )}
          {next}
        </Box>
      </Box>
      <Box sx={{ height: 4, mb: 1 }}>
        {query.isFetching && <LinearProgress aria-label="Refreshing the work item" />}
      </Box>
      {!open && (
        <Alert severity={item.state === 'Rejected' ? 'warning' : 'success'} sx={{ mb: 2 }} role="status">
          This work item is completed ({workItemStateLabel(item.state, approvalDecisions(item.approvalItems))}). It is
          read-only.
        </Alert>
      )}
      {query.isError && (
        <Box sx={{ mb: 2 }}>
          <ErrorAlert
            error={query.error}
            title="The latest version could not be loaded"
            onRetry={() => query.refetch()}
          />
        </Box>
      )}
      {item.errors && item.errors.length > 0 && (
        <Alert severity="error" sx={{ mb: 2 }} data-testid="work-item-errors">
          <strong>Errors reported on this work item</strong>
          <Box component="ul" sx={{ m: 0, pl: 2 }}>
            {item.errors.map((e, i) => (
              <li key={i} style={{ overflowWrap: 'anywhere' }}>
                {e}
              </li>
            ))}
          </Box>
        </Alert>
      )}
      <Paper variant="outlined" sx={{ p: { xs: 1.5, sm: 2 }, mb: 3 }}>
        <WorkItemHeader item={item} />
      </Paper>
      <HandoverHistory entries={history} />
      {item.form && <FormPanel item={item} form={item.form} readOnly={!open} Form={Form} />}
      {(approvalItems.length > 0 || item.type === 'Approval') && (
        <ApprovalItemsSection key={item.id} item={item} readOnly={!open} act={act} ownerId={ownerId} />
      )}
      {remediationItems.length > 0 && <RemediationItemsSection items={remediationItems} />}
    </>
  );
}
