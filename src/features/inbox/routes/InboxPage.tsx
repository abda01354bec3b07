import { lazy, Suspense, useMemo, type ComponentType } from 'react';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { DecisionButtons } from '../../../components/DecisionButtons.tsx';
import { PhoneHidden } from '../../../components/PhoneHidden.tsx';
import { useNotify } from '../../../components/notify.tsx';
import type { HandoverDialogProps } from '../../../lib/kinds/kind.ts';
import { count, itemNouns } from '../../../lib/kinds/words.ts';
import { dueWithin, oldestRow } from '../../../lib/queue/query-index.ts';
import { SummaryBar } from '../counts/SummaryBar.tsx';
import { useHandover } from '../decisions/use-handover.tsx';
import { ListTriage } from '../keyboard/ListTriage.tsx';
import { ListPanel } from '../list/ListPanel.tsx';
import { useIncoming } from '../delegations/use-incoming.ts';
import { useQueueList } from '../list/use-queue-list.ts';
import { SelectionBar } from '../selection/SelectionBar.tsx';
import { useBulkDecisions } from '../selection/use-bulk-decisions.ts';

// The bulk dialog (and MUI's Dialog) is only needed once someone acts on a selection: its own chunk.
const BulkDecisionDialog = lazy(async () => ({
  default: (await import('../selection/BulkDecisionDialog.tsx')).BulkDecisionDialog,
}));
const loadBulkDialog = () => void import('../selection/BulkDecisionDialog.tsx');
// shown only after a run the session cut short
// Only when someone's work comes to this inbox (its own chunk).
const IncomingDelegationsNotice = lazy(() => import('../delegations/DelegationNotices.tsx'));
const BulkResumeAlert = lazy(async () => ({
  default: (await import('../selection/BulkResumeAlert.tsx')).BulkResumeAlert,
}));

/**
 * The inbox: every registered kind's pending items as one list. `HandoverDialog` is the forward dialog the app
 * gives it (the forward feature's), `loadHandoverDialog` fetches its chunk ahead.
 */
export function InboxPage({
  HandoverDialog,
  loadHandoverDialog,
}: {
  HandoverDialog?: ComponentType<HandoverDialogProps>;
  loadHandoverDialog?: () => void;
}) {
  const list = useQueueList('pending');
  const { ownerId, kinds } = list;
  const notify = useNotify();
  const incoming = useIncoming(ownerId);
  const bulk = useBulkDecisions(ownerId, list.rows);
  const { selection } = bulk;
  const running = bulk.bulk !== null;
  const tableSelection = useMemo(
    () => ({ ...selection, failures: bulk.failures, disabled: running }),
    [selection, bulk.failures, running],
  );
  const handover = useHandover(HandoverDialog, {
    onItemDone: bulk.onItemDone,
    onClosed: ({ results, owner }, { action, targets }) => {
      const ok = results.filter((r) => r.ok).length;
      const used = kinds.filter((k) => targets.some((t) => t.kind === k.name));
      if (ok > 0 && owner) notify(`${action.done} ${count(ok, itemNouns(used))} to ${owner.name}`);
    },
  });
  const decisions = bulk.actions.filter((a) => a.action.type === 'decision');
  const handovers = bulk.actions.filter((a) => a.action.type === 'handover');

  return (
    <>
      <Typography variant="h4" component="h1" sx={{ mb: 2 }}>
        Inbox
      </Typography>
      <SummaryBar
        ownerId={ownerId}
        oldest={!list.data || list.loading ? undefined : list.serverOrder ? null : oldestRow(list.rows)}
        dueSoon={
          !list.kinds.some((k) => k.dueDates)
            ? null
            : list.data && !list.loading
              ? dueWithin(list.rows, 7, list.now)
              : undefined
        }
        now={list.now}
      />
      {incoming.length > 0 && (
        <Suspense fallback={null}>
          <IncomingDelegationsNotice ownerId={ownerId} />
        </Suspense>
      )}
      {bulk.resumable && !running && (
        <Suspense fallback={null}>
          <BulkResumeAlert resume={bulk.resumable} onResume={bulk.resume} onDismiss={bulk.dismissResume} />
        </Suspense>
      )}
      <ListTriage list={list} HandoverDialog={HandoverDialog} loadHandoverDialog={loadHandoverDialog}>
        <ListPanel
          list={list}
          caption="Pending items"
          empty={{
            title: ownerId ? 'Nothing pending' : 'Your inbox is empty',
            text: 'Nothing is waiting for a decision. New requests show up here as they arrive.',
          }}
          selection={tableSelection}
          actions={
            <SelectionBar matching={list.visible} partial={list.partial} selection={tableSelection}>
              <span onPointerEnter={loadBulkDialog} onFocus={loadBulkDialog} style={{ display: 'contents' }}>
                <DecisionButtons
                  what="selected"
                  buttons={decisions.map(({ action, rows }) => ({
                    name: action.name,
                    label: action.label,
                    tone: action.tone,
                    sentence: action.sentence,
                    disabled: rows.length === 0,
                  }))}
                  disabled={running}
                  onDecide={bulk.start}
                />
              </span>
              {handovers.map((entry) => (
                <Button
                  key={entry.action.name}
                  variant="outlined"
                  disabled={running || entry.rows.length === 0}
                  onPointerEnter={loadHandoverDialog}
                  onFocus={loadHandoverDialog}
                  onClick={() => {
                    const targets = bulk.targetsOf(entry);
                    const left = selection.selected.size - targets.length;
                    handover.open({
                      action: entry.action,
                      targets,
                      skipped:
                        left > 0
                          ? `${count(left, { one: 'selected item is', many: 'selected items are' })} left out (${entry.action.label.toLowerCase()} does not apply to ${left === 1 ? 'it' : 'them'}).`
                          : undefined,
                    });
                  }}
                >
                  <span>
                    {entry.action.label}
                    <PhoneHidden> selected</PhoneHidden>
                  </span>
                </Button>
              ))}
            </SelectionBar>
          }
        />
      </ListTriage>
      {bulk.bulk && (
        <Suspense fallback={null}>
          <BulkDecisionDialog
            action={bulk.bulk.action}
            targets={bulk.bulk.targets}
            skipped={bulk.bulk.skipped}
            onItemDone={bulk.onItemDone}
            onClose={bulk.onBulkClose}
            autoStart={bulk.bulk.autoStart}
            resume={{ key: bulk.resumeKey, identityId: bulk.identityId }}
          />
        </Suspense>
      )}
      {handover.dialog}
    </>
  );
}
