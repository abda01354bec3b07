// Keyboard triage of a list (inbox or completed): a focus row moved with j/k, select, open, decide, forward and
// complete without the mouse, rows expanded in place to decide there, the position kept for coming back, and a
// live region telling a screen reader what changed. The dialogs and the expansion are lazy chunks.
import { lazy, Suspense, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useNotify } from '../../../components/notify.tsx';
import { flushHeld } from '../../../lib/held.ts';
import { plural } from '../../../lib/plural.ts';
import type { QueueRow } from '../../../lib/queue/row.ts';
import { useApproveApprovalItemsInBulk } from '../api/approve-approval-items-in-bulk.ts';
import { dropFromPendingQueues, invalidateOwner } from '../api/cache.ts';
import { useRejectApprovalItemsInBulk } from '../api/reject-approval-items-in-bulk.ts';
import { LazyForwardDialog, loadForwardDialog } from '../../forward/components/load-forward-dialog.ts';
import type { QueueList } from '../hooks/use-queue-list.ts';
import { undoLatest, useHeldActions } from '../hooks/use-held-actions.ts';
import { decisionDone, decisionVerb, type Decision } from '../rules.ts';
import { focusedRow, focusLink, here, LIST_ROW, rowAt, whenNoDialog } from './dom.ts';
import { useRowFocus } from './use-row-focus.ts';
import { readListPosition } from '../../../lib/list-position.ts';
import { EXPANSION_HEIGHT, RowExpansionContext, type RowExpansion } from './triage-context.ts';
import { Announcer, useAnnouncer } from './Announcer.tsx';
import { useShortcuts } from './use-shortcuts.ts';

const ShortcutSheet = lazy(() => import('./ShortcutSheet.tsx'));
const ListDecisionDialog = lazy(() => import('./ListDecisionDialog.tsx'));
const RowPanel = lazy(() => import('./RowPanel.tsx'));

type ForwardClose = Parameters<Parameters<typeof LazyForwardDialog>[0]['onClose']>[0];

