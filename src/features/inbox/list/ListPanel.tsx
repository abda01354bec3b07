import { useCallback, type ReactNode } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { AfterFirstPaint } from '../../../components/AfterFirstPaint.tsx';
import { EmptyState } from '../../../components/EmptyState.tsx';
import { LazyErrorAlert as ErrorAlert } from '../../../components/ErrorAlertLazy.tsx';
import type { QueueSort } from '../../../lib/queue/query-index.ts';
import type { QueueList } from './use-queue-list.ts';
import { ListError } from './ListError.tsx';
import { ListToolbar } from './ListToolbar.tsx';
import { QueueBoundSelect, QueueStatus } from './QueueStatus.tsx';
import { QueueTable, type TableSelection } from './QueueTable.tsx';
import { Panel } from '../../../components/lite.tsx';

/**
 * A whole list (inbox or completed, every kind): search, filters and sort, the status line, the selection's actions,
 * then loading, "nothing here", "nothing matches" or the table; the list's error in place of all of it when
 * nothing could be loaded, above the rows when only the rest of the list failed.
 */
export function ListPanel({
  list,
  caption,
  empty,
  tools,
  actions,
  selection,
}: {
  list: QueueList;
  caption: string;
  /** What an empty list says. */
  empty: { title: string; text: ReactNode };
  /** Extra controls at the end of the filter row (Export CSV). */
  tools?: ReactNode;
  /** The selection's bar (bulk buttons), under the status line. */
  actions?: ReactNode;
  selection?: TableSelection;
}) {
  const { query, data, visible, ownerId, setParams } = list;
  const onSortChange = useCallback((sort: QueueSort) => setParams({ sort }), [setParams]);
  if (query.isError && !data) {
    return <ListError error={query.error} ownerId={ownerId} onRetry={() => query.refetch()} />;
  }
  const clear = () => {
    list.setSearch('');
    list.setParams({
      type: '',
      application: '',
      requester: '',
      age: '',
      due: '',
      kind: '',
      facets: Object.fromEntries(Object.keys(list.params.facets).map((name) => [name, ''])),
    });
  };
  return (
    <Panel>
      <Box sx={{ px: 2, pt: 2 }}>
        <AfterFirstPaint placeholder={<Box sx={{ minHeight: 56 }} />}>
          <ListToolbar
            variant={list.variant}
            search={list.search}
            onSearch={list.setSearch}
            params={list.params}
            onChange={list.setParams}
            facets={list.facets}
            sortLocked={list.serverOrder}
            phoneSettings={<QueueBoundSelect list={list} />}
          >
            {tools}
          </ListToolbar>
        </AfterFirstPaint>
        <QueueStatus list={list} />
        {query.isError && (
          <Box sx={{ my: 1 }}>
            <ErrorAlert
              error={query.error}
              title="Part of the list could not be loaded"
              onRetry={() => query.refetch()}
            />
          </Box>
        )}
        {actions}
      </Box>
      {!data || (list.rows.length === 0 && data.rows.length > 0) ? (
        <Box sx={{ p: 4 }}>
          <Typography color="text.secondary">Loading the list…</Typography>
        </Box>
      ) : data.rows.length === 0 && data.complete ? (
        <Box sx={{ p: 2 }}>
          <EmptyState title={empty.title}>{empty.text}</EmptyState>
        </Box>
      ) : visible.length === 0 && list.filtered ? (
        <Box sx={{ p: 2 }}>
          <EmptyState title="Nothing matches">
            <Button onClick={clear}>Clear search and filters</Button>
          </EmptyState>
        </Box>
      ) : (
        <QueueTable
          rows={visible}
          variant={list.variant}
          caption={caption}
          ownerId={ownerId}
          now={list.now}
          sort={list.sort}
          onSortChange={list.serverOrder ? undefined : onSortChange}
          selection={selection}
          partial={list.partial}
          appliedSearch={list.appliedSearch}
        />
      )}
    </Panel>
  );
}
