// The app's page URLs, in one place: the route patterns the router matches and typed builders for links.
// Every builder keeps the owner being viewed (`?ownerId=`, an admin looking at someone else's items).

export const routePatterns = {
  signIn: '/sign-in',
  inbox: '/inbox',
  completed: '/completed',
  workItem: '/work-items/:id',
  accessRequest: '/access-requests/:id',
  away: '/away',
} as const;

export interface OwnerView {
  /** Another identity's items (admins); undefined = the signed-in identity's own. */
  ownerId?: string;
}

/** `?ownerId=…` (or '') so that moving between pages keeps the owner being viewed. */
export function ownerSearch(ownerId: string | undefined): string {
  return ownerId ? `?${new URLSearchParams({ ownerId })}` : '';
}

function withQuery(pathname: string, params: URLSearchParams): string {
  const query = params.toString();
  return query ? `${pathname}?${query}` : pathname;
}

export const paths = {
  inbox: ({ ownerId }: OwnerView = {}) => `${routePatterns.inbox}${ownerSearch(ownerId)}`,
  completed: ({ ownerId }: OwnerView = {}) => `${routePatterns.completed}${ownerSearch(ownerId)}`,
  workItem: (id: string, { ownerId }: OwnerView = {}) => `/work-items/${encodeURIComponent(id)}${ownerSearch(ownerId)}`,
  /** An access-request approval's page (the approval's id). */
  accessRequest: (id: string, { ownerId }: OwnerView = {}) =>
    `/access-requests/${encodeURIComponent(id)}${ownerSearch(ownerId)}`,
  /** Away (out-of-office delegation): one's own, or an admin's hand-over of another owner's work. */
  away: ({ ownerId }: OwnerView = {}) => `${routePatterns.away}${ownerSearch(ownerId)}`,
  /** `/sign-in?returnTo=<url>` (and `&expired=1`), so that signing in comes back to the exact page. */
  signIn: ({ returnTo, expired = false }: { returnTo?: string; expired?: boolean } = {}) => {
    const params = new URLSearchParams();
    if (returnTo && returnTo !== '/' && !isSignInPath(returnTo)) params.set('returnTo', returnTo);
    if (expired) params.set('expired', '1');
    return withQuery(routePatterns.signIn, params);
  },
  /** A list page (`pathname`, inbox or completed) with these query parameters. */
  list: (pathname: string, params: URLSearchParams) => withQuery(pathname, params),
};

export const isSignInPath = (pathname: string) => pathname.startsWith(routePatterns.signIn);
export const isCompletedPath = (pathname: string) => pathname.startsWith(routePatterns.completed);
/** Where the inbox's landing requests apply: the inbox itself and `/`, which redirects to it. */
export const isInboxPath = (pathname: string) => pathname === routePatterns.inbox || pathname === '/';
