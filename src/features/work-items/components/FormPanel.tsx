import { Suspense, type ComponentType } from 'react';
import Skeleton from '@mui/material/Skeleton';
import type { AccountSelection, FormDetails, WorkItem } from '../../../../contract/work-items.ts';
import { useSubmitAccountSelection } from '../api/submit-account-selection.ts';

/** What the page gives the form it shows (the forms feature's account-selection form, its own chunk). */
export interface FormSlotProps {
  item: WorkItem;
  form: FormDetails;
  readOnly: boolean;
  /** Sends the selection (submitAccountSelection); rejects with the server's refusal. */
  onSubmit: (selection: AccountSelection) => Promise<void>;
}

/** The slot for a work item's form: the form the app registered with the kind, submitted through this kind's API. */
export function FormPanel({
  item,
  form,
  readOnly,
  Form,
}: Omit<FormSlotProps, 'onSubmit'> & { Form: ComponentType<FormSlotProps> }) {
  const submit = useSubmitAccountSelection();
  return (
    <Suspense fallback={<Skeleton variant="rounded" height={240} sx={{ mb: 3 }} aria-label="Loading the form" />}>
      <Form
        key={item.id}
        item={item}
        form={form}
        readOnly={readOnly}
        onSubmit={async (selection) => {
          await submit.mutateAsync({ workItemId: item.id, selection });
        }}
      />
    </Suspense>
  );
}
