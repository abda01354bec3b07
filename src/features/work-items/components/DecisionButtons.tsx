import Button from '@mui/material/Button';
import { PhoneHidden } from '../../../components/PhoneHidden.tsx';
import { decisionVerb, type Decision } from '../rules.ts';

/** "Approve …" (contained, green) and "Reject …" (outlined, red) side by side: `what` names what they decide. */
export function DecisionButtons({
  what,
  disabled,
  onDecide,
}: {
  /** "all", "selected". */
  what: string;
  disabled: boolean;
  onDecide: (decision: Decision) => void;
}) {
  return (
    <>
      {(['approve', 'reject'] as const).map((decision) => (
        <Button
          key={decision}
          variant={decision === 'approve' ? 'contained' : 'outlined'}
          color={decision === 'approve' ? 'success' : 'error'}
          disabled={disabled}
          onClick={() => onDecide(decision)}
        >
          {/* in the selection bar "selected" goes without saying on a phone (one span: the button is a flex box) */}
          <span>
            {decisionVerb(decision)}
            {what === 'selected' ? <PhoneHidden> {what}</PhoneHidden> : ` ${what}`}
          </span>
        </Button>
      ))}
    </>
  );
}
