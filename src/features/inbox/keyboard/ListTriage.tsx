// Keyboard triage of a list (inbox or completed), every kind alike: a focus row moved with j/k, select, open, the
// kinds' actions by their keys (a key that cannot act on the focused row says why instead of calling anything),
// rows expanded in place to decide there, the position kept for coming back, and a live region telling a screen
// reader what changed. The dialogs and the expansions are lazy chunks.
import { Suspense, useEffect, useMemo, useRef, useState, type ComponentType, type ReactNode } from 'react';
import Box from '@mui/material/Box';
import type { HandoverDialogProps } from '../../../lib/kinds/kind.ts';
import { readListPosition } from '../../../lib/list-position.ts';
import type { QueueRow } from '../../../lib/queue/row.ts';
import { undoLatest, useAct, usePreloadOnInteraction } from '../decisions/use-act.tsx';
import { useHandover } from '../decisions/use-handover.tsx';
import type { QueueList } from '../list/use-queue-list.ts';
import { Announcer, useAnnouncer } from './Announcer.tsx';
import { focusedRow, focusLink, here, LIST_ROW, rowAt, whenNoDialog } from './dom.ts';
import { keyRefusal } from './key-words.ts';
import { rowPanelOf } from './row-panels.ts';
import { ShortcutSheetButton } from './ShortcutSheetButton.tsx';
import { EXPANSION_HEIGHT, RowExpansionContext, type RowExpansion } from './triage-context.ts';
import { useRowFocus } from './use-row-focus.ts';
import { useSearchBoxKeys } from './use-search-box-keys.ts';
import { useShortcuts } from './use-shortcuts.ts';

/** The row after the one at `index` (or before it, at the end): where the focus goes when that row leaves. */
function neighbourOf(rows: readonly QueueRow[], index: number): string | undefined {
  return rows[index + 1]?.id ?? rows[index - 1]?.id;
}

