// Session hooks and identity search against the real server.
import { act, renderHook, waitFor } from '@testing-library/react';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ApiError } from '../http.ts';
import {
  IDS,
  TRACKING_ID,
  newQueryClient,
  startApiServer,
  wrapperFor,
  type ApiTestServer,
} from '../../test/api-server.tsx';
import {
  identitySearchFilters,
  publicIdentitiesQueryOptions,
  usePublicIdentities,
} from '../identities/public-identities.ts';
import { workItemsQueryOptions } from '../../features/work-items/api/list-work-items.ts';
import { authConfigKey } from '../../features/session/api/auth-config.ts';
import { sessionQueryOptions, useDemoIdentities, useSession, useSignIn, useSignOut } from './session.ts';

let api: ApiTestServer;
beforeAll(async () => {
  api = await startApiServer();
});
afterAll(() => api?.close());

it('useSession: null when signed out; useSignIn / useSignOut change it; wrong credentials → 401 ApiError', async () => {
  const wrapper = wrapperFor(newQueryClient());
  const { result } = renderHook(() => ({ session: useSession(), signIn: useSignIn(), signOut: useSignOut() }), {
    wrapper,
  });
  await waitFor(() => expect(result.current.session.isSuccess).toBe(true));
  expect(result.current.session.data).toBeNull();

  const error = await act(() =>
    result.current.signIn.mutateAsync({ clientId: 'alice.approver', clientSecret: 'nope' }).catch((e) => e),
  );
  expect(error).toBeInstanceOf(ApiError);
  expect(error.status).toBe(401);
  expect(error.message).toMatch(/client ID or client secret is wrong/);

  await act(() => result.current.signIn.mutateAsync({ identity: 'alice.approver' }));
  await waitFor(() => expect(result.current.session.data?.identityId).toBe(IDS.alice));
  expect(result.current.session.data).toMatchObject({ name: 'Alice Approver', isAdmin: false, mode: 'sandbox' });
  expect(JSON.stringify(result.current.session.data)).not.toMatch(/eyJ/); // no token in the page

  await act(() => result.current.signOut.mutateAsync());
  await waitFor(() => expect(result.current.session.data).toBeNull());
  expect(api.jar.size).toBe(0);
});

it('useDemoIdentities: the sandbox sign-in identities', async () => {
  const { result } = renderHook(() => useDemoIdentities(), { wrapper: wrapperFor(newQueryClient()) });
  await waitFor(() => expect(result.current.isSuccess).toBe(true));
  expect(result.current.data!.map((i) => i.alias).sort()).toEqual([
    'ada.admin',
    'alice.approver',
    'bob.approver',
    'carol.approver',
  ]);
});

it('usePublicIdentities: finds people by what a person types; an invalid limit → 400', async () => {
  await api.signInAs('alice.approver');
  const wrapper = wrapperFor(newQueryClient());
  const { result, rerender } = renderHook(({ search }) => usePublicIdentities({ search }), {
    wrapper,
    initialProps: { search: '' },
  });
  expect(result.current.fetchStatus).toBe('idle'); // nothing typed: no request
  rerender({ search: 'bo' });
  await waitFor(() => expect(result.current.isSuccess && !result.current.isPlaceholderData).toBe(true));
  expect(result.current.data!.items.map((i) => i.id)).toContain(IDS.bob);
  rerender({ search: IDS.carol });
  await waitFor(() => expect(result.current.data?.items[0]?.id).toBe(IDS.carol));

  const bad = renderHook(() => usePublicIdentities({ search: 'a', limit: 1000 }), { wrapper });
  await waitFor(() => expect(bad.result.current.isError).toBe(true));
  const error = bad.result.current.error!;
  expect(error.status).toBe(400);
  expect(error.detailCode).toBe('400.1 Bad Request Content');
  expect(error.trackingId).toMatch(TRACKING_ID);
});

it('identitySearchFilters quotes and escapes what was typed', () => {
  expect(identitySearchFilters('  ')).toBeUndefined();
  expect(identitySearchFilters('o"b\\')).toBe(
    'firstname sw "o\\"b\\\\" or lastname sw "o\\"b\\\\" or alias sw "o\\"b\\\\" or email sw "o\\"b\\\\"',
  );
  expect(identitySearchFilters(IDS.bob)).toContain(`id eq "${IDS.bob}"`);
});

it('signing in and out clears every user-scoped query by one rule (a key root added later too); session keys stay', async () => {
  const client = newQueryClient();
  const { result } = renderHook(() => ({ signIn: useSignIn(), signOut: useSignOut() }), {
    wrapper: wrapperFor(client),
  });
  const laterFeature = ['a-feature-added-later', 'anything'] as const;
  const page = workItemsQueryOptions({ limit: 25, offset: 0 }).queryKey;
  const config = { mode: 'sandbox', pat: true, oauth: false } as const;
  const fill = () => {
    client.setQueryData(laterFeature, 'cached for the previous identity');
    client.setQueryData(page, { items: [], total: 0 });
    client.setQueryData(publicIdentitiesQueryOptions({ search: 'bob' }).queryKey, { items: [], total: 0 });
    client.setQueryData(authConfigKey, config);
  };

  fill();
  await act(() => result.current.signIn.mutateAsync({ identity: 'alice.approver' }));
  expect(client.getQueryData(laterFeature)).toBeUndefined();
  expect(client.getQueryData(page)).toBeUndefined();
  expect(client.getQueryData(publicIdentitiesQueryOptions({ search: 'bob' }).queryKey)).toBeUndefined();
  expect(client.getQueryData(authConfigKey)).toEqual(config);
  expect(client.getQueryData(sessionQueryOptions().queryKey)?.identityId).toBe(IDS.alice);

  fill();
  await act(() => result.current.signOut.mutateAsync());
  expect(client.getQueryData(laterFeature)).toBeUndefined();
  expect(client.getQueryData(page)).toBeUndefined();
  expect(client.getQueryData(authConfigKey)).toEqual(config);
  expect(client.getQueryData(sessionQueryOptions().queryKey)).toBeNull();
});
