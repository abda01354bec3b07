import { useEffect, useMemo } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { EmptyState } from '../../../components/EmptyState.tsx';
import { ownerSearch, rememberOwner, useOwnerId } from '../../../app/owner.ts';
import { useCompletedWorkItems } from '../api/get-completed-work-items.ts';
import { ListError } from '../components/ListError.tsx';
import { ListToolbar } from '../components/ListToolbar.tsx';
import { Pagination } from '../components/Pagination.tsx';
import { filterAndSort, useTableParams } from '../components/table-params.ts';
import { WorkItemsTable } from '../components/WorkItemsTable.tsx';

export function CompletedPage() {
  const ownerId = useOwnerId();
  const [params, setParams] = useTableParams();
  const query = useCompletedWorkItems({ ownerId, limit: params.pageSize, offset: params.page * params.pageSize });
  const pageItems = useMemo(() => query.data?.items ?? [], [query.data]);
  const total = query.data?.total;
  const visible = useMemo(() => filterAndSort(pageItems, params), [pageItems, params]);
  const types = useMemo(
    () => [...new Set(pageItems.map((i) => i.type).filter((t): t is NonNullable<typeof t> => !!t))].sort(),
    [pageItems],
  );

  useEffect(() => {
    const ownerName = pageItems.find((i) => i.ownerName)?.ownerName;
    if (ownerId && query.isSuccess && ownerName) rememberOwner(ownerId, ownerName);
  }, [ownerId, pageItems, query.isSuccess]);

  return (
    <>
      <Typography variant="h4" component="h1" sx={{ mb: 2 }}>
        Completed
      </Typography>
      {query.isError ? (
        <ListError error={query.error} ownerId={ownerId} onRetry={() => query.refetch()} />
      ) : (
        <Paper variant="outlined">
          <Box sx={{ px: 2, pt: 2 }}>
            <ListToolbar params={params} onChange={(c) => setParams(c, { replace: c.q !== undefined })} types={types}>
              {total !== undefined && (
                <Typography variant="body2" color="text.secondary" data-testid="completed-total">
                  {total} completed in total
                </Typography>
              )}
            </ListToolbar>
          </Box>
          <Box sx={{ height: 4 }}>{query.isFetching && <LinearProgress aria-label="Loading work items" />}</Box>
          {query.isPending ? (
            <Box sx={{ p: 4 }}>
              <Typography color="text.secondary">Loading work items…</Typography>
            </Box>
          ) : total === 0 && pageItems.length === 0 ? (
            <Box sx={{ p: 2 }}>
              <EmptyState title="Nothing completed yet">Work items you decide show up here.</EmptyState>
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
              variant="completed"
              caption="Completed work items"
              detailSearch={ownerSearch(ownerId)}
              sort={params.sort}
              onSortChange={(sort) => setParams({ sort })}
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
      )}
    </>
  );
}
