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
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { plural } from '../../lib/plural.ts';
import { IdentityPicker, type IdentityOption } from '../identities/components/IdentityPicker.tsx';
import { useQueryClient } from '@tanstack/react-query';
import { settleBulkRun, writeWorkItem } from '../work-items/api/cache.ts';
import { sendWorkItemForward, useForwardWorkItem } from '../work-items/api/send-work-item-forward.ts';
import { BulkProgress } from '../../components/BulkProgress.tsx';
import { rememberForwards } from '../../lib/recent-forwards.ts';
import { useBulkRun, type BulkResult } from '../../lib/use-bulk-run.ts';
import { COMMENT_MAX_LENGTH } from '../../../contract/limits.ts';
import { settleAccessRequests } from '../access-requests/api/cache.ts';
import {
  ACCESS_REQUEST_FORWARD_COMMENT_MAX,
  forwardAccessRequest,
} from '../access-requests/api/forward-access-request.ts';
import { ACCESS_REQUEST_KIND } from '../access-requests/api/queue-row.ts';

/** A work item to forward: its id, a name for the report, and whose it is now. */
export interface ForwardTarget {
  id: string;
  name?: string | null;
  ownerId?: string | null;
  /** QueueRow.kind; absent = a work item. */
  kind?: string;
}

interface ForwardForm {
  target: IdentityOption | null;
  comment: string;
  sendNotifications: boolean;
}

export interface ForwardOutcome {
  results: BulkResult[];
  target: IdentityOption | null;
}

/**
 * "Forward": pick the new owner by name, say why (required), notify them or not. One work item (`mode="one"`):
 * a failure stays in the dialog with the server's message, detailCode and trackingId; a success closes it.
 * Several (`mode="many"`): one forward per work item with progress and a result each, the same run as the bulk
 * decisions; `onItemDone` reports every outcome as it happens.
 */
export default function ForwardDialog({
  items,
  mode = items.length === 1 ? 'one' : 'many',
  skipped = 0,
  onItemDone,
  onClose,
}: {
  items: ForwardTarget[];
  mode?: 'one' | 'many';
  /** Selected work items left out (completed ones cannot be forwarded). */
  skipped?: number;
  onItemDone?: (result: BulkResult) => void;
  /** Called when the dialog closes: after a cancel (no results), a single success, or the end of a run. */
  onClose: (outcome: ForwardOutcome) => void;
}) {
  const queryClient = useQueryClient();
  const forward = useForwardWorkItem();
  const bulk = useBulkRun<ForwardTarget>({ onItemDone: onItemDone ?? noop });
  const [target, setTarget] = useState<IdentityOption | null>(null);
  const { control, handleSubmit, setFocus } = useForm<ForwardForm>({
    defaultValues: { target: null, comment: '', sendNotifications: true },
  });
  // A dialog puts focus on its first field (WAI-ARIA dialog pattern): the person search.
  useEffect(() => {
    const timer = window.setTimeout(() => setFocus('target'), 0);
    return () => window.clearTimeout(timer);
  }, [setFocus]);
  const owners = [...new Set(items.map((i) => i.ownerId).filter((id): id is string => !!id))];
  const busy = forward.isPending || bulk.phase === 'running';
  const single = mode === 'one';
  const first = items[0];
  const hasAccessRequests = items.some((i) => i.kind === ACCESS_REQUEST_KIND);
  // an access request's forward comment is at most 255 characters (a work item's 4,000)
  const commentMax = hasAccessRequests ? ACCESS_REQUEST_FORWARD_COMMENT_MAX : COMMENT_MAX_LENGTH;

  const submit = handleSubmit(async ({ target: chosen, comment, sendNotifications }) => {
    if (!chosen || busy) return;
    setTarget(chosen);
    const request = { targetOwnerId: chosen.id, comment: comment.trim(), sendNotifications };
    if (single) {
      try {
        await forward.mutateAsync({ workItemId: first.id, ...request });
      } catch {
        return; // shown from forward.error, the dialog stays open
      }
      rememberForwards([first.id], chosen.name || chosen.id);
      onClose({ results: [{ id: first.id, name: first.name || first.id, ok: true }], target: chosen });
      return;
    }
    // Many: through the queue runner, the lists refreshed once at the end (not once per item).
    const done = await bulk.run(items, async (item) => {
      if (item.kind === ACCESS_REQUEST_KIND) {
        await forwardAccessRequest({ approvalId: item.id, newOwnerId: chosen.id, comment: request.comment });
        return;
      }
      writeWorkItem(queryClient, await sendWorkItemForward({ workItemId: item.id, ...request }));
    });
    const doneIds = done.filter((r) => r.ok).map((r) => r.id);
    rememberForwards(doneIds, chosen.name || chosen.id);
    await Promise.all([
      settleBulkRun(queryClient, { doneIds, ownerIds: [...items.map((i) => i.ownerId), chosen.id] }),
      hasAccessRequests ? settleAccessRequests(queryClient, doneIds) : undefined,
    ]);
  });

  const close = () => {
    if (!busy) onClose({ results: bulk.results, target });
  };
  const showForm = single || bulk.phase === 'confirm';
  const title = single
    ? `Forward “${first?.name || first?.id}”`
    : bulk.phase === 'done'
      ? 'Forward selected: done'
      : `Forward ${plural(items.length, 'work item')}`;

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
                : `Every selected work item goes to the new owner and leaves this inbox.`}
              {skipped > 0 &&
                ` ${plural(skipped, 'selected work item')} ${skipped === 1 ? 'is' : 'are'} completed and left out.`}
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
                validate: (v) => v.trim() !== '' || 'A comment is required: say why you are forwarding.',
                maxLength: { value: commentMax, message: `At most ${commentMax} characters.` },
              }}
              render={({ field, fieldState }) => (
                <TextField
                  {...field}
                  inputRef={field.ref}
                  label="Comment"
                  required
                  multiline
                  minRows={3}
                  disabled={busy}
                  error={!!fieldState.error}
                  helperText={fieldState.error?.message ?? 'The new owner sees it in the forwarding history.'}
                />
              )}
            />
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
            {single && forward.isError && <ErrorAlert error={forward.error} title="Forward failed" />}
          </Box>
        )}
        {!single && (
          <BulkProgress
            phase={bulk.phase}
            results={bulk.results}
            total={items.length}
            label="Forward"
            okText={target ? `Forwarded to ${target.name || target.id}` : 'Forwarded'}
            successText={`Forwarded ${plural(bulk.succeeded, 'work item')} to ${target?.name || target?.id}.`}
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
              {busy ? 'Forwarding…' : 'Forward'}
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
