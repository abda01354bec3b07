// "Forward": pick the new owner by name, say why, notify them or not — for one item or many, of any kind. It takes
// what it performs as a prop (the inbox builds it from the kinds): one item's failure stays in the dialog with the
// server's message, detailCode and trackingId, a success closes it; several run through the same paced runner as
// the bulk decisions, with progress and a result each.
import { useEffect, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { BulkProgress } from '../../components/BulkProgress.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { IdentityPicker, type IdentityOption } from '../../components/IdentityPicker.tsx';
import type { HandoverDialogProps, HandoverItem } from '../../lib/kinds/kind.ts';
import { count } from '../../lib/kinds/words.ts';
import { useBulkRun } from '../../lib/use-bulk-run.ts';
import { formatCount } from '../../lib/plural.ts';

interface ForwardForm {
  target: IdentityOption | null;
  comment: string;
  sendNotifications: boolean;
}

export default function ForwardDialog({
  action,
  items,
  nouns,
  comment: rule,
  notifyOption,
  skipped,
  perform,
  onItemDone,
  onClose,
}: HandoverDialogProps) {
  const bulk = useBulkRun<HandoverItem>({ onItemDone: onItemDone ?? noop });
  const [owner, setOwner] = useState<{ id: string; name: string } | null>(null);
  const [sending, setSending] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const { control, handleSubmit, setFocus } = useForm<ForwardForm>({
    defaultValues: { target: null, comment: '', sendNotifications: true },
  });
  // A dialog puts focus on its first field (WAI-ARIA dialog pattern): the person search.
  useEffect(() => {
    const timer = window.setTimeout(() => setFocus('target'), 0);
    return () => window.clearTimeout(timer);
  }, [setFocus]);
  const owners = [...new Set(items.map((i) => i.ownerId).filter((id): id is string => !!id))];
  const busy = sending || bulk.phase === 'running';
  const single = items.length === 1;
  const first = items[0];

  const submit = handleSubmit(async ({ target, comment, sendNotifications }) => {
    if (!target || busy) return;
    const chosen = { id: target.id, name: target.name || target.id };
    setOwner(chosen);
    const input = { owner: chosen, comment: comment.trim(), notify: notifyOption ? sendNotifications : undefined };
    if (single) {
      setSending(true);
      setFailure(null);
      try {
        await perform(first, input);
      } catch (error) {
        setFailure(error); // the dialog stays open
        return;
      } finally {
        setSending(false);
      }
      onClose({ results: [{ id: first.id, name: first.name, ok: true }], owner: chosen });
      return;
    }
    await bulk.run(items, (item) => perform(item, input));
  });

  const close = () => {
    if (!busy) onClose({ results: bulk.results, owner });
  };
  const showForm = single || bulk.phase === 'confirm';
  const title = single
    ? `${action.label} “${first?.name}”`
    : bulk.phase === 'done'
      ? `${action.label} selected: done`
      : `${action.label} ${count(items.length, nouns)}`;

  return (
    <Dialog open onClose={close} aria-labelledby="forward-title" fullWidth maxWidth="sm">
      <DialogTitle id="forward-title" sx={{ overflowWrap: 'anywhere' }}>
        {title}
      </DialogTitle>
      <DialogContent>
        {showForm && (
          <Box component="form" id="forward-form" noValidate onSubmit={submit} sx={{ display: 'grid', gap: 2, pt: 1 }}>
            <Typography color="text.secondary">
              {single
                ? 'The new owner decides it from their inbox; it leaves yours.'
                : `Every one of them goes to the new owner and leaves this inbox.`}
              {skipped && ` ${skipped}`}
            </Typography>
            <Controller
              control={control}
              name="target"
              rules={{ validate: (v) => !!v || 'Choose who to forward to.' }}
              render={({ field, fieldState }) => (
                <IdentityPicker
                  label="Forward to"
                  value={field.value}
                  onChange={field.onChange}
                  onBlur={field.onBlur}
                  inputRef={field.ref}
                  excludeIds={owners}
                  required
                  disabled={busy}
                  error={!!fieldState.error}
                  helperText={fieldState.error?.message ?? 'Search by first or last name, alias or email.'}
                />
              )}
            />
            <Controller
              control={control}
              name="comment"
              rules={{
                validate: (v) =>
                  rule.need !== 'required' || v.trim() !== '' || 'A comment is required: say why you are forwarding.',
                maxLength: { value: rule.max, message: `At most ${formatCount(rule.max)} characters.` },
              }}
              render={({ field, fieldState }) => (
                <TextField
                  {...field}
                  inputRef={field.ref}
                  label="Comment"
                  required={rule.need === 'required'}
                  multiline
                  minRows={3}
                  disabled={busy}
                  error={!!fieldState.error}
                  helperText={
                    fieldState.error?.message ??
                    `The new owner sees it in the forwarding history (at most ${formatCount(rule.max)} characters).`
                  }
                />
              )}
            />
            {notifyOption && (
              <Controller
                control={control}
                name="sendNotifications"
                render={({ field }) => (
                  <FormControlLabel
                    label="Send notification"
                    disabled={busy}
                    control={
                      <Checkbox
                        checked={field.value}
                        onChange={(e) => field.onChange(e.target.checked)}
                        onBlur={field.onBlur}
                      />
                    }
                  />
                )}
              />
            )}
            {single && failure !== null && <ErrorAlert error={failure} title={`${action.label} failed`} />}
          </Box>
        )}
        {!single && (
          <BulkProgress
            phase={bulk.phase}
            results={bulk.results}
            total={items.length}
            nouns={nouns}
            label={action.label}
            okText={owner ? `${action.done} to ${owner.name}` : action.done}
            successText={`${action.done} ${count(bulk.succeeded, nouns)} to ${owner?.name}.`}
          />
        )}
      </DialogContent>
      <DialogActions>
        {showForm ? (
          <>
            <Button onClick={close} disabled={busy}>
              Cancel
            </Button>
            <Button type="submit" form="forward-form" variant="contained" disabled={busy || items.length === 0}>
              {busy ? 'Forwarding…' : action.label}
            </Button>
          </>
        ) : bulk.phase === 'running' ? (
          <>
            <Button onClick={bulk.cancel}>Cancel the rest</Button>
            <Button disabled>Forwarding…</Button>
          </>
        ) : (
          <Button variant="contained" onClick={close}>
            Close
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
}

function noop() {}
