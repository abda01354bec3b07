// An approval's page (ISC's Approvals service): its name and description in the reader's language, type,
// priority, requester, requestee, what is requested, the due date and what expiry will do, the criteria in words,
// the serial step, the decision (Approve, Reject, Reassign through the inbox's one rule), the comments with "Add
// comment", the reassignment history and its attributes as a plain table. A type the page does not know is shown
// the same way and decided the same way. The inbox adds the shortcuts, the way back and "Next item".
import { useEffect, useState, type ReactNode } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Skeleton from '@mui/material/Skeleton';
import Typography from '@mui/material/Typography';
import type { Approval } from '../../../../contract/generic-approvals.ts';
import { detailActionsSx } from '../../../components/detail-actions.ts';
import { dueText } from '../../../components/due-words.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { formatDateTime } from '../../../components/format.ts';
import type { DetailPageProps } from '../../../lib/kinds/kind.ts';
import { timeOf } from '../../../lib/queue/row.ts';
import { useGenericApproval } from '../api/get-generic-approval.ts';
import {
  accessRequestIdOf,
  approvalDescription,
  approvalName,
  approvalRow,
  approvalStatus,
  approvalTypeLabel,
  decidedBy,
  outcomeLabel,
  PRIORITY_WORDS,
} from '../api/queue-row.ts';
import { attributeRows, criteriaInWords, expiryInWords } from '../components/approval-words.ts';
import { CommentsThread } from '../components/CommentsThread.tsx';
import { DecisionPanel } from '../components/DecisionPanel.tsx';

type Fact = [string, ReactNode];

const who = (ref: { name?: string | null; identityID?: string | null } | null | undefined) =>
  ref?.name || ref?.identityID || '—';

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

