// Waiting for the network. A chunk is never fetched while the browser knows it is offline: a module script that
// failed to download is remembered by the browser and fails again at the same URL (see src/app/routes.tsx), so a
// lazy part of the page waits for the network instead of trying, and failing, for good.

/** Resolves at once, or once the browser is back online. */
export function whenOnline(): Promise<void> {
  if (typeof navigator === 'undefined' || navigator.onLine !== false) return Promise.resolve();
  return new Promise((resolve) => window.addEventListener('online', () => resolve(), { once: true }));
}

/** `load`, once the browser is online. */
export async function loadWhenOnline<T>(load: () => Promise<T>): Promise<T> {
  await whenOnline();
  return load();
}
