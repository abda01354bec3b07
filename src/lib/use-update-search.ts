import { useCallback } from 'react';
import { useNavigate } from 'react-router';

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
