// Which row of a list has the keyboard's focus, and moving it: by index for j/k (the rows on screen), by item id
// after an action (a decided row leaves the list and the indexes shift under it). Also keeps the position for
// coming back (use-focus-memory.ts).
import { useCallback, useLayoutEffect, useRef } from 'react';
import { useKinds } from '../../../lib/kinds/context.ts';
import { count } from '../../../lib/kinds/words.ts';
import type { QueueRow } from '../../../lib/queue/row.ts';
import { ROW_HEIGHT } from '../list/QueueTable.tsx';
import { focusedRow, focusLink, indexOf, LIST_ROW, nextFrame, revealElement, rowAt, scrollToRow } from './dom.ts';
import { useFocusMemory } from './use-focus-memory.ts';

export function useRowFocus(
  rows: readonly QueueRow[],
  {
    pending,
    announce,
    onAnchor,
  }: {
    pending: boolean;
    announce: (text: string) => void;
    /** The row the user reads or focused (rows arriving later never land above it). */
    onAnchor: (id: string) => void;
  },
) {
  const lastIndex = useRef<number | undefined>(undefined);
  const rowsRef = useRef(rows);
  // Before the browser's next event: a key pressed right after a render must not read the rows before it.
  useLayoutEffect(() => {
    rowsRef.current = rows;
  });

  const kinds = useKinds();
  const describe = useCallback(
    (index: number) => {
      const row = rowsRef.current[index];
      if (!row) return '';
      const kind = kinds.find((k) => k.name === row.kind);
      const parts = kind?.partNouns;
      const what =
        pending && parts && row.pendingCount
          ? `, ${count(row.pendingCount, { one: `pending ${parts.one}`, many: `pending ${parts.many}` })}`
          : '';
      return `Row ${index + 1} of ${rowsRef.current.length}: ${kind ? `${kind.nouns.one}, ` : ''}${row.name}${what}`;
    },
    [pending, kinds],
  );

  // Where a move is going while it scrolls (a few frames): the next key moves on from there, so `j j` typed fast
  // lands on the second row, not twice on the first.
  const moving = useRef<number | undefined>(undefined);
  const focusIndex = useCallback(
    async (index: number, say = true) => {
      // a search just cleared (Escape in the box) is filtered a render later: wait a few frames for its rows
      for (let frame = 0; rowsRef.current.length === 0 && frame < 20; frame++) await nextFrame();
      const count = rowsRef.current.length;
      if (count === 0) return;
      const target = Math.max(0, Math.min(count - 1, index));
      moving.current = target;
      const ok = await scrollToRow(LIST_ROW, target, ROW_HEIGHT, focusLink);
      if (moving.current === target) moving.current = undefined;
      if (ok && say) announce(describe(target));
    },
    [announce, describe],
  );

  const current = (): number | undefined => moving.current ?? indexOf(focusedRow(LIST_ROW)) ?? lastIndex.current;
  /** The focused row's item: by the row's id, so the action is on the item the user sees focused. */
  const currentRow = (): { row: QueueRow; index: number } | undefined => {
    const id = focusedRow(LIST_ROW)?.dataset.rowId;
    const index = id === undefined ? -1 : rowsRef.current.findIndex((r) => r.id === id);
    return index < 0 ? undefined : { row: rowsRef.current[index], index };
  };

  /**
   * Focuses the row of item `id`. By id, not by index: while a decided row leaves the list the indexes shift, and the
   * rendered rows and `rowsRef` catch up a frame apart, so an index can name the decided row itself.
   */
  const focusRowById = useCallback(async (id: string) => {
    for (let frame = 0; frame < 30; frame++) {
      const index = rowsRef.current.findIndex((r) => r.id === id);
      if (index < 0) return;
      const element = rowAt(LIST_ROW, index);
      if (element?.dataset.rowId === id) {
        revealElement(element);
        lastIndex.current = index;
        focusLink(element);
        return;
      }
      // not rendered yet (a virtualised list): scrolled to; or the rows are a render behind: the next frame
      if (!element) await scrollToRow(LIST_ROW, index, ROW_HEIGHT, () => {});
      else await nextFrame();
    }
  }, []);

  /**
   * After an action on row `id`: the focus stays on it while it is listed (one of its sub-items was decided), else
   * goes to `next` (the row that followed it when the action began), else to the row now at its place.
   */
  const focusAfter = useCallback(
    async (id: string, next?: string) => {
      // the action's change to the list (the row taken out) renders first
      await nextFrame();
      const rows = rowsRef.current;
      if (rows.some((r) => r.id === id)) return focusRowById(id);
      if (next && rows.some((r) => r.id === next)) return focusRowById(next);
      const index = Math.min(lastIndex.current ?? 0, rows.length - 1);
      if (index >= 0) await focusRowById(rows[index].id);
    },
    [focusRowById],
  );

  useFocusMemory(rowsRef, lastIndex, onAnchor);
  return { lastIndex, describe, focusIndex, current, currentRow, focusRowById, focusAfter };
}
