// The session (server side: server/plugins/session.ts): who is signed in, sign-in, sign-out, the demo identities.
// The access token stays in an HttpOnly cookie; the page only learns the claims below.
import {
  queryOptions,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryClient,
  type QueryKey,
} from '@tanstack/react-query';
import { useEffect } from 'react';
import { ApiError, getJson, onSessionExpired, sendJson } from '../http.ts';
import { sessionKeys, type Session } from './keys.ts';
import type { DemoIdentity, SignInBody } from '../../../contract/session.ts';

export { sessionKeys, type Session } from './keys.ts';

export type SignInVariables = SignInBody;
export type { DemoIdentity };

/** The current session, or null when there is none (401). */
export async function getSession(signal?: AbortSignal): Promise<Session | null> {
  try {
    return await getJson<Session>('auth/session', undefined, { base: 'root', signal });
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export function signIn(variables: SignInVariables): Promise<Session> {
  return sendJson<Session>('post', 'auth/session', variables, { base: 'root' });
}

export async function signOut(): Promise<void> {
  await sendJson<void>('delete', 'auth/session', undefined, { base: 'root' });
}

/** The sandbox's demo identities; empty in tenant mode (the route does not exist there). */
export async function getDemoIdentities(signal?: AbortSignal): Promise<DemoIdentity[]> {
  try {
    return await getJson<DemoIdentity[]>('auth/identities', undefined, { base: 'root', signal });
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return [];
    throw error;
  }
}

export function sessionQueryOptions() {
  return queryOptions<Session | null, ApiError>({
    queryKey: sessionKeys.current,
    queryFn: ({ signal }) => getSession(signal),
    staleTime: 5 * 60_000,
  });
}

/**
 * Whether a cached query belongs to the signed-in identity: every query outside the session's own keys (the
 * session, the sign-in methods, the demo identities). A feature's new cache is user data without saying so.
 */
function isUserScoped(queryKey: QueryKey): boolean {
  return queryKey[0] !== sessionKeys.all[0];
}

/** Forgets everything cached for the previous identity, by the one rule above. */
function clearUserData(queryClient: QueryClient) {
  queryClient.removeQueries({ predicate: (query) => isUserScoped(query.queryKey) });
}

/**
 * The signed-in identity (null when signed out). A 401 from any API call sets it to null, so a route guard can
 * send the person to sign in and back.
 */
export function useSession() {
  const queryClient = useQueryClient();
  useEffect(
    () =>
      onSessionExpired(() => {
        const { queryKey } = sessionQueryOptions();
        if (queryClient.getQueryData(queryKey) !== null) queryClient.setQueryData(queryKey, null);
      }),
    [queryClient],
  );
  return useQuery(sessionQueryOptions());
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation<Session, ApiError, SignInVariables>({
    mutationFn: signIn,
    onSuccess: (session) => {
      clearUserData(queryClient);
      queryClient.setQueryData(sessionQueryOptions().queryKey, session);
    },
  });
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation<void, ApiError, void>({
    mutationFn: signOut,
    onSettled: () => {
      clearUserData(queryClient);
      queryClient.setQueryData(sessionQueryOptions().queryKey, null);
    },
  });
}

export function useDemoIdentities() {
  return useQuery(
    queryOptions<DemoIdentity[], ApiError>({
      queryKey: sessionKeys.demoIdentities,
      queryFn: ({ signal }) => getDemoIdentities(signal),
      staleTime: Infinity,
    }),
  );
}
