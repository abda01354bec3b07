import { useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useUpdateSearch } from '../../../app/use-update-search.ts';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { ConfirmDialog } from '../../../components/ConfirmDialog.tsx';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { useNotify } from '../../../components/notify.tsx';
import { useApproveApprovalItem } from '../api/approve-approval-item.ts';
import { useApproveApprovalItemsInBulk } from '../api/approve-approval-items-in-bulk.ts';
import { useRejectApprovalItem } from '../api/reject-approval-item.ts';
import { useRejectApprovalItemsInBulk } from '../api/reject-approval-items-in-bulk.ts';
import type { ApprovalItemDetails, WorkItem } from '../../../../contract/work-items.ts';
import { StateChip } from './StateChip.tsx';
import { Rows } from './Rows.tsx';

/** "Active Directory: memberOf" — how an approval item is named on its buttons and in messages. */
export function approvalItemLabel(a: ApprovalItemDetails): string {
  return `${a.application || 'Unknown application'}: ${a.name || a.value || a.id || 'item'}`;
}

/** The key of "Approve all"/"Reject all" among the decisions in flight. */
const ALL = '\u0000all';

/** Seeded or real values can be long unbroken strings (DNs, ARNs, hostile data): wrap them inside their column. */
const cellWrap = { overflowWrap: 'anywhere', wordBreak: 'break-word', maxWidth: 320, minWidth: 96 } as const;

/** At most four lines of a value; the whole of it on hover (title) and in the search. */
function Clamped({ text }: { text: string | null | undefined }) {
  if (!text) return <>—</>;
  return (
    <Box
      component="span"
      title={text.length > 120 ? text : undefined}
      sx={{ display: '-webkit-box', WebkitBoxOrient: 'vertical', WebkitLineClamp: 4, overflow: 'hidden' }}
    >
      {text}
    </Box>
  );
}

function isPending(a: ApprovalItemDetails) {
  return !a.state || a.state === 'Pending';
}

function matches(a: ApprovalItemDetails, needle: string) {
  return [a.application, a.account, a.value, a.name].some(
    (f) => typeof f === 'string' && f.toLowerCase().includes(needle),
  );
}

/**
 * The approval items of a work item: search, "Approve all"/"Reject all" (confirmed), and a decision per row.
 * Rows are virtualised, so a work item with thousands of approval items stays smooth.
 */
