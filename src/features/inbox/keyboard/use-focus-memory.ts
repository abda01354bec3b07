// Where the focus is in a list, kept for coming back (any focus inside a row: Tab, a click, a shortcut), with the
// scroll position; the row the user focused or reads at the top is the list's anchor (rows arriving later never
// land above it); and a focused row that leaves the DOM hands the focus back to the same item when it is still
// listed (the virtualiser re-rendering), else to the row now at its index.
import { useEffect, type RefObject } from 'react';
import type { QueueRow } from '../../../lib/queue/row.ts';
import { focusLink, here, indexOf, LIST_ROW, rowAt } from './dom.ts';
import { saveListPosition } from '../../../lib/list-position.ts';

export function useFocusMemory(
  rowsRef: RefObject<readonly QueueRow[]>,
  lastIndex: RefObject<number | undefined>,
  onAnchor: (id: string) => void,
): void {
  useEffect(() => {
    // While the next page loads (a navigation waits for its chunk with the list still on screen), the window's URL
    // is already the next page's: nothing the list does then is kept as that URL's position.
    const listPath = window.location.pathname;
    const onList = () => window.location.pathname === listPath;
    const onFocusIn = (event: FocusEvent) => {
      if (!onList()) return;
      const row = event.target instanceof HTMLElement ? event.target.closest<HTMLElement>(LIST_ROW) : null;
      const index = indexOf(row);
      if (index === undefined) return;
      lastIndex.current = index;
      const id = row?.dataset.rowId;
      if (id) onAnchor(id);
      saveListPosition(here(), { id, index, scrollY: window.scrollY, opened: undefined });
    };
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onScroll = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        if (!onList()) return;
        saveListPosition(here(), { scrollY: window.scrollY });
        // reading without a focused row: the row at the top of the screen is the anchor
        if (document.activeElement?.closest(LIST_ROW)) return;
        const top = document.querySelector('header')?.getBoundingClientRect().bottom ?? 0;
        const first = [...document.querySelectorAll<HTMLElement>(LIST_ROW)].find(
          (r) => r.getBoundingClientRect().top >= top,
        );
        if (first?.dataset.rowId) onAnchor(first.dataset.rowId);
      }, 150);
    };
    // A focused row that leaves the DOM (the virtualiser's chunk replacing the first rows, a decided row dropped
    // from the list) would leave the focus on <body>: it goes to the row now at that index instead.
    const onFocusOut = (event: FocusEvent) => {
      const from = event.target instanceof HTMLElement ? event.target : null;
      const left = from?.closest<HTMLElement>(LIST_ROW) ?? null;
      const index = indexOf(left);
      const id = left?.dataset.rowId;
      if (index === undefined || event.relatedTarget || !onList()) return;
      let frames = 0;
      const check = () => {
        if (from?.isConnected || (document.activeElement && document.activeElement !== document.body)) return;
        const rows = rowsRef.current;
        const at = id ? rows.findIndex((r) => r.id === id) : -1;
        const row = rowAt(LIST_ROW, at >= 0 ? at : Math.min(index, rows.length - 1));
        if (row && (at < 0 || row.dataset.rowId === id)) focusLink(row);
        else if (frames++ < 10) requestAnimationFrame(check);
      };
      requestAnimationFrame(check);
    };
    document.addEventListener('focusin', onFocusIn);
    document.addEventListener('focusout', onFocusOut);
    window.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      clearTimeout(timer);
      document.removeEventListener('focusout', onFocusOut);
      document.removeEventListener('focusin', onFocusIn);
      window.removeEventListener('scroll', onScroll);
    };
  }, [rowsRef, lastIndex, onAnchor]);
}
