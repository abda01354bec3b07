// Query keys for identities (GET /v3/public-identities).

export interface PublicIdentitiesScope {
  search: string;
  limit: number;
}

export const identityKeys = {
  all: ['identities'] as const,
  searches: () => [...identityKeys.all, 'public', 'search'] as const,
  search: ({ search, limit }: PublicIdentitiesScope) =>
    [...identityKeys.searches(), { search: search.trim(), limit }] as const,
};
