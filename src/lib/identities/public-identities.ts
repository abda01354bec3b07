// getPublicIdentities: GET /v3/public-identities?filters&sorters=name&limit — find people by what a person types.
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { getCollection, type ApiError, type Collection } from '../http.ts';
import type { PublicIdentity } from '../../../contract/work-items.ts';
import { identityKeys } from './keys.ts';

export const DEFAULT_IDENTITY_SEARCH_LIMIT = 20;

/** A string literal in ISC's filter syntax: double quotes, with `\` and `"` escaped. */
export function filterString(value: string): string {
  return `"${value.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
}

/**
 * ISC filters for what a person typed: a prefix of first name, last name, alias or email; a 32-hex id too.
 * Only fields and operators the spec lists for public-identities, so it works unchanged on a real tenant.
 */
export function identitySearchFilters(search: string): string | undefined {
  const text = search.trim();
  if (!text) return undefined;
  const quoted = filterString(text);
  const clauses = ['firstname', 'lastname', 'alias', 'email'].map((field) => `${field} sw ${quoted}`);
  if (/^[0-9a-f]{32}$/i.test(text)) clauses.push(`id eq ${filterString(text.toLowerCase())}`);
  return clauses.join(' or ');
}

export interface PublicIdentitiesParams {
  search: string;
  limit?: number;
}

export function getPublicIdentities(
  { search, limit = DEFAULT_IDENTITY_SEARCH_LIMIT }: PublicIdentitiesParams,
  signal?: AbortSignal,
) {
  return getCollection<PublicIdentity>(
    'public-identities',
    { filters: identitySearchFilters(search), sorters: 'name', limit, count: true },
    { signal },
  );
}

export function publicIdentitiesQueryOptions({
  search,
  limit = DEFAULT_IDENTITY_SEARCH_LIMIT,
}: PublicIdentitiesParams) {
  const text = search.trim();
  return queryOptions<Collection<PublicIdentity>, ApiError>({
    queryKey: identityKeys.search({ search: text, limit }),
    queryFn: ({ signal }) => getPublicIdentities({ search: text, limit }, signal),
    enabled: text.length > 0,
    staleTime: 5 * 60_000,
  });
}

/** Identities matching what a person typed (disabled while it is empty); keeps the last results while typing. */
export function usePublicIdentities(params: PublicIdentitiesParams) {
  return useQuery({ ...publicIdentitiesQueryOptions(params), placeholderData: keepPreviousData });
}