export function ApprovalItemsSection({ item, readOnly }: { item: WorkItem; readOnly: boolean }) {
  const notify = useNotify();
  const [params] = useSearchParams();
  const updateSearch = useUpdateSearch();
  // What is typed is local state (the URL follows it): an input bound to the URL alone loses keystrokes typed
  // faster than the router re-renders.
  const [search, setSearchText] = useState(() => params.get('q') ?? '');
  const approveOne = useApproveApprovalItem();
  const rejectOne = useRejectApprovalItem();
  const approveAll = useApproveApprovalItemsInBulk();
  const rejectAll = useRejectApprovalItemsInBulk();
  const [busy, setBusy] = useState<ReadonlySet<string>>(new Set());
  const [confirm, setConfirm] = useState<'approve' | 'reject' | null>(null);
  const [error, setError] = useState<{ title: string; error: unknown; retry: () => void } | null>(null);
  // Decisions in flight, updated synchronously: two clicks in the same tick (before React re-renders the
  // disabled button) must not send the decision twice.
  const inFlight = useRef(new Set<string>());

  const all = useMemo(() => (item.approvalItems ?? []).filter((a): a is ApprovalItemDetails => !!a), [item]);
  const pendingCount = all.filter(isPending).length;
  const shown = useMemo(() => {
    const needle = search.trim().toLowerCase();
    return needle ? all.filter((a) => matches(a, needle)) : all;
  }, [all, search]);
  const bulkRunning = approveAll.isPending || rejectAll.isPending;

  const setSearch = (value: string) => {
    setSearchText(value);
    updateSearch((next) => (value ? next.set('q', value) : next.delete('q')), { replace: true });
  };

  const decideOne = (a: ApprovalItemDetails, decision: 'approve' | 'reject') => {
    const id = a.id;
    if (!id || inFlight.current.has(id) || inFlight.current.has(ALL)) return;
    inFlight.current.add(id);
    setBusy((s) => new Set(s).add(id));
    setError(null);
    const mutation = decision === 'approve' ? approveOne : rejectOne;
    mutation.mutate(
      { workItemId: item.id, approvalItemId: id },
      {
        onSuccess: () => notify(`${decision === 'approve' ? 'Approved' : 'Rejected'} ${approvalItemLabel(a)}`),
        onError: (e) =>
          setError({
            title: `${decision === 'approve' ? 'Approving' : 'Rejecting'} ${approvalItemLabel(a)} failed`,
            error: e,
            retry: () => decideOne(a, decision),
          }),
        onSettled: () => {
          inFlight.current.delete(id);
          setBusy((s) => {
            const next = new Set(s);
            next.delete(id);
            return next;
          });
        },
      },
    );
  };

  const decideAll = (decision: 'approve' | 'reject') => {
    if (inFlight.current.size > 0) return;
    inFlight.current.add(ALL);
    setError(null);
    const mutation = decision === 'approve' ? approveAll : rejectAll;
    mutation.mutate(
      { workItemId: item.id },
      {
        onSuccess: () => {
          setConfirm(null);
          notify(
            `${decision === 'approve' ? 'Approved' : 'Rejected'} ${pendingCount} approval item${pendingCount === 1 ? '' : 's'}`,
          );
        },
        onError: (e) => {
          setConfirm(null);
          setError({
            title: `${decision === 'approve' ? 'Approve' : 'Reject'} all failed`,
            error: e,
            retry: () => setConfirm(decision),
          });
        },
        onSettled: () => {
          inFlight.current.delete(ALL);
        },
      },
    );
  };

  return (
    <Paper variant="outlined" component="section" aria-labelledby="approval-items-heading" sx={{ mb: 3 }}>
      <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap', p: 2 }}>
        <Typography id="approval-items-heading" variant="h6" component="h2">
          Approval items{' '}
          <Box component="span" sx={{ color: 'text.secondary', fontWeight: 400, fontSize: '1rem' }}>
            ({pendingCount} pending of {all.length})
          </Box>
        </Typography>
        <TextField
          label="Search approval items"
          placeholder="Application, account or value"
          size="small"
          type="search"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          sx={{ minWidth: 260, flex: '1 1 260px', maxWidth: 400 }}
        />
        <Box sx={{ flexGrow: 1 }} />
        {!readOnly && (
          <>
            <Button
              variant="contained"
              color="success"
              disabled={pendingCount === 0 || bulkRunning || busy.size > 0}
              onClick={() => setConfirm('approve')}
            >
              Approve all
            </Button>
            <Button
              variant="outlined"
              color="error"
              disabled={pendingCount === 0 || bulkRunning || busy.size > 0}
              onClick={() => setConfirm('reject')}
            >
              Reject all
            </Button>
          </>
        )}
      </Box>
      {error && (
        <Box sx={{ px: 2, pb: 2 }}>
          <ErrorAlert error={error.error} title={error.title} onRetry={error.retry} />
        </Box>
      )}
      {shown.length === 0 ? (
        <Typography color="text.secondary" sx={{ px: 2, pb: 3 }}>
          {all.length === 0 ? 'This work item has no approval items.' : 'No approval items match the search.'}
        </Typography>
      ) : (
        <Box sx={{ overflowX: 'auto' }}>
          <Table aria-labelledby="approval-items-heading" sx={{ minWidth: 820 }}>
            <TableHead>
              <TableRow>
                <TableCell>Application</TableCell>
                <TableCell>Account</TableCell>
                <TableCell>Attribute</TableCell>
                <TableCell>Operation</TableCell>
                <TableCell>Value</TableCell>
                <TableCell>State</TableCell>
                {!readOnly && <TableCell align="right">Decision</TableCell>}
              </TableRow>
            </TableHead>
            <TableBody>
              <Rows
                count={shown.length}
                columns={readOnly ? 6 : 7}
                estimate={57}
                renderRow={(index, measure) => {
                  const a = shown[index];
                  const label = approvalItemLabel(a);
                  const rowBusy = !!a.id && busy.has(a.id);
                  return (
                    <TableRow
                      key={a.id ?? index}
                      data-index={index}
                      ref={measure}
                      hover
                      data-testid="approval-item-row"
                    >
                      <TableCell sx={cellWrap}>
                        <Clamped text={a.application} />
                      </TableCell>
                      <TableCell sx={cellWrap}>
                        <Clamped text={a.account} />
                      </TableCell>
                      <TableCell sx={cellWrap}>
                        <Clamped text={a.name} />
                      </TableCell>
                      <TableCell>{a.operation || '—'}</TableCell>
                      <TableCell sx={cellWrap}>
                        <Clamped text={a.value} />
                      </TableCell>
                      <TableCell>
                        <StateChip state={a.state ?? 'Pending'} />
                      </TableCell>
                      {!readOnly && (
                        <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                          {rowBusy ? (
                            <Box
                              role="status"
                              sx={{ display: 'inline-flex', gap: 1, alignItems: 'center', color: 'text.secondary' }}
                            >
                              <CircularProgress size={16} aria-label={`Saving the decision on ${label}`} />
                              <Typography variant="body2">Saving…</Typography>
                            </Box>
                          ) : isPending(a) ? (
                            <Box sx={{ display: 'inline-flex', gap: 1 }}>
                              <Button
                                size="small"
                                variant="outlined"
                                color="success"
                                aria-label={`Approve ${label}`}
                                disabled={rowBusy || bulkRunning || !a.id}
                                onClick={() => decideOne(a, 'approve')}
                              >
                                Approve
                              </Button>
                              <Button
                                size="small"
                                variant="outlined"
                                color="error"
                                aria-label={`Reject ${label}`}
                                disabled={rowBusy || bulkRunning || !a.id}
                                onClick={() => decideOne(a, 'reject')}
                              >
                                Reject
                              </Button>
                            </Box>
                          ) : (
                            <Typography variant="body2" color="text.secondary">
                              Decided
                            </Typography>
                          )}
                        </TableCell>
                      )}
                    </TableRow>
                  );
                }}
              />
            </TableBody>
          </Table>
        </Box>
      )}
      {confirm && (
        <ConfirmDialog
          open
          title={`${confirm === 'approve' ? 'Approve' : 'Reject'} all ${pendingCount} pending approval item${pendingCount === 1 ? '' : 's'}?`}
          confirmLabel={`${confirm === 'approve' ? 'Approve' : 'Reject'} ${pendingCount} item${pendingCount === 1 ? '' : 's'}`}
          confirmColor={confirm === 'approve' ? 'success' : 'error'}
          busy={bulkRunning}
          onClose={() => setConfirm(null)}
          onConfirm={() => decideAll(confirm)}
        >
          {confirm === 'approve' ? 'Approve' : 'Reject'} every pending approval item of “{item.name || item.id}”
          {search ? ', not only the ones the search shows' : ''}. This cannot be undone.
        </ConfirmDialog>
      )}
    </Paper>
  );
}
