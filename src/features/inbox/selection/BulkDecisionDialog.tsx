import { useEffect, useMemo, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import InputLabel from '@mui/material/InputLabel';
import OutlinedInput from '@mui/material/OutlinedInput';
import Typography from '@mui/material/Typography';
import { BulkProgress } from '../../../components/BulkProgress.tsx';
import { flushHeld } from '../../../lib/held.ts';
import { sendRequest } from '../../../lib/http.ts';
import { runtimeOf } from '../../../lib/kinds/runtime.ts';
import { useKinds } from '../../../lib/kinds/context.ts';
import type { Nouns } from '../../../lib/kinds/kind.ts';
import { actionSentence, count, decisionObject, itemNouns } from '../../../lib/kinds/words.ts';
import { useBulkRun, type BulkResult } from '../../../lib/use-bulk-run.ts';
import { planSteps, rowResults, runCommentRule, type BulkStep, type BulkTarget } from './bulk-plan.ts';
import { formatCount } from '../../../lib/plural.ts';

/** "Decide all 500 pending approval items of this work item, not only the 11 the search matched". */
function widenLabel(partial: readonly BulkTarget[], parts: Nouns, items: Nouns): string {
  const all = partial.reduce((n, t) => n + t.pendingCount, 0);
  const matched = partial.reduce((n, t) => n + (t.subItemIds?.length ?? 0), 0);
  const which = partial.length === 1 ? `this ${items.one}` : `these ${count(partial.length, items)}`;
  return `Decide all ${count(all, { one: `pending ${parts.one}`, many: `pending ${parts.many}` })} of ${which}, not only the ${formatCount(matched)} the search matched`;
}

/** What a bulk action keeps besides the undone steps when the session expires during its run. */
export interface BulkDecisionMeta {
  action: string;
  comment?: string;
}

/**
 * "Approve selected" / "Reject selected" / "Mark selected complete", every kind at once: confirm (exact numbers:
 * "Reject 31 approval items in 5 work items and 2 access requests?", a comment when some of them take one), then
 * one request per item — or per sub-item, for the rows a search matched only in part, unless widened on purpose —
 * through the paced runner, with progress and Cancel; at the end a result per row. `onItemDone` reports each row
 * as soon as all its requests are answered, so a success leaves the selection before anything can send it again.
 */
export function BulkDecisionDialog({
  action: actionName,
  targets,
  skipped,
  onItemDone,
  onClose,
  resume,
  autoStart,
}: {
  action: string;
  targets: BulkTarget[];
  /** How many selected rows it does not apply to (left out). */
  skipped: number;
  onItemDone: (result: BulkResult) => void;
  onClose: (results: BulkResult[]) => void;
  /** Where to keep the undone steps if the session expires during the run (see useBulkRun), and whose they are. */
  resume?: { key: string; identityId?: string };
  /** Start at once, without the confirmation (resuming a run the user already confirmed), with this comment. */
  autoStart?: { comment?: string };
}) {
  const kinds = useKinds();
  const queryClient = useQueryClient();
  const action = kinds.flatMap((k) => k.actions).find((a) => a.name === actionName)!;
  const [widened, setWidened] = useState(false);
  const [comment, setComment] = useState(autoStart?.comment ?? '');
  const [commentError, setCommentError] = useState(false);
  const [rowsDone, setRowsDone] = useState<BulkResult[]>([]);
  // rows a search matched in part, for an action that decides sub-items one by one: those, unless widened
  const perPart = (kind: string) =>
    kinds.some((k) => k.name === kind && k.actions.some((a) => a.name === actionName && a.perPart));
  const partial = targets.filter((t) => t.subItemIds && perPart(t.kind));
  const runTargets = useMemo(
    () => (widened ? targets.map((t) => ({ ...t, subItemIds: undefined })) : targets),
    [widened, targets],
  );
  const rule = runCommentRule(kinds, actionName, targets);
  const nouns = itemNouns(kinds.filter((k) => targets.some((t) => t.kind === k.name)));
  const what = decisionObject(kinds, runTargets, actionName);
  // the run reports steps; the selection hears about a row once all its steps are answered
  const report = useRef<(result: BulkResult) => void>(() => {});
  const [onStep] = useState(() => (result: BulkResult) => report.current(result));
  const bulk = useBulkRun<BulkStep, BulkDecisionMeta>({
    onItemDone: onStep,
    resume: resume && { key: resume.key, identityId: resume.identityId, meta: { action: actionName, comment } },
  });
  const { phase } = bulk;

  const run = async () => {
    flushHeld();
    const input = { comment: comment.trim() || undefined };
    const involved = kinds.filter((k) => runTargets.some((t) => t.kind === k.name));
    const runtimes = new Map(await Promise.all(involved.map(async (k) => [k, await runtimeOf(k)] as const)));
    const steps = planSteps(kinds, runtimes, actionName, runTargets, input);
    report.current = rowResults(steps, (result) => {
      setRowsDone((done) => [...done, result]);
      onItemDone(result);
    });
    const answers = new Map<string, unknown>();
    const outcomes = await bulk.run(steps, async (step) => {
      const answer = await sendRequest(step.request);
      answers.set(step.id, answer);
      step.runtime.cache.shown(queryClient, step.request);
    });
    // once per kind at the end: the answers written, each owner's lists refreshed (not once per item)
    // the report lists the rows in the order of the run, whatever order they finished in
    const order = new Map(targets.map((t, i) => [t.id, i] as const));
    setRowsDone((done) => [...done].sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0)));
    const ok = new Set(outcomes.filter((o) => o.ok).map((o) => o.id));
    await Promise.all(
      [...runtimes].map(async ([kind, { cache }]) => {
        const done = steps.filter((s) => s.kind === kind && ok.has(s.id));
        if (!done.length) return;
        await cache.settled(
          queryClient,
          done.map((s) => s.request),
          done.map((s) => answers.get(s.id)),
        );
        await cache.refresh(queryClient, [...new Set(targets.map((t) => t.ownerId))]);
      }),
    );
  };

  useEffect(() => {
    // once, on mount (a resumed run), after the first paint: the run itself ignores a second start
    if (autoStart) queueMicrotask(() => void run());
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const close = () => {
    if (phase !== 'running') onClose(rowsDone);
  };
  const start = () => {
    if (rule.need === 'required' && !comment.trim()) setCommentError(true);
    else void run();
  };
  const succeeded = rowsDone.filter((r) => r.ok).length;
  const partsNoun = kinds.find((k) => partial.some((t) => t.kind === k.name))?.partNouns;

  return (
    <Dialog open onClose={close} aria-labelledby="bulk-title" fullWidth maxWidth="sm">
      <DialogTitle id="bulk-title">
        {phase === 'done' ? `${actionSentence(action, 'selected')}: done` : `${actionSentence(action, what)}?`}
      </DialogTitle>
      <DialogContent>
        {phase === 'confirm' && (
          <>
            <Typography>
              {actionSentence(action, what)}.{action.name === 'reject' && ' The requested access will not be granted.'}
            </Typography>
            {partial.length > 0 && partsNoun && (
              <FormControlLabel
                sx={{ mt: 1 }}
                control={<Checkbox checked={widened} onChange={(e) => setWidened(e.target.checked)} />}
                label={widenLabel(partial, partsNoun, kinds.find((k) => k.partNouns === partsNoun)!.nouns)}
              />
            )}
            {rule.need !== 'none' && (
              // FormControl + OutlinedInput, not TextField: TextField brings Select → Modal into this chunk
              <FormControl fullWidth required={rule.need === 'required'} error={commentError} sx={{ mt: 2 }}>
                <InputLabel htmlFor="bulk-comment">
                  {rule.need === 'required' ? 'Comment' : 'Comment (optional)'}
                </InputLabel>
                <OutlinedInput
                  id="bulk-comment"
                  label={rule.need === 'required' ? 'Comment *' : 'Comment (optional)'}
                  value={comment}
                  onChange={(e) => {
                    setComment(e.target.value);
                    setCommentError(false);
                  }}
                  multiline
                  minRows={2}
                  inputProps={{ maxLength: rule.max, 'aria-describedby': 'bulk-comment-help' }}
                />
                <FormHelperText id="bulk-comment-help">
                  {commentError
                    ? 'A comment is required: at least one of these needs one.'
                    : 'Sent with every one of them that takes a comment.'}
                </FormHelperText>
              </FormControl>
            )}
            {skipped > 0 && (
              <Typography color="text.secondary" sx={{ mt: 1 }}>
                {count(skipped, { one: 'selected item is', many: 'selected items are' })} left out (
                {action.label.toLowerCase()} does not apply to {skipped === 1 ? 'it' : 'them'}).
              </Typography>
            )}
          </>
        )}
        <BulkProgress
          phase={phase}
          results={rowsDone}
          total={targets.length}
          nouns={nouns}
          label={action.label}
          okText={action.done}
          successText={`${action.done} ${count(succeeded, nouns)}.`}
        />
      </DialogContent>
      <DialogActions>
        {phase === 'confirm' && (
          <>
            <Button onClick={close}>Cancel</Button>
            <Button variant="contained" color={action.tone} onClick={start} disabled={targets.length === 0}>
              {actionSentence(action, what)}
            </Button>
          </>
        )}
        {phase === 'running' && (
          <>
            <Button onClick={bulk.cancel}>Cancel the rest</Button>
            <Button disabled>Working…</Button>
          </>
        )}
        {phase === 'done' && (
          <Button variant="contained" onClick={close}>
            Close
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
}
