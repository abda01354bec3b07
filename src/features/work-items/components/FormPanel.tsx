import Alert from '@mui/material/Alert';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import type { FormDetails, FormItem, WorkItem } from '../types.ts';
import { isSection } from '../types.ts';

function countFields(items: FormItem[] | null | undefined): number {
  return (items ?? []).reduce(
    (n, item) => n + (item && isSection(item) ? countFields(item.formItems) : item ? 1 : 0),
    0,
  );
}

/**
 * The slot for a work item's form (account selection). For now a summary of the form; the account-selection
 * issue replaces this component's body with the real form (same props).
 */
export function FormPanel({ form, readOnly }: { item: WorkItem; form: FormDetails; readOnly: boolean }) {
  const sections = (form.sections ?? []).filter(Boolean);
  const fields = sections.reduce((n, s) => n + countFields(s.formItems), 0);
  return (
    <Paper variant="outlined" component="section" aria-labelledby="form-heading" sx={{ p: 2, mb: 3 }}>
      <Typography id="form-heading" variant="h6" component="h2">
        {form.title || form.name || 'Form'}
      </Typography>
      {form.subtitle && <Typography color="text.secondary">{form.subtitle}</Typography>}
      {form.targetUser && (
        <Typography sx={{ mt: 1 }}>
          For: <strong>{form.targetUser}</strong>
        </Typography>
      )}
      <Typography sx={{ mt: 1 }}>
        {sections.length} section{sections.length === 1 ? '' : 's'} with {fields} field{fields === 1 ? '' : 's'}
        {sections.length > 0 &&
          `: ${sections
            .map((s) => s.label || s.name)
            .filter(Boolean)
            .join(', ')}`}
      </Typography>
      {!readOnly && (
        <Alert severity="info" sx={{ mt: 2 }}>
          Filling in account-selection forms from the inbox is coming soon.
        </Alert>
      )}
    </Paper>
  );
}
