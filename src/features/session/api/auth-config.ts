// Which sign-in methods the server offers (server/plugins/oauth-login.ts): a personal access token always,
// "Sign in with SailPoint" (OAuth authorization code + PKCE) when the server has SAIL_OAUTH_CLIENT_ID.
import { queryOptions, useQuery } from '@tanstack/react-query';
import { ApiError, getJson } from '../../../lib/http.ts';
import { sessionKeys } from '../../../lib/session/keys.ts';
import type { AuthConfig } from '../../../../contract/session.ts';

export type { AuthConfig } from '../../../../contract/session.ts';

export const authConfigKey = [...sessionKeys.all, 'auth-config'] as const;

export async function getAuthConfig(signal?: AbortSignal): Promise<AuthConfig | null> {
  try {
    return await getJson<AuthConfig>('auth/config', undefined, { base: 'root', signal });
  } catch (error) {
    // an older server without the route: only what it always had
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

export function useAuthConfig() {
  return useQuery(
    queryOptions<AuthConfig | null, ApiError>({
      queryKey: authConfigKey,
      queryFn: ({ signal }) => getAuthConfig(signal),
      staleTime: Infinity,
    }),
  );
}

/** Where "Sign in with SailPoint" goes: a full-page navigation to the server, which redirects to ISC. */
export function oauthLoginUrl(returnTo: string): string {
  return `/auth/login?${new URLSearchParams({ returnTo })}`;
}
