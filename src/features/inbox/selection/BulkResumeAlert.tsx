import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import type { BulkResume } from '../../../lib/bulk-resume.ts';
import { useKinds } from '../../../lib/kinds/context.ts';
import { plural } from '../../../lib/plural.ts';
import type { BulkDecisionMeta } from './BulkDecisionDialog.tsx';

/** The first few names, and how many more. */
function names(remaining: { name: string }[]): string {
  const shown = remaining.slice(0, 5).map((r) => r.name);
  const more = remaining.length - shown.length;
  return more > 0 ? `${shown.join(', ')} and ${more} more` : shown.join(', ');
}

/** "Approve selected was interrupted when your session expired …" with Resume and Dismiss. */
export function BulkResumeAlert({
  resume,
  onResume,
  onDismiss,
}: {
  resume: BulkResume<BulkDecisionMeta>;
  onResume: () => void;
  onDismiss: () => void;
}) {
  const label = useKinds()
    .flatMap((k) => k.actions)
    .find((a) => a.name === resume.meta.action)?.label;
  const rows = new Set(resume.remaining.map((r) => r.id.split('|')[0])).size;
  return (
    <Alert
      severity="warning"
      sx={{ mb: 2 }}
      data-testid="bulk-resume"
      action={
        <Box sx={{ display: 'flex', gap: 1 }}>
          <Button color="inherit" size="small" variant="outlined" onClick={onResume}>
            Resume
          </Button>
          <Button color="inherit" size="small" onClick={onDismiss}>
            Dismiss
          </Button>
        </Box>
      }
    >
      {label ?? 'A decision'} selected was interrupted when your session expired: {resume.succeeded} done,{' '}
      {plural(rows, 'item')} left ({names([...new Map(resume.remaining.map((r) => [r.id.split('|')[0], r])).values()])}
      ). Resume sends only those.
    </Alert>
  );
}
