// The account-selection form of a work item, as the detail page shows it: the form to fill in while the item is
// open, the submitted selection once it is completed. The page gives it what it performs (`onSubmit`): the app
// registers it with the work-item kind (src/app/kinds.ts), which shows it in its own chunk.
import { useMemo } from 'react';
import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useNotify } from '../../../components/notify.tsx';
import type { AccountSelection, FormDetails, WorkItem } from '../../../../contract/work-items.ts';
import { buildModel } from '../form-model.ts';
import { SelectionForm } from '../SelectionForm.tsx';
import { SubmittedSelection } from '../SubmittedSelection.tsx';

function FormHeader({ form, headingId }: { form: FormDetails; headingId: string }) {
  return (
    <Box sx={{ mb: 2 }}>
      <Typography id={headingId} variant="h6" component="h2" sx={{ overflowWrap: 'anywhere' }}>
        {form.title || form.name || 'Account selection'}
      </Typography>
      {form.subtitle && (
        <Typography color="text.secondary" sx={{ overflowWrap: 'anywhere' }}>
          {form.subtitle}
        </Typography>
      )}
      {form.targetUser && (
        <Typography sx={{ mt: 0.5, overflowWrap: 'anywhere' }}>
          For: <strong>{form.targetUser}</strong>
        </Typography>
      )}
    </Box>
  );
}

export default function AccountSelectionForm({
  item,
  form,
  readOnly,
  onSubmit,
}: {
  item: WorkItem;
  form: FormDetails;
  readOnly: boolean;
  /** Sends the selection; rejects with the server's refusal (shown by the form). */
  onSubmit: (selection: AccountSelection) => Promise<void>;
}) {
  const notify = useNotify();
  const model = useMemo(() => buildModel(form), [form]);
  const headingId = `form-heading-${item.id}`;
  return (
    <Paper variant="outlined" component="section" aria-labelledby={headingId} sx={{ p: { xs: 2, sm: 3 }, mb: 3 }}>
      <FormHeader form={form} headingId={headingId} />
      {readOnly ? (
        <>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
            The submitted selection:
          </Typography>
          <SubmittedSelection model={model} />
        </>
      ) : (
        <SelectionForm
          workItemId={item.id}
          form={form}
          onSubmit={async (selection) => {
            await onSubmit(selection);
            notify(`Submitted the selection for “${item.name || item.id}”`);
          }}
        />
      )}
    </Paper>
  );
}
