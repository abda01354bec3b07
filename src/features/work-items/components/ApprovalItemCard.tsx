import { memo, type Ref } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Typography from '@mui/material/Typography';
import type { ApprovalItemDetails } from '../../../../contract/work-items.ts';
import {
  approvalItemLabel,
  approvalItemStateLabel,
  decisionVerb,
  isPendingApprovalItem,
  type Decision,
} from '../rules.ts';
import { StateChip } from './StateChip.tsx';

const wrap = { overflowWrap: 'anywhere', wordBreak: 'break-word' } as const;
const clamp = (lines: number) =>
  ({ display: '-webkit-box', WebkitBoxOrient: 'vertical', WebkitLineClamp: lines, overflow: 'hidden' }) as const;

/**
 * One approval item on a phone: what it grants stacked in one column, then Approve and Reject across the whole
 * width, each a comfortable touch target. The same props, labels and test ids as the desktop's table row.
 */
export const ApprovalItemCard = memo(function ApprovalItemCard({
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
  busy: boolean;
  disabled: boolean;
  onDecide: (a: ApprovalItemDetails, decision: Decision) => void;
}) {
  const label = approvalItemLabel(a);
  return (
    <tr data-index={index} ref={measure} data-testid="approval-item-row" data-part-row>
      <Box component="td" sx={{ p: 1.5, borderBottom: 1, borderColor: 'divider', verticalAlign: 'top' }}>
        <Box sx={{ display: 'flex', gap: 1, alignItems: 'flex-start' }}>
          <Box sx={{ minWidth: 0, flex: 1 }}>
            <Typography variant="subtitle2" component="p" sx={{ ...wrap, ...clamp(2) }}>
              {a.application || 'Unknown application'}
            </Typography>
            <Typography variant="body2" component="p" sx={{ ...wrap, ...clamp(3) }}>
              <Box component="span" sx={{ color: 'text.secondary' }}>
                {a.operation || 'Change'} {a.name || 'value'}:{' '}
              </Box>
              {a.value || '—'}
            </Typography>
            <Typography variant="body2" component="p" color="text.secondary" sx={{ ...wrap, ...clamp(2) }}>
              Account: {a.account || '—'}
            </Typography>
          </Box>
          <StateChip state={a.state ?? 'Pending'} label={approvalItemStateLabel(a.state)} />
        </Box>
        {!readOnly &&
          (busy ? (
            <Box role="status" sx={{ display: 'flex', gap: 1, alignItems: 'center', color: 'text.secondary', mt: 1 }}>
              <CircularProgress size={16} aria-label={`Saving the decision on ${label}`} />
              <Typography variant="body2">Saving…</Typography>
            </Box>
          ) : isPendingApprovalItem(a) ? (
            <Box sx={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 1, mt: 1.5 }}>
              {(['approve', 'reject'] as const).map((decision) => (
                <Button
                  key={decision}
                  variant="outlined"
                  color={decision === 'approve' ? 'success' : 'error'}
                  aria-label={`${decisionVerb(decision)} ${label}`}
                  data-part-action={decision}
                  disabled={busy || disabled || !a.id}
                  onClick={() => onDecide(a, decision)}
                  disableRipple
                  sx={{ minHeight: 48, width: '100%' }}
                >
                  {decisionVerb(decision)}
                </Button>
              ))}
            </Box>
          ) : (
            <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
              Decided
            </Typography>
          ))}
      </Box>
    </tr>
  );
});
