import { useEffect, useState, useSyncExternalStore } from 'react';
import { onlineManager } from '@tanstack/react-query';
import { onRateLimitWait } from '../lib/http.ts';
import { Banner } from './lite.tsx';

function useOnline() {
  return useSyncExternalStore(
    (listener) => onlineManager.subscribe(listener),
    () => onlineManager.isOnline(),
    () => true,
  );
}

/**
 * Network and rate-limit state, app-wide: "You are offline" while the browser is (TanStack Query pauses and
 * resumes its queries on its own), and "Rate limited — retrying in N s" while a 429 is waited out.
 */
export function StatusBanners() {
  const online = useOnline();
  const [rateLimitSeconds, setRateLimitSeconds] = useState<number | null>(null);
  useEffect(() => onRateLimitWait(setRateLimitSeconds), []);
  return (
    <>
      {!online && (
        <Banner severity="warning" role="status" square data-testid="offline-banner">
          You are offline. Changes you make are paused; the page refreshes by itself when the network returns.
        </Banner>
      )}
      {rateLimitSeconds !== null && (
        <Banner severity="info" role="status" square data-testid="rate-limit-banner">
          Rate limited — retrying in {rateLimitSeconds} s
        </Banner>
      )}
    </>
  );
}
