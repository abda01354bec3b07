import { lazy, Suspense } from 'react';
import Skeleton from '@mui/material/Skeleton';
import type { FormDetails, WorkItem } from '../../../../contract/work-items.ts';

// The account-selection form (react-hook-form, Autocomplete, ...) is its own chunk, loaded only for form items.
const AccountSelectionForm = lazy(() => import('../../forms/components/AccountSelectionForm.tsx'));

/** The slot for a work item's form (account selection): src/features/forms/components/AccountSelectionForm.tsx. */
export function FormPanel({ item, form, readOnly }: { item: WorkItem; form: FormDetails; readOnly: boolean }) {
  return (
    <Suspense fallback={<Skeleton variant="rounded" height={240} sx={{ mb: 3 }} aria-label="Loading the form" />}>
      <AccountSelectionForm key={item.id} item={item} form={form} readOnly={readOnly} />
    </Suspense>
  );
}
