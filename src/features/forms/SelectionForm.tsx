// The editable account-selection form: rendered from the item's `form`, validated as the server will (form-model.ts),
// a draft kept in this tab, a server 400 put on its fields, and "Leave this form?" while answers are unsent.
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { isApiError } from '../../lib/http.ts';
import { plural } from '../../lib/plural.ts';
import type { AccountSelection, FormDetails } from '../../../contract/work-items.ts';
import { loadDraft, removeDraft, saveDraft } from './draft.ts';
import { FormFieldInput } from './FormFieldInput.tsx';
import {
  buildModel,
  causesByField,
  initialValues,
  sameValues,
  toSelection,
  valuesByName,
  withDraft,
  type FormNode,
  type FormValues,
} from './form-model.ts';
import { useLeaveGuard } from './use-leave-guard.tsx';

const LEAVE_MESSAGE =
  'Your answers in this form are not submitted yet. They stay as a draft in this browser tab, so you can come back to them.';

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

  // The draft: saved on every change, dropped when the values are back to the server's or once they are sent (the
  // form re-renders after a successful submit, and must not write the sent values back as a draft).
  const [sent, setSent] = useState(false);
  useEffect(() => {
    if (dirty && !sent) saveDraft(workItemId, valuesByName(model, { ...initial, ...values }));
    else removeDraft(workItemId);
  }, [dirty, sent, values, workItemId, model, initial]);

  const leaveDialog = useLeaveGuard(dirty && !formState.isSubmitSuccessful, LEAVE_MESSAGE);

  const submit = handleSubmit(async (current) => {
    setServerError(null);
    try {
      await onSubmit(toSelection(model, current));
      setSent(true);
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
          <AlertTitle>{plural(invalid.length, 'field needs', 'fields need')} attention</AlertTitle>
          <Box component="ul" sx={{ m: 0, pl: 2 }}>
            {invalid.map((f) => (
              <li key={f.key}>
                {/* the message names the field already ("… is required"): it is the link to it */}
                <Link component="button" type="button" color="inherit" onClick={() => setFocus(f.key)}>
                  {formState.errors[f.key]?.message || f.label}
                </Link>
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
