import { useOwnerId } from '../../../lib/owner.ts';
import { usePagedQuery, type PageQueryOptions } from '../api/use-paged-query.ts';
import { useTableParams } from './table-params.ts';

/** A list page's state: the owner viewed and the table parameters from the URL, and the page of items they ask for. */
export function useListPage(pageOptions: PageQueryOptions) {
  const ownerId = useOwnerId();
  const [params, setParams] = useTableParams();
  const query = usePagedQuery(pageOptions, { ownerId, limit: params.pageSize, offset: params.page * params.pageSize });
  return { ownerId, params, setParams, query };
}
