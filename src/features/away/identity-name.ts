// An identity's name from its id (evaluate's chain names ids only): the public identities search, by id.
import { useQueries, type QueryClient } from '@tanstack/react-query';
import { publicIdentitiesQueryOptions } from '../../lib/identities/public-identities.ts';

const byId = (id: string) => publicIdentitiesQueryOptions({ search: id, limit: 1 });

/** Names of these ids as they come in (an id stays itself until its name is known, or when none is found). */
export function useIdentityNames(ids: readonly string[], known: Readonly<Record<string, string>> = {}) {
  const unknown = [...new Set(ids)].filter((id) => !known[id]);
  const results = useQueries({ queries: unknown.map(byId) });
  const names: Record<string, string> = { ...known };
  unknown.forEach((id, i) => {
    const found = results[i]?.data?.items.find((p) => p.id === id);
    names[id] = found?.name || names[id] || id;
  });
  return names;
}

export async function identityName(queryClient: QueryClient, id: string): Promise<string> {
  try {
    const found = (await queryClient.fetchQuery(byId(id))).items.find((p) => p.id === id);
    return found?.name || id;
  } catch {
    return id;
  }
}
