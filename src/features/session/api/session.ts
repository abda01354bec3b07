// The session (server side: server/plugins/session.ts): who is signed in, sign-in, sign-out, the demo identities.
// The access token stays in an HttpOnly cookie; the page only learns the claims below.
import { queryOptions, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { ApiError, getJson, onSessionExpired, sendJson } from '../../../lib/http.ts';
import { identityKeys } from '../../identities/api/keys.ts';
import { workItemKeys } from '../../work-items/api/keys.ts';
import { sessionKeys, type Session } from './session-keys.ts';
import type { DemoIdentity, SignInBody } from '../../../../contract/session.ts';

export { sessionKeys, type Session } from './session-keys.ts';

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

/** Forgets everything cached for the previous identity. */
function clearUserData(queryClient: QueryClient) {
  queryClient.removeQueries({ queryKey: workItemKeys.all });
  queryClient.removeQueries({ queryKey: identityKeys.all });
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
        if (queryClient.getQueryData(sessionKeys.current) !== null) queryClient.setQueryData(sessionKeys.current, null);
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
      queryClient.setQueryData(sessionKeys.current, session);
    },
  });
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation<void, ApiError, void>({
    mutationFn: signOut,
    onSettled: () => {
      clearUserData(queryClient);
      queryClient.setQueryData(sessionKeys.current, null);
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
