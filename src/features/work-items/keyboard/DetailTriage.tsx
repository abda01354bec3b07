// Keyboard triage of one work item: j/k between its approval items, a/r on the focused one (held, with Undo),
// f forward, e mark complete, n next item, u/Backspace back to the list where it was. The keys press the page's
// own buttons, so a shortcut does exactly what the click does.
import { lazy, Suspense, useEffect, useState } from 'react';
import { undoLatest } from '../hooks/use-held-actions.ts';
import { APPROVAL_ROW, focusedRow, revealElement } from './dom.ts';
import { noteOpened } from '../../../lib/list-position.ts';
import { Announcer, useAnnouncer } from './Announcer.tsx';
import { useShortcuts } from './use-shortcuts.ts';

const ShortcutSheet = lazy(() => import('./ShortcutSheet.tsx'));

function approvalRows(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>(APPROVAL_ROW)];
}

function focusApprovalRow(row: HTMLElement) {
  // rows are not Tab stops (their buttons are); a shortcut focuses the row itself so its whole text is read
  if (!row.hasAttribute('tabindex')) row.tabIndex = -1;
  revealElement(row);
  row.focus({ preventScroll: true });
}

function pageButton(name: string): HTMLButtonElement | undefined {
  return [...document.querySelectorAll<HTMLButtonElement>('[data-slot="work-item-actions"] button')].find(
    (b) => b.textContent?.trim() === name && !b.disabled,
  );
}

function rowText(row: HTMLElement): string {
  return [...row.querySelectorAll('td')]
    .slice(0, 6)
    .map((c) => c.textContent?.trim())
    .filter((t) => t && t !== '—')
    .join(', ');
}

export function DetailTriage({ workItemId }: { workItemId: string }) {
  const [announcement, announce] = useAnnouncer();
  const [sheet, setSheet] = useState(false);
  useEffect(() => noteOpened(workItemId), [workItemId]);

  const current = (): HTMLElement | null =>
    focusedRow(APPROVAL_ROW) ??
    (document.activeElement instanceof HTMLElement ? document.activeElement.closest<HTMLElement>(APPROVAL_ROW) : null);

  const move = (delta: number) => {
    const rows = approvalRows();
    if (rows.length === 0) return announce('This work item has no approval items');
    const at = current();
    const index = at ? rows.indexOf(at) : -1;
    const next = rows[Math.max(0, Math.min(rows.length - 1, index < 0 ? 0 : index + delta))];
    focusApprovalRow(next);
    announce(`Approval item ${rows.indexOf(next) + 1} of ${rows.length}: ${rowText(next)}`);
  };

  const decide = (verb: 'Approve' | 'Reject') => {
    const row = current();
    if (!row) return announce('Move to an approval item first (j or k)');
    const button = row.querySelector<HTMLButtonElement>(`button[aria-label^="${verb} "]`);
    if (!button || button.disabled) return announce('This approval item is already decided');
    const rows = approvalRows();
    const index = rows.indexOf(row);
    button.click();
    announce(`${verb === 'Approve' ? 'Approved' : 'Rejected'} ${rowText(row)}. Undo with z.`);
    // on to the next approval item still waiting (after this one, else before it)
    requestAnimationFrame(() => {
      const all = approvalRows();
      const waiting = (r: HTMLElement) => !!r.querySelector('button[aria-label^="Approve "]:not(:disabled)');
      const next = all.slice(index + 1).find(waiting) ?? all.slice(0, index).reverse().find(waiting);
      if (next) focusApprovalRow(next);
    });
  };

  const press = (name: string, missing: string) => {
    const button = pageButton(name);
    if (button) button.click();
    else announce(missing);
  };

  const back = () => document.querySelector<HTMLAnchorElement>('main a[data-shortcut="back"]')?.click();

  useShortcuts({
    j: () => move(1),
    ArrowDown: () => move(1),
    k: () => move(-1),
    ArrowUp: () => move(-1),
    a: () => decide('Approve'),
    r: () => decide('Reject'),
    f: () => press('Forward', 'This work item cannot be forwarded'),
    e: () => press('Mark complete', 'This work item cannot be marked complete'),
    n: () => press('Next item', 'There is no next item'),
    u: back,
    Backspace: back,
    '/': () => document.querySelector<HTMLInputElement>('main input[type="search"]')?.focus(),
    '?': () => setSheet(true),
    'Shift+?': () => setSheet(true),
    z: () => {
      if (!undoLatest()) announce('Nothing to undo');
    },
  });

  return (
    <>
      <Announcer text={announcement} />
      {sheet && (
        <Suspense fallback={null}>
          <ShortcutSheet onClose={() => setSheet(false)} />
        </Suspense>
      )}
    </>
  );
}
