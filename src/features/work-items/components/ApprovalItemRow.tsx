import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { Ref } from 'react';
import type { ApprovalItemDetails } from '../../../../contract/work-items.ts';
import {
  approvalItemLabel,
  approvalItemStateLabel,
  decisionVerb,
  isPendingApprovalItem,
  type Decision,
} from '../rules.ts';
import { StateChip } from './StateChip.tsx';

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

/** One approval item: what it grants, its state, and (unless read-only) its Approve/Reject buttons. */
export function ApprovalItemRow({
  item: a,
  index,
  measure,
  readOnly,
  busy,
  disabled,
  onDecide,
}: {
  item: ApprovalItemDetails;
  index: number;
  measure?: Ref<HTMLTableRowElement>;
  readOnly: boolean;
  /** Its decision is being saved. */
  busy: boolean;
  /** Another decision ("… all") is being saved. */
  disabled: boolean;
  onDecide: (a: ApprovalItemDetails, decision: Decision) => void;
}) {
  const label = approvalItemLabel(a);
  const decisionButton = (decision: Decision) => (
    <Button
      size="small"
      variant="outlined"
      color={decision === 'approve' ? 'success' : 'error'}
      aria-label={`${decisionVerb(decision)} ${label}`}
      disabled={busy || disabled || !a.id}
      onClick={() => onDecide(a, decision)}
    >
      {decisionVerb(decision)}
    </Button>
  );
  return (
    <TableRow data-index={index} ref={measure} hover data-testid="approval-item-row">
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
        <StateChip state={a.state ?? 'Pending'} label={approvalItemStateLabel(a.state)} />
      </TableCell>
      {!readOnly && (
        <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
          {busy ? (
            <Box role="status" sx={{ display: 'inline-flex', gap: 1, alignItems: 'center', color: 'text.secondary' }}>
              <CircularProgress size={16} aria-label={`Saving the decision on ${label}`} />
              <Typography variant="body2">Saving…</Typography>
            </Box>
          ) : isPendingApprovalItem(a) ? (
            <Box sx={{ display: 'inline-flex', gap: 1 }}>
              {decisionButton('approve')}
              {decisionButton('reject')}
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
}
