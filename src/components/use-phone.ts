import { useSyncExternalStore } from 'react';

/** The phone layout's width: at or below it lists become cards and toolbars fold into menus. */
export const PHONE_MAX_WIDTH = 600;
export const PHONE_QUERY = `(max-width:${PHONE_MAX_WIDTH}px)`;
/** For `sx`: styles that apply only in the phone layout (the same width as `usePhone`). */
export const ON_PHONE = `@media ${PHONE_QUERY}`;

/**
 * True at phone widths. Read on the first render (`noSsr`): a phone never paints the desktop table first and then
 * swaps it for cards.
 */
export function usePhone(): boolean {
  return useMediaMatch(PHONE_QUERY);
}

// One MediaQueryList per query, kept: its `matches` follows the viewport, and asking matchMedia again on every
// render of every component that reads it cost more than the render itself.
const lists = new Map<string, MediaQueryList | undefined>();
function mediaList(query: string): MediaQueryList | undefined {
  if (!lists.has(query)) lists.set(query, window.matchMedia?.(query));
  return lists.get(query);
}

/** Whether a media query matches, read on the first render and followed as it changes. */
export function useMediaMatch(query: string): boolean {
  return useSyncExternalStore(
    (changed) => {
      // a browser without matchMedia (jsdom) matches nothing, as MUI's useMediaQuery answers there
      const list = mediaList(query);
      list?.addEventListener('change', changed);
      return () => list?.removeEventListener('change', changed);
    },
    () => mediaList(query)?.matches ?? false,
    () => false,
  );
}
