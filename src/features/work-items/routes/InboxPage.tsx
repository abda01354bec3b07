import { lazy, Suspense, useEffect, useMemo } from 'react';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { useOwnerId } from '../../../lib/owner.ts';
import { ForwardSelectedButton } from '../../forward/components/ForwardSelectedButton.tsx';
import { useWorkItems } from '../api/list-work-items.ts';
import { BulkResumeAlert } from '../components/BulkResumeAlert.tsx';
import { SummaryBar } from '../components/SummaryBar.tsx';
import { WorkItemsListPanel } from '../components/WorkItemsListPanel.tsx';
import { useBulkDecisions } from '../hooks/use-bulk-decisions.ts';
import { useTableParams } from '../hooks/table-params.ts';

// The bulk dialog (and MUI's Dialog) is only needed once someone decides a selection: its own chunk.
const BulkDecisionDialog = lazy(async () => ({
  default: (await import('../components/BulkDecisionDialog.tsx')).BulkDecisionDialog,
}));

export function InboxPage() {
  const ownerId = useOwnerId();
  const [params, setParams] = useTableParams();
  const query = useWorkItems({ ownerId, limit: params.pageSize, offset: params.page * params.pageSize });
  const pageItems = useMemo(() => query.data?.items ?? [], [query.data]);
  const total = query.data?.total;
  const bulk = useBulkDecisions(ownerId, pageItems);
  const { selection } = bulk;
  const running = bulk.bulk !== null;

  // A page past the end (e.g. after the last items of the last page were decided): go to the last page.
  useEffect(() => {
    if (total !== undefined && !query.isPlaceholderData && params.page > 0 && params.page * params.pageSize >= total) {
      setParams({ page: Math.max(0, Math.ceil(total / params.pageSize) - 1) }, { replace: true });
    }
  }, [total, params.page, params.pageSize, query.isPlaceholderData, setParams]);

  return (
    <>
      <Typography variant="h4" component="h1" sx={{ mb: 2 }}>
        Inbox
      </Typography>
      <SummaryBar ownerId={ownerId} />
      {bulk.resumable && !running && (
        <BulkResumeAlert resume={bulk.resumable} onResume={bulk.resume} onDismiss={bulk.dismissResume} />
      )}
      <WorkItemsListPanel
        query={query}
        ownerId={ownerId}
        params={params}
        setParams={setParams}
        variant="pending"
        caption="Pending work items"
        empty={{
          title: ownerId ? 'No pending work items' : 'Your inbox is empty',
          text: 'Nothing is waiting for a decision. New requests show up here as they arrive.',
        }}
        selection={{ ...selection, failures: bulk.failures, disabled: running }}
        toolbar={
          <>
            <Typography variant="body2" color="text.secondary" aria-live="polite">
              {selection.selected.size > 0 ? `${selection.selected.size} selected` : ''}
            </Typography>
            <Button
              variant="contained"
              color="success"
              disabled={bulk.decidable.length === 0 || running}
              onClick={() => bulk.start('approve')}
            >
              Approve selected
            </Button>
            <Button
              variant="outlined"
              color="error"
              disabled={bulk.decidable.length === 0 || running}
              onClick={() => bulk.start('reject')}
            >
              Reject selected
            </Button>
            <ForwardSelectedButton
              items={bulk.selectedItems}
              selectedCount={selection.selected.size}
              disabled={running}
              onItemDone={bulk.onItemDone}
            />
            {selection.selected.size > 0 && (
              <Button variant="text" onClick={() => selection.clear()} disabled={running}>
                Clear selection
              </Button>
            )}
          </>
        }
      />
      {bulk.bulk && (
        <Suspense fallback={null}>
          <BulkDecisionDialog
            decision={bulk.bulk.decision}
            items={bulk.bulk.items}
            skipped={bulk.bulk.skipped}
            onItemDone={bulk.onItemDone}
            onClose={bulk.onBulkClose}
            autoStart={bulk.bulk.autoStart}
            resume={{ key: bulk.resumeKey, identityId: bulk.identityId }}
          />
        </Suspense>
      )}
    </>
  );
}
