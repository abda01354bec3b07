import type { ReactNode } from 'react';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { formatDateTime } from '../../../components/format.ts';
import { RelativeTime } from '../../../components/RelativeTime.tsx';
import type { WorkItem } from '../../../../contract/work-items.ts';
import { StateChip } from './StateChip.tsx';
import { approvalDecisions, typeLabel, workItemStateLabel } from '../rules.ts';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Box sx={{ minWidth: 0 }}>
      <Typography component="dt" variant="body2" color="text.secondary">
        {label}
      </Typography>
      <Typography component="dd" sx={{ m: 0, overflowWrap: 'anywhere' }}>
        {children}
      </Typography>
    </Box>
  );
}

function When({ value }: { value: string | null | undefined }) {
  if (!value) return <>—</>;
  return (
    <>
      {formatDateTime(value)}{' '}
      <Box component="span" sx={{ color: 'text.secondary' }}>
        (<RelativeTime value={value} />)
      </Box>
    </>
  );
}

/** Who asked, who decides, and when, for one work item. */
export function WorkItemHeader({ item }: { item: WorkItem }) {
  return (
    <Box
      component="dl"
      aria-label="Work item details"
      sx={{
        display: 'grid',
        gridTemplateColumns: { xs: 'repeat(2, minmax(0, 1fr))', md: 'repeat(4, minmax(0, 1fr))' },
        gap: 2,
        m: 0,
      }}
    >
      <Field label="Type">{typeLabel(item.type)}</Field>
      <Field label="State">
        <StateChip state={item.state} label={workItemStateLabel(item.state, approvalDecisions(item.approvalItems))} />
      </Field>
      <Field label="Requester">{item.requesterDisplayName || '—'}</Field>
      <Field label="Owner">{item.ownerName || item.ownerId || '—'}</Field>
      <Field label="Created">
        <When value={item.created} />
      </Field>
      <Field label="Modified">
        <When value={item.modified} />
      </Field>
      <Field label="Completed">
        <When value={item.completed} />
      </Field>
      <Field label="ID">
        <Box component="code" sx={{ fontSize: '0.8125rem' }}>
          {item.id}
        </Box>
      </Field>
    </Box>
  );
}
