// An access-request approval's page: what is requested, for whom, by whom and why, separation-of-duties
// conflicts, the decision (Approve, Reject, Forward through the inbox's one rule), earlier reviewers' comments and
// the forwarding history. The inbox adds the shortcuts, the way back and "Next item" (DetailPageProps).
import { useEffect, type ReactNode } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Skeleton from '@mui/material/Skeleton';
import Typography from '@mui/material/Typography';
import type {
  CommentDto,
  CompletedApproval,
  SodViolationContextCheckCompleted,
} from '../../../../contract/access-requests.ts';
import { detailActionsSx } from '../../../components/detail-actions.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { formatDateTime } from '../../../components/format.ts';
import { HandoverHistory } from '../../../components/HandoverHistory.tsx';
import type { DetailPageProps } from '../../../lib/kinds/kind.ts';
import { useAccessRequest } from '../api/get-access-request.ts';
import { approvalRow, objectTypeLabel, requestTypeLabel } from '../api/queue-row.ts';
import { DecisionPanel } from '../components/DecisionPanel.tsx';
const who = (ref: { name?: string | null; id?: string | null } | null | undefined) => ref?.name || ref?.id || '—';

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper variant="outlined" component="section" aria-label={title} sx={{ p: 2, mb: 2 }}>
      <Typography variant="h6" component="h2" sx={{ mb: 1 }}>
        {title}
      </Typography>
      {children}
    </Paper>
  );
}

function Facts({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <Box
      component="dl"
      sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '180px 1fr' }, columnGap: 2, rowGap: 0.5, m: 0 }}
    >
      {rows.map(([label, value]) => (
        <Box key={label} sx={{ display: 'contents' }}>
          {/* on a phone each label stands above its value: smaller, and apart from the value before it */}
          <Typography
            component="dt"
            color="text.secondary"
            sx={{ fontSize: { xs: '0.8125rem', sm: 'inherit' }, mt: { xs: 0.75, sm: 0 } }}
          >
            {label}
          </Typography>
          <Typography component="dd" sx={{ m: 0, overflowWrap: 'anywhere' }}>
            {value}
          </Typography>
        </Box>
      ))}
    </Box>
  );
}

function Comments({ comments, empty }: { comments: (CommentDto | null | undefined)[]; empty: string }) {
  const shown = comments.filter((c): c is CommentDto => !!c?.comment);
  if (!shown.length) return <Typography color="text.secondary">{empty}</Typography>;
  return (
    <Box component="ul" sx={{ m: 0, pl: 0, listStyle: 'none', display: 'grid', gap: 1 }}>
      {shown.map((c, i) => (
        <li key={i}>
          <Typography sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{c.comment}</Typography>
          <Typography variant="body2" color="text.secondary">
            {who(c.author)}
            {c.created ? ` · ${formatDateTime(c.created)}` : ''}
          </Typography>
        </li>
      ))}
    </Box>
  );
}

function SodViolations({ sod }: { sod: SodViolationContextCheckCompleted | null | undefined }) {
  const result = sod?.violationCheckResult;
  const contexts = result?.violationContexts ?? [];
  const policies = result?.violatedPolicies ?? [];
  if (!sod) return <Typography color="text.secondary">No separation-of-duties check ran.</Typography>;
  if (sod.state === 'ERROR') return <Alert severity="warning">The separation-of-duties check failed.</Alert>;
  if (!contexts.length && !policies.length)
    return <Typography color="text.secondary">No separation-of-duties violations.</Typography>;
  const criteria = (list: { name?: string | null; existing?: boolean | null }[] | null | undefined) =>
    (list ?? []).map((c) => `${c.name ?? '?'}${c.existing ? ' (already held)' : ' (requested)'}`).join(', ');
  return (
    <Box component="ul" sx={{ m: 0, pl: 2 }} data-testid="sod-violations">
      {(contexts.length ? contexts : policies.map((policy) => ({ policy }))).map((c, i) => {
        const conflict = 'conflictingAccessCriteria' in c ? c.conflictingAccessCriteria : undefined;
        return (
          <li key={i}>
            <Typography component="span" color="error.main" sx={{ fontWeight: 600 }}>
              {c.policy?.name || c.policy?.id || 'A policy'}
            </Typography>
            {conflict && (
              <Typography variant="body2" color="text.secondary">
                {criteria(conflict.leftCriteria?.criteriaList)} conflicts with{' '}
                {criteria(conflict.rightCriteria?.criteriaList)}
              </Typography>
            )}
          </li>
        );
      })}
    </Box>
  );
}

function Outcome({ approval }: { approval: CompletedApproval }) {
  const approved = approval.state === 'APPROVED';
  return (
    <Alert severity={approved ? 'success' : 'error'} data-testid="access-request-outcome">
      {approved ? 'Approved' : 'Rejected'} by {who(approval.reviewedBy)}
      {approval.modified ? ` on ${formatDateTime(approval.modified)}` : ''}.
      {approval.reviewerComment?.comment && (
        <Typography sx={{ mt: 0.5, whiteSpace: 'pre-wrap' }}>Comment: {approval.reviewerComment.comment}</Typography>
      )}
    </Alert>
  );
}