export function ListTriage({ list, children }: { list: QueueList; children: ReactNode }) {
  const rows = list.visible;
  const pending = list.variant === 'pending';
  const notify = useNotify();
  const queryClient = useQueryClient();
  const held = useHeldActions();
  const approveAll = useApproveApprovalItemsInBulk().mutateAsync;
  const rejectAll = useRejectApprovalItemsInBulk().mutateAsync;
  const [announcement, announce] = useAnnouncer();
  const [expandedId, setExpandedId] = useState<string | null>(null);
  const [confirm, setConfirm] = useState<{ decision: Decision; row: QueueRow } | null>(null);
  const [forward, setForward] = useState<QueueRow | null>(null);
  const [sheet, setSheet] = useState(false);
  const { lastIndex, describe, focusIndex, current, currentRow, focusRowById, focusNextAfter } = useRowFocus(rows, {
    pending,
    announce,
  });

  // Coming back (browser Back, "← Back to the inbox", after "Next item"): the scroll position and the focused row.
  // It waits until the rows it needs are loaded (the list streams in).
  const restored = useRef(false);
  const complete = !!list.data?.complete;
  useEffect(() => {
    if (restored.current || rows.length === 0) return;
    const position = readListPosition(here());
    if (!position) {
      restored.current = true;
      return;
    }
    const wanted = position.opened ?? position.id;
    let index = wanted ? rows.findIndex((r) => r.id === wanted) : -1;
    if (index < 0 && position.opened && position.id) index = rows.findIndex((r) => r.id === position.id);
    if (index < 0 && !complete && rows.length <= position.index) return;
    restored.current = true;
    if (index < 0) index = Math.min(position.index, rows.length - 1);
    window.scrollTo(0, position.scrollY);
    const target = index;
    requestAnimationFrame(() => {
      const row = rowAt(LIST_ROW, target);
      const rect = row?.getBoundingClientRect();
      if (row && rect && rect.top >= 0 && rect.bottom <= window.innerHeight) {
        lastIndex.current = target;
        focusLink(row);
      } else {
        void focusIndex(target, false);
      }
      announce(`Back at ${describe(target).replace(/^Row/, 'row')}`);
    });
  }, [rows, complete, focusIndex, announce, describe, lastIndex]);

  useEffect(() => {
    if ('scrollRestoration' in history) history.scrollRestoration = 'manual';
  }, []);

  const decideAll = (decision: Decision) => {
    const at = currentRow();
    if (!at) return announce('Move to a row first (j or k)');
    if (!pending || !at.row.actions.decide || at.row.pendingCount === 0) {
      return announce(`Nothing to ${decisionVerb(decision).toLowerCase()} in ${at.row.name}`);
    }
    setConfirm({ decision, row: at.row });
  };

  const confirmed = (decision: Decision, row: QueueRow) => {
    setConfirm(null);
    flushHeld();
    whenNoDialog(() => void focusNextAfter(row.id, () => dropFromPendingQueues(queryClient, [row.id])));
    const what = `${plural(row.pendingCount, 'approval item')} of “${row.name}”`;
    announce(`${decisionDone(decision)} ${what}`);
    (decision === 'approve' ? approveAll : rejectAll)({ workItemId: row.id }).then(
      () => notify(`${decisionDone(decision)} ${what}`),
      (error: unknown) => {
        void invalidateOwner(queryClient, row.ownerId);
        const message = error instanceof Error ? error.message : String(error);
        notify(`${decisionVerb(decision)} all of “${row.name}” failed: ${message}`, 'error');
        announce(`${decisionVerb(decision)} all of ${row.name} failed`);
      },
    );
  };

  const markComplete = () => {
    const at = currentRow();
    if (!at) return announce('Move to a row first (j or k)');
    if (!pending || !at.row.actions.complete) return announce(`${at.row.name} cannot be marked complete here`);
    const { row } = at;
    void focusNextAfter(row.id, () => dropFromPendingQueues(queryClient, [row.id]));
    // taken out of the list at once; Undo (or a refused request) brings it back
    const back = () => void invalidateOwner(queryClient, row.ownerId);
    held.markComplete(row.id, row.name || row.id, back).sent.catch((error: unknown) => {
      back();
      notify(`Mark complete failed: ${error instanceof Error ? error.message : String(error)}`, 'error');
    });
    announce(`Marked ${row.name} complete. Undo with z.`);
  };

  const map = {
    j: () => void focusIndex((current() ?? -1) + 1),
    ArrowDown: () => void focusIndex((current() ?? -1) + 1),
    k: () => void focusIndex((current() ?? 1) - 1),
    ArrowUp: () => void focusIndex((current() ?? 1) - 1),
    Enter: (event: KeyboardEvent) => {
      // a focused link or button does its own Enter
      const target = event.target;
      if (target instanceof HTMLAnchorElement || target instanceof HTMLButtonElement) return false;
      focusedRow(LIST_ROW)?.querySelector<HTMLElement>('a[href]')?.click();
    },
    o: () => focusedRow(LIST_ROW)?.querySelector<HTMLElement>('a[href]')?.click(),
    x: () => {
      const at = currentRow();
      const box = focusedRow(LIST_ROW)?.querySelector<HTMLInputElement>('input[type="checkbox"]');
      if (!at || !box || box.disabled) return;
      box.click();
      announce(`${box.checked ? 'Selected' : 'Unselected'} ${at.row.name}`);
    },
    ArrowRight: () => {
      const at = currentRow();
      if (!at || !pending || at.row.id === expandedId) return;
      setExpandedId(at.row.id);
      announce(`Showing the items of ${at.row.name}`);
    },
    ArrowLeft: () => {
      if (!expandedId) return;
      setExpandedId(null);
      announce('Items hidden');
    },
    a: () => decideAll('approve'),
    r: () => decideAll('reject'),
    e: markComplete,
    f: () => {
      const at = currentRow();
      if (!at) return announce('Move to a row first (j or k)');
      if (!pending || !at.row.actions.forward) return announce(`${at.row.name} cannot be forwarded`);
      void loadForwardDialog();
      setForward(at.row);
    },
    '/': () => document.querySelector<HTMLInputElement>('main input[type="search"]')?.focus(),
    '?': () => setSheet(true),
    'Shift+?': () => setSheet(true),
    z: () => {
      if (!undoLatest()) announce('Nothing to undo');
    },
  };
  useShortcuts(map);

  const onForwardClosed = ({ results, target }: ForwardClose) => {
    const row = forward;
    setForward(null);
    if (row && target && results.some((r) => r.ok)) {
      notify(`Forwarded to ${target.name || target.id}`);
      announce(`Forwarded ${row.name} to ${target.name || target.id}`);
      void focusNextAfter(row.id);
    } else if (row) {
      void focusRowById(row.id);
    }
  };

  const expansion = useMemo<RowExpansion | null>(
    () =>
      pending
        ? {
            expandedId,
            toggle: (id) => setExpandedId((open) => (open === id ? null : id)),
            render: (row, columns) => (
              <tr className="triage-expansion" data-testid="row-expansion">
                <td colSpan={columns} style={{ height: EXPANSION_HEIGHT, padding: 0, verticalAlign: 'top' }}>
                  <Suspense fallback={null}>
                    <RowPanel
                      row={row}
                      height={EXPANSION_HEIGHT}
                      announce={announce}
                      onDone={() => {
                        setExpandedId(null);
                        void focusNextAfter(row.id);
                      }}
                    />
                  </Suspense>
                </td>
              </tr>
            ),
          }
        : null,
    [pending, expandedId, announce, focusNextAfter],
  );

  return (
    <RowExpansionContext.Provider value={expansion}>
      {children}
      <Announcer text={announcement} />
      {confirm && (
        <Suspense fallback={null}>
          <ListDecisionDialog
            decision={confirm.decision}
            row={confirm.row}
            onCancel={() => {
              const id = confirm.row.id;
              setConfirm(null);
              void focusRowById(id);
            }}
            onConfirm={() => confirmed(confirm.decision, confirm.row)}
          />
        </Suspense>
      )}
      {forward && (
        <Suspense fallback={null}>
          <LazyForwardDialog items={[forward]} mode="one" onClose={onForwardClosed} />
        </Suspense>
      )}
      {sheet && (
        <Suspense fallback={null}>
          <ShortcutSheet onClose={() => setSheet(false)} />
        </Suspense>
      )}
    </RowExpansionContext.Provider>
  );
}
