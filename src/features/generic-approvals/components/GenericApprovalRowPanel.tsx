// An approval's row expanded in place in the list: what it is for, who asked for whom, the criteria in words, then
// Approve / Reject / Reassign with a comment (the inbox's one rule: held with Undo). Its own chunk, loaded on the
// first expansion.
import { Link } from 'react-router';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import type { RowPanelProps } from '../../../lib/kinds/kind.ts';
import { useGenericApproval } from '../api/get-generic-approval.ts';
import { approvalStatus } from '../api/queue-row.ts';
import { criteriaInWords } from './approval-words.ts';
import { DecisionPanel } from './DecisionPanel.tsx';

export function GenericApprovalRowPanel({ row, ownerId, kind, act, onDone }: RowPanelProps) {
  const query = useGenericApproval(row.id);
  const detail = query.data;
  const approval =
    detail?.status === 'found' && approvalStatus(detail.approval) === 'PENDING' ? detail.approval : undefined;
  return (
    <Box sx={{ display: 'grid', gap: 1 }}>
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', alignItems: 'baseline' }}>
        <Typography sx={{ fontWeight: 600 }}>
          {row.typeLabel}: {row.name}
        </Typography>
        <Typography color="text.secondary">
          {row.requestedFor ? `for ${row.requestedFor}, ` : ''}asked by {row.requester || '—'}
        </Typography>
        <Box sx={{ flexGrow: 1 }} />
        <Button component={Link} to={kind.path(row.id, { ownerId })} size="small">
          Open the approval
        </Button>
      </Box>
      {row.description && <Typography sx={{ overflowWrap: 'anywhere' }}>{row.description}</Typography>}
      {approval && <Typography color="text.secondary">{criteriaInWords(approval)}</Typography>}
      {approval ? (
        <DecisionPanel
          approval={approval}
          ownerId={ownerId}
          kind={kind}
          act={(action, target, input, live) => act(action, target, input, { ...live, onShown: onDone })}
        />
      ) : (
        <Typography color="text.secondary">{query.isError ? 'It could not be loaded.' : 'Loading…'}</Typography>
      )}
    </Box>
  );
}
