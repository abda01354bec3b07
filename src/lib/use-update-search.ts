import { useCallback, useEffect, useRef, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';

/**
 * Changes some query parameters of the current URL, keeping the others. It starts from the URL as it is now, not
 * as it was at the caller's last render: react-router's functional setSearchParams is not queued, so two quick
 * changes (page size, then the filter; two keystrokes) could undo each other.
 */
export function useUpdateSearch() {
  const navigate = useNavigate();
  return useCallback(
    (change: (params: URLSearchParams) => void, options?: { replace?: boolean }) => {
      const next = new URLSearchParams(window.location.search);
      change(next);
      const search = next.toString();
      navigate(
        { pathname: window.location.pathname, search: search ? `?${search}` : '', hash: window.location.hash },
        { replace: options?.replace ?? false },
      );
    },
    [navigate],
  );
}

/** How long the URL waits for typing to pause before it follows the box. */
export const URL_TEXT_DELAY_MS = 250;

/**
 * A text box bound to one query parameter (`key`): what is typed is local state and the URL follows it once typing
 * pauses (replace, so Back does not step through keystrokes; and not a router update per key, which would
 * re-render the page each time). An input bound to the URL alone loses keystrokes typed faster than the router
 * re-renders. When the URL changes by anything else (Back/Forward, a link, "Clear filters"), the box shows what the
 * URL says; a render that still carries an older value of our own typing is recognised because the browser's URL
 * (written synchronously) already holds a newer one.
 */
export function useUrlText(key: string): [string, (value: string) => void] {
  const [params] = useSearchParams();
  const updateSearch = useUpdateSearch();
  const fromUrl = params.get(key) ?? '';
  // `written`: the last value this box put into the URL; `seen`: the URL's value at the last render
  const [state, setState] = useState({ text: fromUrl, seen: fromUrl, written: fromUrl });
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const pending = useRef<(() => void) | undefined>(undefined);
  if (fromUrl !== state.seen) {
    const current = new URLSearchParams(window.location.search).get(key) ?? '';
    // not our own write arriving, and what the browser's URL says now: someone else changed it
    const external = fromUrl !== state.written && fromUrl === current;
    setState(external ? { text: fromUrl, seen: fromUrl, written: fromUrl } : { ...state, seen: fromUrl });
  }
  useEffect(() => () => clearTimeout(timer.current), []);
  // The focus leaving the box (a click on a row it found, Tab, a shortcut) writes what waits at once, before anything
  // there reads the URL: the list's place is remembered with its search, and the page it opens knows that list.
  useEffect(() => {
    const flush = () => {
      if (timer.current === undefined) return;
      clearTimeout(timer.current);
      pending.current?.();
    };
    document.addEventListener('focusin', flush, true);
    return () => document.removeEventListener('focusin', flush, true);
  }, []);
  const written = state.written;
  const change = useCallback(
    (value: string) => {
      setState((s) => ({ ...s, text: value }));
      clearTimeout(timer.current);
      const page = window.location.pathname;
      const write = () => {
        timer.current = undefined;
        pending.current = undefined;
        // the URL moved meanwhile (Back, a link, another page opened before the pause): it wins over a write that
        // was waiting — a search typed in the list must never land in the next page's URL
        if (window.location.pathname !== page) return;
        if ((new URLSearchParams(window.location.search).get(key) ?? '') !== written) return;
        setState((s) => ({ ...s, written: value }));
        updateSearch((next) => (value ? next.set(key, value) : next.delete(key)), { replace: true });
      };
      // clearing is written at once ("Clear filters" writes the other parameters in the same moment)
      if (value) {
        pending.current = write;
        timer.current = setTimeout(write, URL_TEXT_DELAY_MS);
      } else write();
    },
    [key, updateSearch, written],
  );
  return [state.text, change];
}
