// Where a detail page puts its actions (Approve, Reject, Mark complete, Forward, Next item): a row of buttons on a
// wide screen; on a phone a column of full-width buttons at least 44 px tall, easy to hit with a thumb.
import { ON_PHONE } from './use-phone.ts';

export const detailActionsSx = {
  display: 'flex',
  gap: 1,
  flexWrap: 'wrap',
  alignItems: 'center',
  [ON_PHONE]: {
    display: 'grid',
    gridTemplateColumns: '1fr',
    width: '100%',
    '& .MuiButton-root': { width: '100%', minHeight: 48 },
  },
} as const;
