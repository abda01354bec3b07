import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { EmptyState } from '../../../components/EmptyState.tsx';
import { useNotify } from '../../../components/notify.tsx';
import { ownerSearch, rememberOwner, useOwnerId } from '../../../app/owner.ts';
import { useWorkItems } from '../api/list-work-items.ts';
import { findCachedWorkItem } from '../api/cache.ts';
import type { WorkItem } from '../../../../contract/work-items.ts';
import type { BulkDecisionMeta, BulkResult, Decision } from '../components/BulkDecisionDialog.tsx';
import { clearBulkResume, readBulkResume } from '../components/use-bulk-run.ts';
import { useSession } from '../../session/api/session.ts';
import { ListError } from '../components/ListError.tsx';
import { ListToolbar } from '../components/ListToolbar.tsx';
import { Pagination } from '../components/Pagination.tsx';
import { SummaryBar } from '../components/SummaryBar.tsx';
import { filterAndSort, pendingApprovalItems, useTableParams } from '../components/table-params.ts';
import { usePersistentSelection } from '../components/use-selection.ts';
import { WorkItemsTable } from '../components/WorkItemsTable.tsx';
import { ForwardSelectedButton } from '../../forward/ForwardSelectedButton.tsx';
import type { ForwardOutcome } from '../../forward/ForwardDialog.tsx';

// The bulk dialog (and MUI's Dialog) is only needed once someone decides a selection: its own chunk.
const BulkDecisionDialog = lazy(async () => ({
  default: (await import('../components/BulkDecisionDialog.tsx')).BulkDecisionDialog,
}));

