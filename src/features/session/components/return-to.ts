import { isSignInPath, paths, routePatterns } from '../../../lib/paths.ts';

let expiredAt = 0;

/** Called on a 401: the next redirect to sign in says that the session expired. */
export function noteSessionExpired() {
  expiredAt = Date.now();
}

function consumeExpired(): boolean {
  const recent = Date.now() - expiredAt < 10_000;
  expiredAt = 0;
  return recent;
}

/** `/sign-in?returnTo=<url>` (and `&expired=1` after a 401), so signing in comes back to the exact page. */
export function signInUrl(returnTo: string, expired = consumeExpired()): string {
  return paths.signIn({ returnTo, expired });
}

/** Only same-origin paths are followed after signing in (no open redirect to another site). */
export function safeReturnTo(value: string | null): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return routePatterns.inbox;
  if (isSignInPath(value)) return routePatterns.inbox;
  return value;
}
