// The question a single decision may ask before it is shown and held: how many sub-items it decides, when several
// ("Approve all 3 pending approval items of “…”?"), and the comment it needs, when it needs one it was not given.
// Its own chunk (with MUI's Dialog): loaded the first time a decision asks.
import { useEffect, useRef, useState } from 'react';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import FormControl from '@mui/material/FormControl';
import FormHelperText from '@mui/material/FormHelperText';
import InputLabel from '@mui/material/InputLabel';
import OutlinedInput from '@mui/material/OutlinedInput';
import type {
  ActionInput,
  ActLive,
  ActionTarget,
  CommentRule,
  InboxKind,
  KindAction,
} from '../../../lib/kinds/kind.ts';
import { count } from '../../../lib/kinds/words.ts';
import { HOLD_MS } from '../../../lib/held.ts';

export interface DecisionAsk {
  kind: InboxKind;
  action: KindAction;
  target: ActionTarget;
  input: ActionInput;
  live: ActLive;
  /** How many sub-items it decides. */
  parts: number;
  rule: CommentRule;
}

/** "Approve all 3 pending approval items of “X”?", "Reject the 11 matching approval items of “X”?", "Reject “X”?". */
export function decisionQuestion({
  kind,
  action,
  target,
  parts,
}: Pick<DecisionAsk, 'kind' | 'action' | 'target' | 'parts'>) {
  const nouns = kind.partNouns;
  if (parts <= 1 || !nouns) return `${action.label} “${target.name}”?`;
  const what = target.subItemIds
    ? `the ${count(parts, { one: `matching ${nouns.one}`, many: `matching ${nouns.many}` })}`
    : `all ${count(parts, { one: `pending ${nouns.one}`, many: `pending ${nouns.many}` })}`;
  return `${action.label} ${what} of “${target.name}”?`;
}

export default function DecisionDialog({
  ask,
  onConfirm,
  onCancel,
}: {
  ask: DecisionAsk;
  onConfirm: (comment: string | undefined) => void;
  onCancel: () => void;
}) {
  const { action, rule, parts, kind } = ask;
  const [comment, setComment] = useState(ask.input.comment ?? '');
  const [missing, setMissing] = useState(false);
  const required = rule.need === 'required';
  // the comment box takes the focus when the decision waits for it; else the confirm button does (Enter decides)
  const field = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (!required) return;
    // after the dialog's own focus handling has run (it focuses the dialog as it opens)
    const timer = window.setTimeout(() => field.current?.focus(), 0);
    return () => window.clearTimeout(timer);
  }, [required]);
  const confirm = () => {
    if (required && !comment.trim()) {
      setMissing(true);
      return;
    }
    onConfirm(comment.trim() || undefined);
  };
  const confirmLabel =
    parts > 1 && kind.partNouns ? `${action.label} ${count(parts, kind.partNouns)}` : `${action.label}`;
  return (
    <Dialog open onClose={onCancel} aria-labelledby="decision-dialog-title">
      <DialogTitle id="decision-dialog-title">{decisionQuestion(ask)}</DialogTitle>
      <DialogContent>
        <DialogContentText component="div">
          {parts > 1 ? 'Every one of them is decided. ' : ''}
          Undo is offered for {HOLD_MS / 1000} seconds before it is sent.
        </DialogContentText>
        {rule.need !== 'none' && (
          // FormControl + OutlinedInput, not TextField: TextField brings Select → Modal into this chunk
          <FormControl fullWidth required={required} error={missing} sx={{ mt: 2 }}>
            <InputLabel htmlFor="decision-comment">{required ? 'Comment' : 'Comment (optional)'}</InputLabel>
            <OutlinedInput
              id="decision-comment"
              label={required ? 'Comment *' : 'Comment (optional)'}
              value={comment}
              inputRef={field}
              onChange={(e) => {
                setComment(e.target.value);
                setMissing(false);
              }}
              multiline
              minRows={2}
              inputProps={{ maxLength: rule.max, 'aria-describedby': 'decision-comment-help' }}
            />
            <FormHelperText id="decision-comment-help">
              {missing
                ? `A comment is required to ${action.label.toLowerCase()} this ${kind.nouns.one}.`
                : required
                  ? `Required to ${action.label.toLowerCase()} this ${kind.nouns.one}.`
                  : 'The requester sees it.'}
            </FormHelperText>
          </FormControl>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onCancel}>Cancel</Button>
        <Button
          variant="contained"
          color={action.tone}
          onClick={confirm}
          ref={(el: HTMLButtonElement | null) => {
            if (!required) el?.focus();
          }}
        >
          {confirmLabel}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