export function ListTriage({
  list,
  children,
  HandoverDialog,
  loadHandoverDialog,
}: {
  list: QueueList;
  children: ReactNode;
  HandoverDialog?: ComponentType<HandoverDialogProps>;
  loadHandoverDialog?: () => void;
}) {
  const rows = list.visible;
  const { kinds } = list;
  const pending = list.variant === 'pending';
  const [announcement, announce] = useAnnouncer();
  const [expandedId, setExpandedId] = useState<string | null>(null);
  const [sheet, setSheet] = useState(false);
  const { lastIndex, describe, focusIndex, current, currentRow, focusRowById, focusAfter } = useRowFocus(rows, {
    pending,
    announce,
    onAnchor: list.setAnchor,
  });
  const handover = useHandover(HandoverDialog, {
    onClosed: ({ results, owner }, { action, targets }) => {
      const row = targets[0];
      if (owner && results.some((r) => r.ok)) {
        announce(`${action.done} ${row.name} to ${owner.name}`);
        void focusAfter(row.id, (row as { next?: string }).next);
      } else void focusRowById(row.id);
    },
  });
  const { act, dialog } = useAct(({ action, kind, targets }) => {
    loadHandoverDialog?.();
    handover.open({ action, targets: targets.map((t) => ({ ...t, kind: kind.name })) });
  });
  useSearchBoxKeys(() => void focusIndex(lastIndex.current ?? 0));
  usePreloadOnInteraction();

  // Coming back (browser Back, "← Back to the inbox", after "Next item"): the scroll position and the focused row.
  // It waits until the rows it needs are loaded (the list streams in).
  const restored = useRef(false);
  const complete = !!list.data && !list.loading;
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

  /** The focused row's kind's action on this key, the one way every place acts (use-act.tsx). */
  const actByKey = (key: string) => {
    const at = currentRow();
    if (!at) return announce('Move to a row first (j or k)');
    const { row, index } = at;
    const kind = kinds.find((k) => k.name === row.kind);
    const action = kind?.actions.find((a) => a.key === key);
    const refusal = keyRefusal(kinds, key, row, kind, action, pending);
    if (refusal || !action) return announce(refusal ?? `Nothing to do with ${key}`);
    const next = neighbourOf(rows, index);
    act(
      action,
      { id: row.id, name: row.name, ownerId: list.ownerId, subItemIds: list.partial.get(row.id), row },
      {},
      {
        onShown: () => {
          announce(`${action.done} ${row.name}. Undo with z.`);
          whenNoDialog(() => void focusAfter(row.id, next));
        },
        onCancelled: () => void focusRowById(row.id),
      },
    );
  };

  const keys = [...new Set(kinds.flatMap((k) => k.actions.map((a) => a.key)))];
  const map: Record<string, (event: KeyboardEvent) => void | boolean> = {
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
      if (!at || !box || box.disabled)
        return announce(at ? 'Rows are selected in the inbox only' : 'Move to a row first');
      box.click();
      announce(`${box.checked ? 'Selected' : 'Unselected'} ${at.row.name}`);
    },
    ArrowRight: () => {
      const at = currentRow();
      if (!at || !pending || at.row.id === expandedId) return;
      if (!rowPanelOf(kinds.find((k) => k.name === at.row.kind))) {
        return announce(`${at.row.name} cannot be shown here: open it with Enter`);
      }
      setExpandedId(at.row.id);
      announce(`Showing ${at.row.name} here`);
    },
    ArrowLeft: () => {
      if (!expandedId) return;
      setExpandedId(null);
      announce('Hidden');
    },
    '/': () => document.querySelector<HTMLInputElement>('main input[type="search"]')?.focus(),
    '?': () => setSheet(true),
    'Shift+?': () => setSheet(true),
    z: () => {
      if (!undoLatest()) announce('Nothing to undo');
    },
  };
  for (const key of keys) map[key] = () => actByKey(key);
  useShortcuts(map);

  const expansion = useMemo<RowExpansion | null>(
    () =>
      pending
        ? {
            expandedId,
            toggle: (id) => setExpandedId((open) => (open === id ? null : id)),
            render: (row, columns) => {
              const kind = kinds.find((k) => k.name === row.kind);
              const Panel = rowPanelOf(kind);
              // where the focus goes once its last item is decided and it leaves
              const next = neighbourOf(
                rows,
                rows.findIndex((r) => r.id === row.id),
              );
              return (
                <tr className="triage-expansion" data-testid="row-expansion">
                  <td colSpan={columns} style={{ height: EXPANSION_HEIGHT, padding: 0, verticalAlign: 'top' }}>
                    <Box
                      role="region"
                      aria-label={`${row.name}, here`}
                      sx={{
                        height: EXPANSION_HEIGHT,
                        overflowY: 'auto',
                        px: 2,
                        py: 1.5,
                        bgcolor: 'background.default',
                        boxSizing: 'border-box',
                      }}
                    >
                      {Panel && kind ? (
                        <Suspense fallback={null}>
                          <Panel
                            row={row}
                            ownerId={list.ownerId}
                            kind={kind}
                            act={act}
                            matched={list.partial.get(row.id)}
                            onDone={() => {
                              setExpandedId(null);
                              void focusAfter(row.id, next);
                            }}
                          />
                        </Suspense>
                      ) : (
                        `${row.name} cannot be shown here: open it.`
                      )}
                    </Box>
                  </td>
                </tr>
              );
            },
          }
        : null,
    [pending, expandedId, kinds, rows, list.ownerId, list.partial, act, focusAfter],
  );

  return (
    <RowExpansionContext.Provider value={expansion}>
      {children}
      <Announcer text={announcement} />
      {dialog}
      {handover.dialog}
      <ShortcutSheetButton open={sheet} onClose={() => setSheet(false)} />
    </RowExpansionContext.Provider>
  );
}
