import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import { plural } from '../../../lib/plural.ts';
import type { BulkResume } from '../../../lib/use-bulk-run.ts';
import { decisionVerb } from '../rules.ts';
import type { BulkDecisionMeta } from './BulkDecisionDialog.tsx';

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
      {decisionVerb(resume.meta.decision)} selected was interrupted when your session expired: {resume.succeeded} done,{' '}
      {plural(resume.remaining.length, 'work item')} left ({resume.remaining.map((r) => r.name).join(', ')}). Resume
      sends only those.
    </Alert>
  );
}
