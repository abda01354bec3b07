import Button from '@mui/material/Button';
import { PhoneHidden } from './PhoneHidden.tsx';

export interface DecisionButton {
  /** The action's name: `data-action`, which the shortcuts press. */
  name: string;
  label: string;
  tone: 'success' | 'error' | 'primary';
  disabled?: boolean;
  /** The label with its object in it, when not `${label} ${what}`: (what) => `Mark ${what} complete`. */
  sentence?: (what: string) => string;
}

const MARK = '\u0000';

/**
 * "Approve …" (contained, green), "Reject …" (outlined, red) and the like, side by side: `what` names what they
 * decide ("all", "selected"; on a phone "selected" goes without saying).
 */
export function DecisionButtons({
  what,
  buttons,
  disabled = false,
  onDecide,
}: {
  what: string;
  buttons: readonly DecisionButton[];
  disabled?: boolean;
  onDecide: (name: string) => void;
}) {
  return (
    <>
      {buttons.map((b) => (
        <Button
          key={b.name}
          data-action={b.name}
          variant={b.tone === 'success' ? 'contained' : 'outlined'}
          color={b.tone}
          disabled={disabled || b.disabled}
          onClick={() => onDecide(b.name)}
        >
          {/* one span: the button is a flex box */}
          <span>{phrase(b, what)}</span>
        </Button>
      ))}
    </>
  );
}

/** "Approve selected", "Mark selected complete" ("selected" left off screen on a phone), "Approve all". */
function phrase(b: DecisionButton, what: string) {
  const [before, after = ''] = (b.sentence ? b.sentence(MARK) : `${b.label} ${MARK}`).split(MARK);
  return (
    <>
      {before.trimEnd()}
      {what === 'selected' ? <PhoneHidden> {what}</PhoneHidden> : ` ${what}`}
      {after}
    </>
  );
}
