import { lazy, Suspense, useEffect, useMemo } from 'react';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { ForwardSelectedButton } from '../../forward/components/ForwardSelectedButton.tsx';
import { workItemsQueryOptions } from '../api/list-work-items.ts';
import { BulkResumeAlert } from '../components/BulkResumeAlert.tsx';
import { DecisionButtons } from '../components/DecisionButtons.tsx';
import { SummaryBar } from '../components/SummaryBar.tsx';
import { WorkItemsListPanel } from '../components/WorkItemsListPanel.tsx';
import { useBulkDecisions } from '../hooks/use-bulk-decisions.ts';
import { useListPage } from '../hooks/use-list-page.ts';

// The bulk dialog (and MUI's Dialog) is only needed once someone decides a selection: its own chunk.
const BulkDecisionDialog = lazy(async () => ({
  default: (await import('../components/BulkDecisionDialog.tsx')).BulkDecisionDialog,
}));

export function InboxPage() {
  const list = useListPage(workItemsQueryOptions);
  const { ownerId, params, setParams, query } = list;
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
        {...list}
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
            <DecisionButtons what="selected" disabled={bulk.decidable.length === 0 || running} onDecide={bulk.start} />
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
