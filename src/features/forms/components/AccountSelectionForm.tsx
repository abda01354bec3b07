// The account-selection form of a work item, as the detail page shows it: the form to fill in while the item is
// open, the submitted selection once it is completed. Loaded lazily by the detail page
// (src/features/work-items/components/FormPanel.tsx).
import { useMemo } from 'react';
import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useNotify } from '../../../components/notify.tsx';
import { useSubmitAccountSelection } from '../../work-items/api/submit-account-selection.ts';
import type { FormDetails, WorkItem } from '../../../../contract/work-items.ts';
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
}: {
  item: WorkItem;
  form: FormDetails;
  readOnly: boolean;
}) {
  const submit = useSubmitAccountSelection();
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
            await submit.mutateAsync({ workItemId: item.id, selection });
            notify(`Submitted the selection for “${item.name || item.id}”`);
          }}
        />
      )}
    </Paper>
  );
}
