// What may be done to an access-request approval: approve (an optional comment), reject (a comment, required when
// the approval says so), forward (a new owner and a comment). How each is sent is runtime.ts (loaded with the first
// decision). Read by the inbox through the kind (kind.ts).
import { APPROVAL_COMMENT_MAX_LENGTH, APPROVAL_FORWARD_COMMENT_MAX_LENGTH } from '../../../contract/limits.ts';
import type { KindAction } from '../../lib/kinds/kind.ts';
import type { QueueRow } from '../../lib/queue/row.ts';

const why = (row: QueueRow) =>
  row.completed ? `“${row.name}” is decided already` : `A decision on “${row.name}” is being carried out`;

const can = (name: string) => (row: QueueRow) => (row.can[name] ? true : why(row));

export const ACCESS_REQUEST_ACTIONS: readonly KindAction[] = [
  {
    name: 'approve',
    type: 'decision',
    label: 'Approve',
    done: 'Approved',
    key: 'a',
    tone: 'success',
    available: can('approve'),
    comment: () => ({ need: 'optional', max: APPROVAL_COMMENT_MAX_LENGTH }),
  },
  {
    name: 'reject',
    type: 'decision',
    label: 'Reject',
    done: 'Rejected',
    key: 'r',
    tone: 'error',
    available: can('reject'),
    comment: (row) => ({
      need: row.needsComment?.includes('reject') ? 'required' : 'optional',
      max: APPROVAL_COMMENT_MAX_LENGTH,
    }),
  },
  {
    name: 'forward',
    type: 'handover',
    label: 'Forward',
    done: 'Forwarded',
    key: 'f',
    tone: 'primary',
    available: can('forward'),
    comment: () => ({ need: 'required', max: APPROVAL_FORWARD_COMMENT_MAX_LENGTH }),
  },
];
