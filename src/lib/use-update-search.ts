import { useCallback, useState } from 'react';
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

/**
 * A text box bound to one query parameter (`key`): what is typed is local state and the URL follows it (replace,
 * so Back does not step through keystrokes). An input bound to the URL alone loses keystrokes typed faster than
 * the router re-renders. When the URL changes by anything else (Back/Forward, a link, "Clear filters"), the box
 * shows what the URL says; a render that still carries an older value of our own typing is recognised because the
 * browser's URL (written synchronously) already holds a newer one.
 */
export function useUrlText(key: string): [string, (value: string) => void] {
  const [params] = useSearchParams();
  const updateSearch = useUpdateSearch();
  const fromUrl = params.get(key) ?? '';
  const [text, setText] = useState(fromUrl);
  const [seen, setSeen] = useState(fromUrl);
  if (fromUrl !== seen) {
    setSeen(fromUrl);
    const current = new URLSearchParams(window.location.search).get(key) ?? '';
    if (fromUrl === current && fromUrl !== text) setText(fromUrl);
  }
  const change = useCallback(
    (value: string) => {
      setText(value);
      updateSearch((next) => (value ? next.set(key, value) : next.delete(key)), { replace: true });
    },
    [key, updateSearch],
  );
  return [text, change];
}
