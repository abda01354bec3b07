// The account-selection form of a work item (issue 5): rendered from the item's `form`, validated as the server
// will, submitted through submit-account-selection; read-only (the submitted selection) once the item is completed.
// Loaded lazily by the detail page (src/features/work-items/components/FormPanel.tsx).
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useNotify } from '../../components/notify.tsx';
import { isApiError } from '../../lib/http.ts';
import { useSubmitAccountSelection } from '../work-items/api/submit-account-selection.ts';
import type { AccountSelection, FormDetails, WorkItem } from '../../../contract/work-items.ts';
import { loadDraft, removeDraft, saveDraft } from './draft.ts';
import { FormFieldInput } from './FormFieldInput.tsx';
import {
  buildModel,
  causesByField,
  displayValue,
  initialValues,
  sameValues,
  toSelection,
  valuesByName,
  withDraft,
  type FormModel,
  type FormNode,
  type FormValues,
} from './form-model.ts';
import { useLeaveGuard } from './use-leave-guard.tsx';

const LEAVE_MESSAGE =
  'Your answers in this form are not submitted yet. They stay as a draft in this browser tab, so you can come back to them.';

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

function Section({ label, depth, children }: { label: string; depth: number; children: ReactNode }) {
  return (
    <Box
      component="fieldset"
      sx={{
        border: 0,
        m: 0,
        p: 0,
        minWidth: 0,
        ...(depth > 0 && { pl: 2, borderLeft: 3, borderColor: 'divider', borderLeftStyle: 'solid' }),
      }}
    >
      {label && (
        <Typography
          component="legend"
          variant={depth === 0 ? 'subtitle1' : 'subtitle2'}
          sx={{ fontWeight: 600, mb: 1.5, p: 0, overflowWrap: 'anywhere' }}
        >
          {label}
        </Typography>
      )}
      <Stack spacing={2.5}>{children}</Stack>
    </Box>
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Editing

export interface SelectionFormProps {
  workItemId: string;
  form: FormDetails;
  /** Sends the selection; rejects with an ApiError when the server refuses it. */
  onSubmit: (selection: AccountSelection) => Promise<unknown>;
}

/** The editable form. Exported for component tests (no network): `onSubmit` stands in for the mutation. */
export function SelectionForm({ workItemId, form, onSubmit }: SelectionFormProps) {
  const model = useMemo(() => buildModel(form), [form]);
  const initial = useMemo(() => initialValues(model), [model]);
  const [start] = useState(() => {
    const draft = loadDraft(workItemId);
    const values = withDraft(model, initial, draft?.values ?? null);
    return { values, restored: !sameValues(values, initial) };
  });
  const [serverError, setServerError] = useState<unknown>(null);
  const [showRestored, setShowRestored] = useState(start.restored);

  const { control, handleSubmit, setError, setFocus, reset, formState } = useForm<FormValues>({
    defaultValues: start.values,
    mode: 'onSubmit',
    reValidateMode: 'onChange',
    shouldFocusError: true,
  });
  const values = useWatch({ control }) as FormValues;
  const dirty = !sameValues({ ...initial, ...values }, initial);

  // The draft: saved on every change, dropped when the values are back to the server's.
  useEffect(() => {
    if (dirty) saveDraft(workItemId, valuesByName(model, { ...initial, ...values }));
    else removeDraft(workItemId);
  }, [dirty, values, workItemId, model, initial]);

  const leaveDialog = useLeaveGuard(dirty && !formState.isSubmitSuccessful, LEAVE_MESSAGE);

  const submit = handleSubmit(async (current) => {
    setServerError(null);
    try {
      await onSubmit(toSelection(model, current));
      removeDraft(workItemId);
    } catch (error) {
      // 401: the app sends the user to sign in; the draft brings these values back afterwards.
      if (isApiError(error) && error.status === 401) return;
      setServerError(error);
      if (isApiError(error) && error.status === 400) {
        const { fields } = causesByField(model, error.causes);
        let first = true;
        for (const [key, message] of fields) {
          setError(key, { type: 'server', message }, { shouldFocus: first });
          first = false;
        }
      }
      // a failed submit must not count as submitted (the leave guard stays on)
      throw error;
    }
  });

  const onFormSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    submit(event).catch(() => {
      // shown in the page (field errors and the error alert)
    });
  };

  const invalid = model.fields.filter((f) => formState.errors[f.key]);
  const discard = () => {
    removeDraft(workItemId);
    setServerError(null);
    setShowRestored(false);
    reset(initial);
  };

  const renderNodes = (nodes: FormNode[], depth: number): ReactNode =>
    nodes.map((node) =>
      node.type === 'section' ? (
        <Section key={node.key} label={node.label} depth={depth}>
          {renderNodes(node.children, depth + 1)}
        </Section>
      ) : (
        <FormFieldInput key={node.model.key} model={node.model} control={control} />
      ),
    );

  return (
    <Box component="form" noValidate onSubmit={onFormSubmit} aria-label={form.title || 'Account selection'}>
      {showRestored && (
        <Alert severity="info" sx={{ mb: 2 }} onClose={() => setShowRestored(false)} data-testid="draft-restored">
          Your unsaved answers were restored.
        </Alert>
      )}
      {formState.submitCount > 0 && invalid.length > 0 && (
        <Alert severity="error" sx={{ mb: 2 }} data-testid="form-error-summary">
          <AlertTitle>
            {invalid.length === 1 ? '1 field needs attention' : `${invalid.length} fields need attention`}
          </AlertTitle>
          <Box component="ul" sx={{ m: 0, pl: 2 }}>
            {invalid.map((f) => (
              <li key={f.key}>
                <Link component="button" type="button" color="inherit" onClick={() => setFocus(f.key)}>
                  {f.label}
                </Link>
                : {formState.errors[f.key]?.message}
              </li>
            ))}
          </Box>
        </Alert>
      )}
      <Stack spacing={3}>{renderNodes(model.nodes, 0)}</Stack>
      {serverError !== null && (
        <Box sx={{ mt: 3 }}>
          <ErrorAlert error={serverError} title="The selection was not submitted" />
        </Box>
      )}
      <Box sx={{ display: 'flex', gap: 1, mt: 3, flexWrap: 'wrap', alignItems: 'center' }}>
        <Button
          type="submit"
          variant="contained"
          disabled={formState.isSubmitting}
          startIcon={formState.isSubmitting ? <CircularProgress size={16} color="inherit" /> : undefined}
        >
          Submit selection
        </Button>
        {dirty && (
          <Button type="button" onClick={discard} disabled={formState.isSubmitting}>
            Discard changes
          </Button>
        )}
        {formState.isSubmitting && (
          <Typography role="status" variant="body2" color="text.secondary">
            Submitting…
          </Typography>
        )}
      </Box>
      {leaveDialog}
    </Box>
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Completed: the submitted selection, read-only

function ReadOnlyNodes({ nodes, depth }: { nodes: FormNode[]; depth: number }) {
  const fields = nodes.filter((n) => n.type === 'field');
  const sections = nodes.filter((n) => n.type === 'section');
  return (
    <>
      {fields.length > 0 && (
        <Box
          component="dl"
          sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: 'minmax(160px, 260px) 1fr' }, gap: 1, m: 0 }}
        >
          {fields.map((n) => (
            <Box key={n.model.key} sx={{ display: 'contents' }}>
              <Typography component="dt" color="text.secondary">
                {n.model.label}
              </Typography>
              <Typography component="dd" sx={{ m: 0, overflowWrap: 'anywhere' }} data-field={n.model.field.name}>
                {displayValue(n.model)}
              </Typography>
            </Box>
          ))}
        </Box>
      )}
      {sections.map((n) => (
        <Box
          key={n.key}
          component="section"
          aria-label={n.label || undefined}
          sx={{
            mt: fields.length > 0 ? 2 : 0,
            ...(depth > 0 && { pl: 2, borderLeft: 3, borderColor: 'divider', borderLeftStyle: 'solid' }),
          }}
        >
          {n.label && (
            <Typography component={depth === 0 ? 'h3' : 'h4'} variant="subtitle1" sx={{ fontWeight: 600, mb: 1 }}>
              {n.label}
            </Typography>
          )}
          <ReadOnlyNodes nodes={n.children} depth={depth + 1} />
        </Box>
      ))}
    </>
  );
}

export function SubmittedSelection({ model }: { model: FormModel }) {
  return (
    <Box data-testid="submitted-selection">
      <Stack spacing={2}>
        <ReadOnlyNodes nodes={model.nodes} depth={0} />
      </Stack>
    </Box>
  );
}

// ---------------------------------------------------------------------------------------------------------------
// The panel on the detail page

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
