import useMediaQuery from '@mui/material/useMediaQuery';

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
  return useMediaQuery(PHONE_QUERY, { noSsr: true });
}
