import { useEffect, useMemo, type ReactNode } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { EmptyState } from '../../../components/EmptyState.tsx';
import type { ApiError, Collection } from '../../../lib/http.ts';
import { rememberOwner } from '../../../lib/owner.ts';
import type { WorkItem } from '../../../../contract/work-items.ts';
import { filterAndSort, typesOf, type TableParams } from '../hooks/table-params.ts';
import { ListError } from './ListError.tsx';
import { ListToolbar } from './ListToolbar.tsx';
import { Pagination } from './Pagination.tsx';
import { WorkItemsTable, type TableSelection } from './WorkItemsTable.tsx';

/**
 * One page of a work-item list (inbox or completed) with its toolbar and pager: loading, "nothing here",
 * "nothing on this page matches" or the table, and the list's error in place of all of it.
 */
export function WorkItemsListPanel({
  query,
  ownerId,
  params,
  setParams,
  variant,
  caption,
  empty,
  toolbar,
  selection,
}: {
  query: UseQueryResult<Collection<WorkItem>, ApiError>;
  ownerId: string | undefined;
  params: TableParams;
  setParams: (changes: Partial<TableParams>, options?: { replace?: boolean }) => void;
  variant: 'pending' | 'completed';
  caption: string;
  /** What an empty list says. */
  empty: { title: string; text: ReactNode };
  /** Extra toolbar content on the right (totals, bulk buttons). */
  toolbar?: ReactNode;
  selection?: TableSelection;
}) {
  const pageItems = useMemo(() => query.data?.items ?? [], [query.data]);
  const total = query.data?.total;
  const visible = useMemo(() => filterAndSort(pageItems, params), [pageItems, params]);
  const types = useMemo(() => typesOf(pageItems), [pageItems]);

  // An admin viewing another owner: the owner's name, learnt from their items, for the picker and the banner.
  useEffect(() => {
    const ownerName = pageItems.find((i) => i.ownerName)?.ownerName;
    if (ownerId && query.isSuccess && ownerName) rememberOwner(ownerId, ownerName);
  }, [ownerId, pageItems, query.isSuccess]);

  if (query.isError) return <ListError error={query.error} ownerId={ownerId} onRetry={() => query.refetch()} />;
  return (
    <Paper variant="outlined">
      <Box sx={{ px: 2, pt: 2 }}>
        <ListToolbar params={params} onChange={(c) => setParams(c, { replace: c.q !== undefined })} types={types}>
          {toolbar}
        </ListToolbar>
      </Box>
      <Box sx={{ height: 4 }}>{query.isFetching && <LinearProgress aria-label="Loading work items" />}</Box>
      {query.isPending ? (
        <Box sx={{ p: 4 }}>
          <Typography color="text.secondary">Loading work items…</Typography>
        </Box>
      ) : total === 0 && pageItems.length === 0 ? (
        <Box sx={{ p: 2 }}>
          <EmptyState title={empty.title}>{empty.text}</EmptyState>
        </Box>
      ) : visible.length === 0 ? (
        <Box sx={{ p: 2 }}>
          <EmptyState title="No work items on this page match">
            <Button onClick={() => setParams({ q: '', type: '' })}>Clear filters</Button>
          </EmptyState>
        </Box>
      ) : (
        <WorkItemsTable
          items={visible}
          variant={variant}
          caption={caption}
          ownerId={ownerId}
          sort={params.sort}
          onSortChange={(sort) => setParams({ sort })}
          selection={selection}
        />
      )}
      <Pagination
        total={total}
        page={params.page}
        pageSize={params.pageSize}
        onPageChange={(page) => {
          setParams({ page });
          window.scrollTo({ top: 0 });
        }}
        onPageSizeChange={(pageSize) => setParams({ pageSize, page: 0 })}
      />
    </Paper>
  );
}
