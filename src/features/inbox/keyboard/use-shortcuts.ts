import { useLayoutEffect, useRef } from 'react';
import { tinykeys } from 'tinykeys';
import { isTyping, overlayOpen } from './dom.ts';

/** Opens Away (out-of-office delegation) from any page: Shift+A, since a plain `a` approves in the lists. */
export const AWAY_SHORTCUT = 'Shift+A';

/** A handler returning false leaves the key to the browser (a focused link's own Enter). */
export type ShortcutMap = Record<string, (event: KeyboardEvent) => void | boolean>;

/**
 * Single-key shortcuts (tinykeys) that stay out of the way: never while typing in a field, never while a dialog,
 * menu or listbox is open, never with Ctrl/Meta/Alt (the browser's own shortcuts), never on auto-repeat of an
 * action key. A handled key does not also do its default (scroll, navigate back, type "/").
 */
export function useShortcuts(map: ShortcutMap, enabled = true) {
  // the latest handlers, without re-subscribing on every render. Layout effects: bound before the page paints,
  // so a key pressed the moment a page shows is never lost (a passive effect may run a while after the paint)
  const latest = useRef(map);
  useLayoutEffect(() => {
    latest.current = map;
  });
  const keys = Object.keys(map).join('\n');
  useLayoutEffect(() => {
    if (!enabled) return;
    const bindings: Record<string, (event: KeyboardEvent) => void> = {};
    for (const key of keys.split('\n')) {
      bindings[key] = (event) => {
        if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
        if (isTyping(event.target) || isTyping(document.activeElement) || overlayOpen()) return;
        const movement = /^(Arrow|j$|k$)/.test(key);
        if (event.repeat && !movement) return;
        if (latest.current[key]?.(event) !== false) event.preventDefault();
      };
    }
    return tinykeys(window, bindings);
  }, [keys, enabled]);
}
