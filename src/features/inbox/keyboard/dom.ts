// The keyboard layer works on what is on screen: rows are found by their `data-index`, actions by the buttons and
// links that already carry them (a shortcut presses the same button the mouse would). Nothing here knows the
// components' internals beyond their accessible names.

/** The rows a list's j/k move between: the work-item table's (virtualised: only those rendered). */
export const LIST_ROW = 'main table[data-triage="list"] > tbody > tr[data-index]';
/** The detail page's approval item rows. */
export const APPROVAL_ROW = 'main tr[data-testid="approval-item-row"]';

/** Typing in a field: every key is text there (a checkbox or a button is not a field). */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) {
    return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes(target.type);
  }
  return target.getAttribute('role') === 'combobox' || target.getAttribute('role') === 'textbox';
}

/** A dialog, a menu or a listbox is open: the keys are theirs. */
export function overlayOpen(): boolean {
  return !!document.querySelector(
    '[role="dialog"], [role="alertdialog"], [aria-modal="true"], [role="menu"], [role="listbox"]',
  );
}

export function rowAt(selector: string, index: number): HTMLElement | null {
  return document.querySelector<HTMLElement>(`${selector}[data-index="${index}"]`);
}

/** The row holding the focus, if any. */
export function focusedRow(selector: string): HTMLElement | null {
  const active = document.activeElement;
  if (!(active instanceof HTMLElement)) return null;
  const row = active.closest<HTMLElement>('tr[data-index]');
  return row && row.matches(selector) ? row : null;
}

export function indexOf(row: HTMLElement | null): number | undefined {
  const value = row?.dataset.index;
  return value === undefined ? undefined : Number(value);
}

/** The sticky app bar covers the top of the window: a row scrolled "into view" must clear it. */
function topInset(): number {
  const bar = document.querySelector('header');
  return bar ? Math.max(0, bar.getBoundingClientRect().bottom) : 0;
}

/** Scrolls the least needed to show `el` whole below the app bar. */
export function revealElement(el: HTMLElement, margin = 8) {
  const rect = el.getBoundingClientRect();
  const top = topInset() + margin;
  const bottom = window.innerHeight - margin;
  if (rect.top < top) window.scrollBy(0, rect.top - top);
  else if (rect.bottom > bottom) window.scrollBy(0, Math.min(rect.bottom - bottom, rect.top - top));
}

export const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/**
 * Brings row `index` on screen and hands it to `focus`. A virtualised list renders only the rows near the
 * viewport: a row not rendered yet is scrolled to from the nearest one that is (rows are one fixed height apart,
 * `rowHeight`), then waited for while the virtualiser renders it.
 */
export async function scrollToRow(
  selector: string,
  index: number,
  rowHeight: number,
  focus: (row: HTMLElement) => void,
): Promise<boolean> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const row = rowAt(selector, index);
    if (row) {
      revealElement(row);
      focus(row);
      return true;
    }
    const rendered = [...document.querySelectorAll<HTMLElement>(selector)];
    if (rendered.length === 0) return false;
    const nearest = rendered.reduce((best, r) =>
      Math.abs(Number(r.dataset.index) - index) < Math.abs(Number(best.dataset.index) - index) ? r : best,
    );
    const offset = (index - Number(nearest.dataset.index)) * rowHeight;
    const top = nearest.getBoundingClientRect().top + offset;
    window.scrollBy(0, top - window.innerHeight / 3);
    await nextFrame();
    await nextFrame();
  }
  return false;
}

/** Runs `fn` once no dialog is on screen (a closing dialog keeps the focus trapped until it is gone). */
export function whenNoDialog(fn: () => void, frames = 60) {
  if (frames <= 0 || !document.querySelector('[role="dialog"]')) fn();
  else requestAnimationFrame(() => whenNoDialog(fn, frames - 1));
}

/** This page's path and query: the key a list's position is kept under. */
export const here = () => `${window.location.pathname}${window.location.search}`;

/** Focuses a row's link (the row's own focus target) without scrolling. */
export function focusLink(row: HTMLElement) {
  row.querySelector<HTMLElement>('a[href]')?.focus({ preventScroll: true });
}
