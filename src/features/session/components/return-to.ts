/** `/sign-in?returnTo=<url>` (and `&expired=1` after a 401), so signing in comes back to the exact page. */
export function signInUrl(returnTo: string, expired = false): string {
  const params = new URLSearchParams();
  if (returnTo && returnTo !== '/' && !returnTo.startsWith('/sign-in')) params.set('returnTo', returnTo);
  if (expired) params.set('expired', '1');
  const query = params.toString();
  return `/sign-in${query ? `?${query}` : ''}`;
}

/** Only same-origin paths are followed after signing in (no open redirect to another site). */
export function safeReturnTo(value: string | null): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/inbox';
  if (value.startsWith('/sign-in')) return '/inbox';
  return value;
}
