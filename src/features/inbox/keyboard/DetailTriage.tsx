// Keyboard triage of one item's page, every kind alike: j/k between its sub-items (for a kind that has them), the
// kind's action keys (on the focused sub-item, else the page's own button: the key presses exactly what the click
// would; a key that cannot act says why), n next item, u/Backspace back to the list where it was, / search, z undo.
import { useState } from 'react';
import type { InboxKind } from '../../../lib/kinds/kind.ts';
import type { QueueRow } from '../../../lib/queue/row.ts';
import { undoLatest } from '../decisions/use-act.tsx';
import { Announcer, useAnnouncer } from './Announcer.tsx';
import { focusedRow, revealElement } from './dom.ts';
import { keyRefusal } from './key-words.ts';
import { ShortcutSheetButton } from './ShortcutSheetButton.tsx';
import { useShortcuts } from './use-shortcuts.ts';

/** The page's sub-item rows (a work item's approval items). */
export const PART_ROW = 'main tr[data-part-row]';

function partRows(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>(PART_ROW)];
}

function focusPartRow(row: HTMLElement) {
  // rows are not Tab stops (their buttons are); a shortcut focuses the row itself so its whole text is read
  if (!row.hasAttribute('tabindex')) row.tabIndex = -1;
  revealElement(row);
  row.focus({ preventScroll: true });
}

function rowText(row: HTMLElement): string {
  return [...row.querySelectorAll('td')]
    .slice(0, 6)
    .map((c) => c.textContent?.trim())
    .filter((t) => t && t !== '—')
    .join(', ');
}

const enabled = (selector: string, root: ParentNode = document) =>
  [...root.querySelectorAll<HTMLButtonElement>(selector)].find((b) => !b.disabled);

export function DetailTriage({ kinds, kind, row }: { kinds: readonly InboxKind[]; kind: InboxKind; row?: QueueRow }) {
  const [announcement, announce] = useAnnouncer();
  const [sheet, setSheet] = useState(false);
  const parts = kind.partNouns;

  const current = (): HTMLElement | null =>
    focusedRow(PART_ROW) ??
    (document.activeElement instanceof HTMLElement ? document.activeElement.closest<HTMLElement>(PART_ROW) : null);

  const move = (delta: number) => {
    if (!parts) return announce(`${kind.nouns.one}: nothing to move between here`);
    const rows = partRows();
    if (rows.length === 0) return announce(`This ${kind.nouns.one} has no ${parts.many}`);
    const at = current();
    const index = at ? rows.indexOf(at) : -1;
    const next = rows[Math.max(0, Math.min(rows.length - 1, index < 0 ? 0 : index + delta))];
    focusPartRow(next);
    announce(`${parts.one} ${rows.indexOf(next) + 1} of ${rows.length}: ${rowText(next)}`);
  };

  const byKey = (key: string) => {
    const action = kind.actions.find((a) => a.key === key);
    const part = current();
    if (action && part) {
      const button = enabled(`[data-part-action="${action.name}"]`, part);
      if (!button) return announce(`This ${parts?.one ?? 'item'} is decided already`);
      const rows = partRows();
      const index = rows.indexOf(part);
      button.click();
      announce(`${action.done} ${rowText(part)}. Undo with z.`);
      // on to the next sub-item still waiting (after this one, else before it)
      requestAnimationFrame(() => {
        const all = partRows();
        const waiting = (r: HTMLElement) => !!enabled('[data-part-action]', r);
        const next = all.slice(index + 1).find(waiting) ?? all.slice(0, index).reverse().find(waiting);
        if (next) focusPartRow(next);
      });
      return;
    }
    const button = action && enabled(`main [data-action="${action.name}"]`);
    if (button) {
      button.click();
      return;
    }
    const refusal = row ? keyRefusal(kinds, key, row, kind, action, true) : undefined;
    announce(
      refusal ??
        `This ${kind.nouns.one} cannot be ${action ? action.done.toLowerCase() : 'acted on with this key'} now`,
    );
  };

  const back = () => document.querySelector<HTMLAnchorElement>('main a[data-shortcut="back"]')?.click();
  const map: Record<string, () => void> = {
    j: () => move(1),
    ArrowDown: () => move(1),
    k: () => move(-1),
    ArrowUp: () => move(-1),
    n: () => {
      const next = enabled('main [data-action="next"]');
      if (next) next.click();
      else announce('There is no next item in the list you came from');
    },
    u: back,
    Backspace: back,
    '/': () => {
      const box = document.querySelector<HTMLInputElement>('main input[type="search"]');
      if (box) box.focus();
      else announce(`This ${kind.nouns.one}'s page has nothing to search`);
    },
    '?': () => setSheet(true),
    'Shift+?': () => setSheet(true),
    z: () => {
      if (!undoLatest()) announce('Nothing to undo');
    },
  };
  for (const key of new Set(kinds.flatMap((k) => k.actions.map((a) => a.key)))) map[key] = () => byKey(key);
  useShortcuts(map);

  return (
    <>
      <Announcer text={announcement} />
      <ShortcutSheetButton open={sheet} onClose={() => setSheet(false)} />
    </>
  );
}
