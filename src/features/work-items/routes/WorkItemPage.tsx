import { lazy, Suspense, useEffect, useState } from 'react';
import { Link as RouterLink, useNavigate, useParams } from 'react-router';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Skeleton from '@mui/material/Skeleton';
import Typography from '@mui/material/Typography';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { useOwnerId } from '../../../lib/owner.ts';
import { paths } from '../../../lib/paths.ts';
import { useWorkItem } from '../api/get-work-item.ts';
import { useWorkItems } from '../api/list-work-items.ts';
import { useHeldActions } from '../hooks/use-held-actions.ts';
import { DetailTriage } from '../keyboard/DetailTriage.tsx';
import { useBackToList } from '../../../lib/list-position.ts';
import { ApprovalItemsSection } from '../components/ApprovalItemsSection.tsx';
import { FormPanel } from '../components/FormPanel.tsx';
import { RemediationItemsSection } from '../components/RemediationItemsSection.tsx';
import { WorkItemHeader } from '../components/WorkItemHeader.tsx';
import { ForwardButton } from '../../forward/components/ForwardButton.tsx';
import { ForwardHistory } from '../../forward/components/ForwardHistory.tsx';
import { approvalDecisions, isCompletable, isOpen, workItemStateLabel } from '../rules.ts';

// Shown only for a refused or unknown id: its own chunk.
const UnavailableWorkItem = lazy(async () => ({
  default: (await import('../components/UnavailableWorkItem.tsx')).UnavailableWorkItem,
}));

/** The next pending work item of the same owner (first page of the inbox, this one left out). */
function useNextItemId(currentId: string, ownerId: string | undefined): { id?: string; loading: boolean } {
  const { data, isPending } = useWorkItems({ ownerId, limit: 25, offset: 0 });
  const next = data?.items.find((i) => i && i.id !== currentId && isOpen(i));
  return { id: next?.id, loading: isPending };
}

function NextItemButton({ currentId, ownerId, primary }: { currentId: string; ownerId?: string; primary: boolean }) {
  const navigate = useNavigate();
  const next = useNextItemId(currentId, ownerId);
  return (
    <Button
      variant={primary ? 'contained' : 'outlined'}
      disabled={!next.id}
      onClick={() => next.id && navigate(paths.workItem(next.id, { ownerId }))}
    >
      Next item
    </Button>
  );
}

export function WorkItemPage() {
  const { id = '' } = useParams();
  const ownerId = useOwnerId();
  const query = useWorkItem(id);
  const held = useHeldActions();
  // "Mark complete" held for its undo window (id of the item), then its failure if the server refused it
  const [completing, setCompleting] = useState<string | null>(null);
  const [completeError, setCompleteError] = useState<unknown>(null);
  const item = query.data;
  const backTo = useBackToList(ownerId);

  useEffect(() => {
    if (item?.name) document.title = `${item.name} · Work Items Inbox`;
    return () => {
      document.title = 'Work Items Inbox';
    };
  }, [item?.name]);

  const back = (
    <Link component={RouterLink} to={backTo.path} sx={{ display: 'inline-block', mb: 1 }} data-shortcut="back">
      {backTo.label}
    </Link>
  );

  if (query.isError && !item) {
    const status = query.error?.status;
    if (status === 404 || status === 403) {
      return (
        <>
          {back}
          <Suspense fallback={null}>
            <UnavailableWorkItem id={id} error={query.error} ownerId={ownerId} />
          </Suspense>
        </>
      );
    }
    return (
      <>
        {back}
        <Typography variant="h4" component="h1" sx={{ mb: 2 }}>
          Work item
        </Typography>
        <ErrorAlert error={query.error} onRetry={() => query.refetch()} />
      </>
    );
  }
  if (!item) {
    return (
      <>
        {back}
        <Skeleton variant="text" width="50%" height={48} />
        <Skeleton variant="rounded" height={160} sx={{ mt: 2 }} />
      </>
    );
  }

  const open = isOpen(item);
  const readOnly = !open;
  const approvalItems = item.approvalItems ?? [];
  const remediationItems = (item.remediationItems ?? []).filter(Boolean);
  const canComplete = isCompletable(item);
  const markComplete = () => {
    setCompleteError(null);
    setCompleting(item.id);
    held
      .markComplete(item.id, item.name || item.id, () => setCompleting(null))
      .sent.then(
        () => setCompleting(null),
        (e: unknown) => {
          setCompleting(null);
          setCompleteError(e);
        },
      );
  };

  return (
    <>
      {back}
      <DetailTriage workItemId={item.id} />
      <Box sx={{ display: 'flex', gap: 2, alignItems: 'flex-start', flexWrap: 'wrap', mb: 2 }}>
        <Box sx={{ flex: '1 1 400px', minWidth: 0 }}>
          <Typography variant="h4" component="h1" sx={{ overflowWrap: 'anywhere' }}>
            {item.name || 'Untitled work item'}
          </Typography>
          {item.description && (
            <Typography color="text.secondary" sx={{ mt: 0.5, overflowWrap: 'anywhere', whiteSpace: 'pre-line' }}>
              {item.description}
            </Typography>
          )}
        </Box>
        <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }} data-slot="work-item-actions">
          {canComplete && (
            <Button variant="contained" onClick={markComplete} disabled={completing === item.id}>
              {completing === item.id ? 'Completing…' : 'Mark complete'}
            </Button>
          )}
          {open && <ForwardButton workItem={item} ownerId={ownerId} />}
          <NextItemButton currentId={item.id} ownerId={ownerId} primary={!open} />
        </Box>
      </Box>
      <Box sx={{ height: 4, mb: 1 }}>
        {query.isFetching && <LinearProgress aria-label="Refreshing the work item" />}
      </Box>
      {!open && (
        <Alert severity={item.state === 'Rejected' ? 'warning' : 'success'} sx={{ mb: 2 }} role="status">
          This work item is completed ({workItemStateLabel(item.state, approvalDecisions(item.approvalItems))}). It is
          read-only.
        </Alert>
      )}
      {completeError !== null && (
        <Box sx={{ mb: 2 }}>
          <ErrorAlert error={completeError} title="Mark complete failed" />
        </Box>
      )}
      {query.isError && (
        <Box sx={{ mb: 2 }}>
          <ErrorAlert
            error={query.error}
            title="The latest version could not be loaded"
            onRetry={() => query.refetch()}
          />
        </Box>
      )}
      {item.errors && item.errors.length > 0 && (
        <Alert severity="error" sx={{ mb: 2 }} data-testid="work-item-errors">
          <strong>Errors reported on this work item</strong>
          <Box component="ul" sx={{ m: 0, pl: 2 }}>
            {item.errors.map((e, i) => (
              <li key={i} style={{ overflowWrap: 'anywhere' }}>
                {e}
              </li>
            ))}
          </Box>
        </Alert>
      )}
      <Paper variant="outlined" sx={{ p: { xs: 1.5, sm: 2 }, mb: 3 }}>
        <WorkItemHeader item={item} />
      </Paper>
      <ForwardHistory entries={item.forwardHistory} />
      {item.form && <FormPanel item={item} form={item.form} readOnly={readOnly} />}
      {(approvalItems.length > 0 || item.type === 'Approval') && (
        <ApprovalItemsSection key={item.id} item={item} readOnly={readOnly} />
      )}
      {remediationItems.length > 0 && <RemediationItemsSection items={remediationItems} />}
    </>
  );
}
