// What may be done to an approval of ISC's Approvals service: approve and reject (a comment, required where the
// approval's config says so), reassign (a new approver and an optional comment: the inbox's forward dialog). How
// each is sent is runtime.ts (loaded with the first decision). Commenting is the page's own (it decides nothing).
import { APPROVAL_COMMENT_MAX_LENGTH } from '../../../contract/limits.ts';
import type { KindAction } from '../../lib/kinds/kind.ts';
import type { QueueRow } from '../../lib/queue/row.ts';

const why = (row: QueueRow) =>
  row.completed ? `“${row.name}” is decided already` : `A decision on “${row.name}” is being carried out`;

const can = (name: string) => (row: QueueRow) => (row.can[name] ? true : why(row));

const commentFor = (name: string) => (row: QueueRow) =>
  ({ need: row.needsComment?.includes(name) ? 'required' : 'optional', max: APPROVAL_COMMENT_MAX_LENGTH }) as const;

export const GENERIC_APPROVAL_ACTIONS: readonly KindAction[] = [
  {
    name: 'approve',
    type: 'decision',
    label: 'Approve',
    done: 'Approved',
    key: 'a',
    tone: 'success',
    available: can('approve'),
    comment: commentFor('approve'),
  },
  {
    name: 'reject',
    type: 'decision',
    label: 'Reject',
    done: 'Rejected',
    key: 'r',
    tone: 'error',
    available: can('reject'),
    comment: commentFor('reject'),
  },
  {
    name: 'reassign',
    type: 'handover',
    label: 'Reassign',
    done: 'Reassigned',
    key: 'f',
    tone: 'primary',
    available: can('reassign'),
    comment: () => ({ need: 'optional', max: APPROVAL_COMMENT_MAX_LENGTH }),
  },
];