export function AccessRequestPage({ id, ownerId, kind, act, back, next, onRow }: DetailPageProps) {
  const query = useAccessRequest(id);
  const detail = query.data;
  const approval = detail && detail.status !== 'not-found' ? detail.approval : undefined;
  const name = approval ? approval.requestedObject?.name || approval.name || approval.id : '';
  const row = approval ? approvalRow(approval, detail?.status === 'completed') : undefined;
  const canDecide = detail?.status === 'pending';

  useEffect(() => {
    if (name) document.title = `${name} · Work Items Inbox`;
    return () => {
      document.title = 'Work Items Inbox';
    };
  }, [name]);
  useEffect(() => onRow(canDecide ? row : undefined), [onRow, row?.id, canDecide]); // eslint-disable-line react-hooks/exhaustive-deps

  if (query.isError && !detail) {
    return (
      <Box sx={{ display: 'grid', gap: 2 }}>
        <ErrorAlert
          error={query.error}
          title="The access request could not be loaded"
          onRetry={() => query.refetch()}
        />
        {back}
      </Box>
    );
  }
  if (!detail) {
    return (
      <Box aria-busy="true">
        <Skeleton variant="text" width="50%" height={48} />
        <Skeleton variant="rectangular" height={200} />
      </Box>
    );
  }
  if (!approval) {
    return (
      <Box sx={{ display: 'grid', gap: 2 }}>
        <Alert severity="info">
          This access request is not among your pending or decided approvals (it may have been forwarded).
        </Alert>
        {back}
      </Box>
    );
  }
  const object = approval.requestedObject ?? {};
  const dates: [string, ReactNode][] = [];
  if (approval.startDate || approval.currentStartDate)
    dates.push(['Starts', formatDateTime(approval.startDate ?? approval.currentStartDate)]);
  if (approval.removeDate || approval.currentRemoveDate)
    dates.push(['Removed on', formatDateTime(approval.removeDate ?? approval.currentRemoveDate)]);

  return (
    <>
      <Box sx={{ mb: 1 }}>{back}</Box>
      <Box sx={{ display: 'flex', gap: 2, alignItems: 'flex-start', flexWrap: 'wrap' }}>
        <Typography variant="h4" component="h1" sx={{ overflowWrap: 'anywhere', flex: '1 1 400px', minWidth: 0 }}>
          {name}
        </Typography>
        <Box sx={detailActionsSx}>{next}</Box>
      </Box>
      <Typography color="text.secondary" sx={{ mb: 2 }} data-testid="access-request-kind">
        {objectTypeLabel(object.type)} · {requestTypeLabel(approval.requestType)} · access request
      </Typography>
      {query.isFetching && <LinearProgress aria-label="Refreshing the access request" sx={{ mb: 1 }} />}
      {detail.status === 'completed' && (
        <Box sx={{ mb: 2 }}>
          <Outcome approval={detail.approval} />
        </Box>
      )}
      <Section title="Request">
        <Facts
          rows={[
            ['Requested', `${objectTypeLabel(object.type)}: ${object.name ?? '—'}`],
            ...(object.description ? ([['Description', object.description]] as [string, ReactNode][]) : []),
            ['For', who(approval.requestedFor)],
            ['Requested by', who(approval.requester)],
            ['Approver', who(approval.owner)],
            ['Created', formatDateTime(approval.created)],
            ...dates,
            ...(approval.requestedAccounts?.length
              ? ([
                  [
                    'Accounts',
                    approval.requestedAccounts
                      .map((a) => `${a.name ?? a.accountId} (${a.sourceName ?? '?'})`)
                      .join(', '),
                  ],
                ] as [string, ReactNode][])
              : []),
          ]}
        />
      </Section>
      <Section title="Requester's comment">
        <Comments comments={[approval.requesterComment]} empty="No comment." />
      </Section>
      <Section title="Separation of duties">
        <SodViolations sod={approval.sodViolationContext} />
      </Section>
      {/* the decision before the history: what is asked, the requester's reason and any conflict are above it */}
      {(detail.status === 'pending' || detail.status === 'decided') && (
        <Section title="Decision">
          {/* one panel while the decision is held: undone, it is as it was (the comment typed included) */}
          <DecisionPanel
            key={approval.id}
            approval={detail.approval}
            ownerId={ownerId}
            kind={kind}
            act={act}
            held={detail.status === 'decided' ? detail.action : undefined}
          />
        </Section>
      )}
      <Section title="Earlier reviewers' comments">
        <Comments comments={approval.previousReviewersComments ?? []} empty="No earlier reviews." />
      </Section>
      <HandoverHistory
        empty="Not forwarded."
        entries={(approval.forwardHistory ?? []).map((f) => ({
          from: f.oldApproverName ?? '?',
          to: f.newApproverName ?? '?',
          by: f.forwarderName && f.forwarderName !== f.oldApproverName ? f.forwarderName : undefined,
          at: f.modified,
          comment: f.comment,
        }))}
      />
    </>
  );
}