export function InboxPage() {
  const ownerId = useOwnerId();
  const [params, setParams] = useTableParams();
  const query = useWorkItems({ ownerId, limit: params.pageSize, offset: params.page * params.pageSize });
  const queryClient = useQueryClient();
  const notify = useNotify();
  const selection = usePersistentSelection(`wii.selection.${ownerId ?? 'me'}`);
  const [failures, setFailures] = useState<Map<string, string>>(new Map());
  const [bulk, setBulk] = useState<{
    decision: Decision;
    items: WorkItem[];
    skipped: number;
    autoStart?: boolean;
  } | null>(null);
  const { data: session } = useSession();
  // A bulk decision the session expired in the middle of (kept by useBulkRun): offered again after signing in.
  const resumeKey = `wii.bulk-resume.${ownerId ?? 'me'}`;
  const [resumeState, setResumeState] = useState(() => ({
    key: resumeKey,
    value: readBulkResume<BulkDecisionMeta>(resumeKey),
  }));
  if (resumeState.key !== resumeKey)
    setResumeState({ key: resumeKey, value: readBulkResume<BulkDecisionMeta>(resumeKey) });
  const resume = resumeState.value;
  const resumable =
    resume && (!resume.identityId || resume.identityId === session?.identityId) && resume.meta?.decision
      ? resume
      : null;
  /** Work items a bulk call already succeeded for: never sent again, even if they linger in a stale list. */
  const [doneIds, setDoneIds] = useState<ReadonlySet<string>>(new Set());

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

  // A page past the end (e.g. after the last items of the last page were decided): go to the last page.
  useEffect(() => {
    if (total !== undefined && !query.isPlaceholderData && params.page > 0 && params.page * params.pageSize >= total) {
      setParams({ page: Math.max(0, Math.ceil(total / params.pageSize) - 1) }, { replace: true });
    }
  }, [total, params.page, params.pageSize, query.isPlaceholderData, setParams]);

  // The selected work items we know (this page, or any cached copy), split into "can be decided" and the rest.
  const selectedItems = useMemo(() => {
    const byId = new Map(pageItems.map((i) => [i.id, i] as const));
    return [...selection.selected]
      .map((id) => byId.get(id) ?? findCachedWorkItem(queryClient, id))
      .filter((i): i is WorkItem => !!i);
  }, [selection.selected, pageItems, queryClient]);
  const decidable = selectedItems.filter((i) => !doneIds.has(i.id) && pendingApprovalItems(i).length > 0);
  const skipped = selection.selected.size - decidable.length;

  const startBulk = (decision: Decision) => {
    clearBulkResume(resumeKey);
    setResumeState({ key: resumeKey, value: null });
    setBulk({ decision, items: decidable, skipped });
  };
  const resumeBulk = () => {
    if (!resumable) return;
    const byId = new Map(pageItems.map((i) => [i.id, i] as const));
    const items = resumable.remaining
      .filter((r) => !doneIds.has(r.id))
      .map((r) => byId.get(r.id) ?? findCachedWorkItem(queryClient, r.id) ?? ({ id: r.id, name: r.name } as WorkItem));
    clearBulkResume(resumeKey);
    setResumeState({ key: resumeKey, value: null });
    if (items.length) setBulk({ decision: resumable.meta.decision, items, skipped: 0, autoStart: true });
  };
  const dismissResume = () => {
    clearBulkResume(resumeKey);
    setResumeState({ key: resumeKey, value: null });
  };

  const onItemDone = (result: BulkResult) => {
    setFailures((prev) => {
      const next = new Map(prev);
      if (result.ok) next.delete(result.id);
      else next.set(result.id, result.message ?? 'Failed');
      return next;
    });
    if (result.ok) {
      setDoneIds((prev) => new Set(prev).add(result.id));
      selection.remove([result.id]);
    }
  };
  const onBulkClose = (results: BulkResult[]) => {
    const ok = results.filter((r) => r.ok).length;
    if (ok > 0) {
      notify(`${bulk?.decision === 'approve' ? 'Approved' : 'Rejected'} ${ok} work item${ok === 1 ? '' : 's'}`);
    }
    setBulk(null);
  };

  const onForwardDone = ({ results, target }: ForwardOutcome) => {
    const ok = results.filter((r) => r.ok).length;
    if (ok > 0 && target) notify(`Forwarded ${ok} work item${ok === 1 ? '' : 's'} to ${target.name || target.id}`);
  };

  return (
    <>
      <Typography variant="h4" component="h1" sx={{ mb: 2 }}>
        Inbox
      </Typography>
      <SummaryBar ownerId={ownerId} />
      {resumable && !bulk && (
        <Alert
          severity="warning"
          sx={{ mb: 2 }}
          data-testid="bulk-resume"
          action={
            <Box sx={{ display: 'flex', gap: 1 }}>
              <Button color="inherit" size="small" variant="outlined" onClick={resumeBulk}>
                Resume
              </Button>
              <Button color="inherit" size="small" onClick={dismissResume}>
                Dismiss
              </Button>
            </Box>
          }
        >
          {resumable.meta.decision === 'approve' ? 'Approve' : 'Reject'} selected was interrupted when your session
          expired: {resumable.succeeded} done, {resumable.remaining.length} work item
          {resumable.remaining.length === 1 ? '' : 's'} left ({resumable.remaining.map((r) => r.name).join(', ')}).
          Resume sends only those.
        </Alert>
      )}
      {query.isError ? (
        <ListError error={query.error} ownerId={ownerId} onRetry={() => query.refetch()} />
      ) : (
        <Paper variant="outlined">
          <Box sx={{ px: 2, pt: 2 }}>
            <ListToolbar params={params} onChange={(c) => setParams(c, { replace: c.q !== undefined })} types={types}>
              <Typography variant="body2" color="text.secondary" aria-live="polite">
                {selection.selected.size > 0 ? `${selection.selected.size} selected` : ''}
              </Typography>
              <Button
                variant="contained"
                color="success"
                disabled={decidable.length === 0 || bulk !== null}
                onClick={() => startBulk('approve')}
              >
                Approve selected
              </Button>
              <Button
                variant="outlined"
                color="error"
                disabled={decidable.length === 0 || bulk !== null}
                onClick={() => startBulk('reject')}
              >
                Reject selected
              </Button>
              <ForwardSelectedButton
                items={selectedItems.filter((i) => !doneIds.has(i.id))}
                selectedCount={selection.selected.size}
                disabled={bulk !== null}
                onItemDone={onItemDone}
                onDone={onForwardDone}
              />
              {selection.selected.size > 0 && (
                <Button variant="text" onClick={() => selection.clear()} disabled={bulk !== null}>
                  Clear selection
                </Button>
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
              <EmptyState title={ownerId ? 'No pending work items' : 'Your inbox is empty'}>
                Nothing is waiting for a decision. New requests show up here as they arrive.
              </EmptyState>
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
              variant="pending"
              caption="Pending work items"
              detailSearch={ownerSearch(ownerId)}
              sort={params.sort}
              onSortChange={(sort) => setParams({ sort })}
              selection={{ ...selection, failures, disabled: bulk !== null }}
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
      {bulk && (
        <Suspense fallback={null}>
          <BulkDecisionDialog
            decision={bulk.decision}
            items={bulk.items}
            skipped={bulk.skipped}
            onItemDone={onItemDone}
            onClose={onBulkClose}
            autoStart={bulk.autoStart}
            resume={{ key: resumeKey, identityId: session?.identityId }}
          />
        </Suspense>
      )}
    </>
  );
}