function Facts({ rows }: { rows: Fact[] }) {
  return (
    <Box
      component="dl"
      sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '180px 1fr' }, columnGap: 2, rowGap: 0.5, m: 0 }}
    >
      {rows.map(([label, value]) => (
        <Box key={label} sx={{ display: 'contents' }}>
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

const DUE_COLOUR: Record<string, string> = {
  overdue: 'error.main',
  urgent: 'error.main',
  soon: 'warning.dark',
  later: 'text.primary',
};

function DueDate({ approval, now }: { approval: Approval; now: number }) {
  const due = timeOf(approval.dueDate);
  if (!due) return <>No due date. {expiryInWords(approval)}</>;
  const pending = approvalStatus(approval) === 'PENDING';
  const { text, urgency } = dueText(due, now, approval.approvalConfig?.timeoutConfig?.enabled !== false);
  return (
    <span data-testid="approval-due">
      {pending && (
        <Typography component="strong" sx={{ fontWeight: 600, color: DUE_COLOUR[urgency] }}>
          {text[0].toUpperCase() + text.slice(1)}
        </Typography>
      )}
      {pending ? ` (${formatDateTime(approval.dueDate)}). ` : `${formatDateTime(approval.dueDate)}. `}
      {pending && expiryInWords(approval)}
    </span>
  );
}

function Outcome({ approval }: { approval: Approval }) {
  const status = approvalStatus(approval);
  const by = decidedBy(approval);
  const when = approval.completedDate ? ` on ${formatDateTime(approval.completedDate)}` : '';
  return (
    <Alert
      severity={status === 'APPROVED' ? 'success' : status === 'REJECTED' ? 'error' : 'warning'}
      data-testid="approval-outcome"
    >
      {outcomeLabel(approval)}
      {by ? ` by ${by}` : status === 'EXPIRED' ? ': nobody decided before its due date' : ''}
      {when}.
    </Alert>
  );
}

function ReassignmentHistory({ approval }: { approval: Approval }) {
  const entries = approval.reassignmentHistory ?? [];
  if (entries.length === 0) return <Typography color="text.secondary">Not reassigned.</Typography>;
  return (
    <Box component="ol" sx={{ m: 0, pl: 0, listStyle: 'none', display: 'grid', gap: 1 }}>
      {entries.map((h, i) => {
        const how =
          h.reassignmentType === 'ESCALATION'
            ? 'Escalated'
            : h.reassignmentType === 'AUTO_REASSIGNMENT'
              ? 'Reassigned automatically'
              : 'Reassigned';
        const comment = h.commentID ? approval.comments?.find((c) => c?.commentId === h.commentID)?.comment : '';
        return (
          <li key={i} data-testid="reassignment-entry">
            <Typography>
              {how} from <strong>{who(h.reassignedFrom)}</strong> to <strong>{who(h.reassignedTo)}</strong>
              {h.reassigner ? ` by ${who(h.reassigner)}` : ''}
            </Typography>
            <Typography variant="body2" color="text.secondary">
              {h.reassignmentDate ? formatDateTime(h.reassignmentDate) : ''}
              {comment ? ` · ${comment}` : ''}
            </Typography>
          </li>
        );
      })}
    </Box>
  );
}

function Attributes({ approval }: { approval: Approval }) {
  const rows = attributeRows(approval);
  if (rows.length === 0) return <Typography color="text.secondary">No attributes.</Typography>;
  return (
    <Box
      component="table"
      sx={{
        borderCollapse: 'collapse',
        width: '100%',
        '& th, & td': { textAlign: 'left', py: 0.5, pr: 2, borderBottom: 1, borderColor: 'divider' },
        '& td': { overflowWrap: 'anywhere' },
      }}
    >
      <thead>
        <tr>
          <th scope="col">Attribute</th>
          <th scope="col">Value</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([name, value]) => (
          <tr key={name}>
            <td>{name}</td>
            <td>{value}</td>
          </tr>
        ))}
      </tbody>
    </Box>
  );
}

function facts(approval: Approval, now: number): Fact[] {
  const targets = approval.requestedTarget ?? [];
  const accessRequestId = accessRequestIdOf(approval);
  const priority = approval.priority ? (PRIORITY_WORDS[approval.priority]?.label ?? approval.priority) : '—';
  const waiting = (approval.assignedTo ?? []).map(who).join(', ');
  const out: Fact[] = [
    ['Type', `${approvalTypeLabel(approval.type)}${approval.type ? ` (${approval.type})` : ''}`],
    ['Priority', priority],
    ['Requested by', who(approval.requester)],
    ['Requested for', who(approval.requestee)],
    [
      'Requested',
      targets.length
        ? targets
            .map((t) =>
              [t?.name || t?.id || '?', [t?.targetType, t?.requestType].filter(Boolean).join(', ')]
                .filter(Boolean)
                .join(' — '),
            )
            .join('; ')
        : '—',
    ],
    ['Created', formatDateTime(approval.createdDate)],
    ['Due', <DueDate key="due" approval={approval} now={now} />],
    ['Approval criteria', criteriaInWords(approval)],
  ];
  if (approval.approvalCriteria?.type === 'SERIAL' && approval.serialStep)
    out.push(['Serial step', String(approval.serialStep)]);
  if (waiting && approvalStatus(approval) === 'PENDING') out.push(['Waiting on', waiting]);
  if (approval.isEscalated) out.push(['Escalated', `Yes (step ${approval.escalationStep ?? '?'})`]);
  if (accessRequestId) out.push(['Access request', accessRequestId]);
  return out;
}

export function GenericApprovalPage({ id, ownerId, kind, act, back, next, onRow }: DetailPageProps) {
  const query = useGenericApproval(id);
  const detail = query.data;
  const approval = detail && detail.status !== 'not-found' ? detail.approval : undefined;
  const name = approval ? approvalName(approval) : '';
  const pending = detail?.status === 'found' && approvalStatus(detail.approval) === 'PENDING';
  const row = approval ? approvalRow(approval, ownerId) : undefined;
  const [now] = useState(() => Date.now());

  useEffect(() => {
    if (name) document.title = `${name} · Work Items Inbox`;
    return () => {
      document.title = 'Work Items Inbox';
    };
  }, [name]);
  useEffect(() => onRow(pending ? row : undefined), [onRow, row?.id, pending]); // eslint-disable-line react-hooks/exhaustive-deps

  if (query.isError && !detail) {
    return (
      <Box sx={{ display: 'grid', gap: 2 }}>
        <ErrorAlert error={query.error} title="The approval could not be loaded" onRetry={() => query.refetch()} />
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
          This approval is not one of yours (it may have been reassigned), or it does not exist.
        </Alert>
        {back}
      </Box>
    );
  }
  const description = approvalDescription(approval);
  const priority = approval.priority ? PRIORITY_WORDS[approval.priority]?.label : undefined;
  return (
    <>
      <Box sx={{ mb: 1 }}>{back}</Box>
      <Box sx={{ display: 'flex', gap: 2, alignItems: 'flex-start', flexWrap: 'wrap' }}>
        <Typography variant="h4" component="h1" sx={{ overflowWrap: 'anywhere', flex: '1 1 400px', minWidth: 0 }}>
          {name}
        </Typography>
        <Box sx={detailActionsSx}>{next}</Box>
      </Box>
      <Typography color="text.secondary" sx={{ mb: 2 }} data-testid="approval-kind">
        {approvalTypeLabel(approval.type)}
        {priority ? ` · ${priority} priority` : ''} · approval
      </Typography>
      {description && (
        <Typography sx={{ mb: 2, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{description}</Typography>
      )}
      {query.isFetching && <LinearProgress aria-label="Refreshing the approval" sx={{ mb: 1 }} />}
      {detail.status === 'found' && !pending && (
        <Box sx={{ mb: 2 }}>
          <Outcome approval={approval} />
        </Box>
      )}
      <Section title="Approval">
        <Facts rows={facts(approval, now)} />
      </Section>
      {(pending || detail.status === 'decided') && (
        <Section title="Decision">
          <DecisionPanel
            key={approval.id}
            approval={approval}
            ownerId={ownerId}
            kind={kind}
            act={act}
            held={detail.status === 'decided' ? detail.action : undefined}
          />
        </Section>
      )}
      <Section title="Comments">
        <CommentsThread approval={approval} canAdd={detail.status === 'found'} />
      </Section>
      <Section title="Reassignment history">
        <ReassignmentHistory approval={approval} />
      </Section>
      <Section title="Attributes">
        <Attributes approval={approval} />
      </Section>
    </>
  );
}
