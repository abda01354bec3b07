// An access request's row expanded in place in the list: what is asked, for whom, the requester's reason and any
// separation-of-duties conflict, then Approve / Reject / Forward with a comment (the inbox's one rule: held with
// Undo). Its own chunk, loaded on the first expansion.
import { Link } from 'react-router';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import type { RowPanelProps } from '../../../lib/kinds/kind.ts';
import { useAccessRequest } from '../api/get-access-request.ts';
import { DecisionPanel } from './DecisionPanel.tsx';

export function AccessRequestRowPanel({ row, ownerId, kind, act, onDone }: RowPanelProps) {
  const query = useAccessRequest(row.id);
  const detail = query.data;
  const approval = detail?.status === 'pending' ? detail.approval : undefined;
  const conflicts = approval?.sodViolationContext?.violationCheckResult?.violatedPolicies?.length ?? 0;
  return (
    <Box sx={{ display: 'grid', gap: 1 }}>
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', alignItems: 'baseline' }}>
        <Typography sx={{ fontWeight: 600 }}>
          {row.typeLabel}: {row.name}
        </Typography>
        <Typography color="text.secondary">
          for {row.requestedFor || '—'}, asked by {row.requester || '—'}
        </Typography>
        <Box sx={{ flexGrow: 1 }} />
        <Button component={Link} to={kind.path(row.id, { ownerId })} size="small">
          Open the access request
        </Button>
      </Box>
      {row.description && <Typography sx={{ overflowWrap: 'anywhere' }}>{row.description}</Typography>}
      {conflicts > 0 && (
        <Typography color="error.main" sx={{ fontWeight: 600 }}>
          {conflicts === 1 ? 'One separation-of-duties conflict' : `${conflicts} separation-of-duties conflicts`}: open
          it to see them.
        </Typography>
      )}
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
