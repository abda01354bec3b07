import { lazy, Suspense, useMemo } from 'react';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { PhoneHidden } from '../../../components/PhoneHidden.tsx';
import { ForwardSelectedButton } from '../../forward/components/ForwardSelectedButton.tsx';
import { oldestRow } from '../../../lib/queue/query-index.ts';
import { BulkResumeAlert } from '../components/BulkResumeAlert.tsx';
import { DecisionButtons } from '../components/DecisionButtons.tsx';
import { SelectionBar } from '../components/SelectionBar.tsx';
import { SummaryBar } from '../components/SummaryBar.tsx';
import { WorkItemsListPanel } from '../components/WorkItemsListPanel.tsx';
import { useBulkDecisions } from '../hooks/use-bulk-decisions.ts';
import { useQueueList } from '../hooks/use-queue-list.ts';
import { ListTriage } from '../keyboard/ListTriage.tsx';

// The bulk dialog (and MUI's Dialog) is only needed once someone acts on a selection: its own chunk.
const BulkDecisionDialog = lazy(async () => ({
  default: (await import('../components/BulkDecisionDialog.tsx')).BulkDecisionDialog,
}));
const loadBulkDialog = () => void import('../components/BulkDecisionDialog.tsx');

export function InboxPage() {
  const list = useQueueList('pending');
  const { ownerId } = list;
  const bulk = useBulkDecisions(ownerId, list.rows);
  const { selection } = bulk;
  const running = bulk.bulk !== null;
  const tableSelection = useMemo(
    () => ({ ...selection, failures: bulk.failures, disabled: running }),
    [selection, bulk.failures, running],
  );

  return (
    <>
      <Typography variant="h4" component="h1" sx={{ mb: 2 }}>
        Inbox
      </Typography>
      <SummaryBar
        ownerId={ownerId}
        oldest={!list.data?.complete ? undefined : list.serverOrder ? null : oldestRow(list.rows)}
        now={list.now}
      />
      {bulk.resumable && !running && (
        <BulkResumeAlert resume={bulk.resumable} onResume={bulk.resume} onDismiss={bulk.dismissResume} />
      )}
      <ListTriage list={list}>
        <WorkItemsListPanel
          list={list}
          caption="Pending work items"
          empty={{
            title: ownerId ? 'No pending work items' : 'Your inbox is empty',
            text: 'Nothing is waiting for a decision. New requests show up here as they arrive.',
          }}
          selection={tableSelection}
          actions={
            <SelectionBar matching={list.visible} selection={tableSelection}>
              <span onPointerEnter={loadBulkDialog} onFocus={loadBulkDialog} style={{ display: 'contents' }}>
                <DecisionButtons
                  what="selected"
                  disabled={bulk.decidable.length === 0 || running}
                  onDecide={bulk.start}
                />
                <Button
                  variant="outlined"
                  disabled={bulk.completable.length === 0 || running}
                  onClick={() => bulk.start('complete')}
                >
                  <span>
                    Mark<PhoneHidden> selected</PhoneHidden> complete
                  </span>
                </Button>
              </span>
              <ForwardSelectedButton
                items={bulk.forwardable}
                selectedCount={selection.selected.size}
                disabled={running}
                onItemDone={bulk.onItemDone}
              />
            </SelectionBar>
          }
        />
      </ListTriage>
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
