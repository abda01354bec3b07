import { memo } from 'react';
import type { ApprovalItemDetails } from '../../../../contract/work-items.ts';
import { useDecision, type DecisionStore } from '../hooks/use-approval-decisions.ts';
import { stateMarkStyles } from '../../../components/StateMark.tsx';
import {
  approvalItemLabel,
  approvalItemStateLabel,
  decisionVerb,
  isPendingApprovalItem,
  type Decision,
} from '../rules.ts';

/** Every approval row has this height (one line per cell): the virtualiser measures nothing while scrolling. */
export const APPROVAL_ROW_HEIGHT = 53;

/** What a decision shows at once, before the server has answered. */
const OPTIMISTIC_STATE: Record<Decision, string> = { approve: 'Finished', reject: 'Rejected' };

/** One line of a value, cut with an ellipsis; the whole of it on hover (title), in the DOM and in the search. */
function Line({ text }: { text: string | null | undefined }) {
  if (!text) return <>—</>;
  return (
    <span className="line" title={text.length > 40 ? text : undefined}>
      {text}
    </span>
  );
}

/**
 * One approval item: what it grants, its state, and (unless read-only) its Approve/Reject buttons. Plain
 * <tr>/<td>/<button> styled once by the section's table (approvalTableStyles): no ripple, no transition, no
 * per-cell style work. Memoised, and the decision in flight is read from the store for this row alone, so a click
 * re-renders this row and nothing else.
 */
export const ApprovalItemRow = memo(function ApprovalItemRow({
  item: a,
  index,
  readOnly,
  disabled,
  store,
  onDecide,
}: {
  item: ApprovalItemDetails;
  index: number;
  readOnly: boolean;
  /** Another decision ("… all") is being saved. */
  disabled: boolean;
  store: DecisionStore;
  onDecide: (a: ApprovalItemDetails, decision: Decision) => void;
}) {
  const deciding = useDecision(store, a.id);
  const label = approvalItemLabel(a);
  const state = deciding ? OPTIMISTIC_STATE[deciding] : a.state || 'Pending';
  const decisionButton = (decision: Decision) => (
    <button
      type="button"
      className={`decide ${decision}`}
      data-part-action={decision}
      aria-label={`${decisionVerb(decision)} ${label}`}
      disabled={disabled || !a.id}
      onClick={() => onDecide(a, decision)}
    >
      {decisionVerb(decision)}
    </button>
  );
  return (
    <tr data-index={index} data-testid="approval-item-row" data-part-row>
      <td>
        <Line text={a.application} />
      </td>
      <td>
        <Line text={a.account} />
      </td>
      <td>
        <Line text={a.name} />
      </td>
      <td>
        <Line text={a.operation} />
      </td>
      <td>
        <Line text={a.value} />
      </td>
      <td>
        <span className="state" data-state={state} title={`ISC state: ${state}`}>
          {approvalItemStateLabel(state)}
        </span>
      </td>
      {!readOnly && (
        <td className="decision">
          {deciding ? (
            <span role="status" aria-label={`Saving the decision on ${label}`} className="muted">
              Saving…
            </span>
          ) : isPendingApprovalItem(a) ? (
            <>
              {decisionButton('approve')}
              {decisionButton('reject')}
            </>
          ) : (
            <span className="muted">Decided</span>
          )}
        </td>
      )}
    </tr>
  );
});

/** The look of MUI's table cells, outlined small buttons and outlined chips, once for the whole table. */
export const approvalTableStyles = {
  tableLayout: 'fixed',
  '& tr[data-index] > td': {
    height: APPROVAL_ROW_HEIGHT,
    boxSizing: 'border-box',
    px: 2,
    py: 0,
    borderBottom: 1,
    borderColor: 'divider',
    fontSize: '0.875rem',
    verticalAlign: 'middle',
    overflow: 'hidden',
  },
  '& tbody tr[data-index]:hover': { bgcolor: 'action.hover' },
  '& .line': { display: 'block', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  '& .muted': { color: 'text.secondary' },
  '& td.decision': { textAlign: 'right', whiteSpace: 'nowrap' },
  '& button.decide': {
    font: 'inherit',
    fontSize: '0.8125rem',
    fontWeight: 500,
    lineHeight: '22px',
    px: '9px',
    py: '3px',
    ml: 1,
    minWidth: 64,
    borderRadius: 1,
    border: '1px solid',
    bgcolor: 'transparent',
    cursor: 'pointer',
  },
  '& button.decide.approve': { color: 'success.main', borderColor: 'success.main' },
  '& button.decide.reject': { color: 'error.main', borderColor: 'error.main' },
  '& button.decide:hover:not(:disabled)': { bgcolor: 'action.hover' },
  '& button.decide:focus-visible': { outline: '2px solid', outlineColor: 'primary.main', outlineOffset: 2 },
  '& button.decide:disabled': { color: 'text.disabled', borderColor: 'action.disabledBackground', cursor: 'default' },
  ...stateMarkStyles,
} as const;
