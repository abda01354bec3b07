// What may be done to a work item: approve and reject (one approval item, several, or all of them), mark complete,
// forward — each one's label, key, when it applies and its comment rule. How each is sent is runtime.ts (loaded
// with the first decision). Read by the inbox through the kind (kind.ts).
import { COMMENT_MAX_LENGTH } from '../../../contract/limits.ts';
import type { KindAction } from '../../lib/kinds/kind.ts';
import type { QueueRow } from '../../lib/queue/row.ts';

const NO_COMMENT = { need: 'none', max: 0 } as const;

function can(name: string, why: (row: QueueRow) => string) {
  return (row: QueueRow): true | string => (row.can[name] ? true : why(row));
}

const nothingPending = (row: QueueRow) =>
  row.completed ? `“${row.name}” is completed` : `“${row.name}” has no pending approval item`;

/** Approve or reject: one approval item, several, or all of them. */
function decision(name: 'approve' | 'reject'): KindAction {
  return {
    name,
    type: 'decision',
    label: name === 'approve' ? 'Approve' : 'Reject',
    done: name === 'approve' ? 'Approved' : 'Rejected',
    key: name === 'approve' ? 'a' : 'r',
    tone: name === 'approve' ? 'success' : 'error',
    perPart: true,
    available: can(name, nothingPending),
    comment: () => NO_COMMENT,
  };
}

export const WORK_ITEM_ACTIONS: readonly KindAction[] = [
  decision('approve'),
  decision('reject'),
  {
    name: 'complete',
    type: 'decision',
    label: 'Mark complete',
    done: 'Marked complete',
    key: 'e',
    tone: 'primary',
    sentence: (what) => `Mark ${what} complete`,
    available: can('complete', (row) =>
      row.pendingCount
        ? `“${row.name}” has approval items to decide first`
        : row.countLabel === 'Form'
          ? `“${row.name}” is a form: open it to answer`
          : `“${row.name}” cannot be marked complete`,
    ),
    comment: () => NO_COMMENT,
  },
  {
    name: 'forward',
    type: 'handover',
    label: 'Forward',
    done: 'Forwarded',
    key: 'f',
    tone: 'primary',
    notifyOption: true,
    available: can('forward', (row) => `“${row.name}” is completed: it cannot be forwarded`),
    comment: () => ({ need: 'required', max: COMMENT_MAX_LENGTH }),
  },
];
