import { lazy, memo, Suspense, useCallback, useMemo, type ComponentProps, type Ref } from 'react';
import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { DecisionButtons } from '../../../components/DecisionButtons.tsx';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { Rows } from '../../../components/Rows.tsx';
import { usePhone } from '../../../components/use-phone.ts';
import type { ActOnItem } from '../../../lib/kinds/kind.ts';
import { useUrlText } from '../../../lib/use-update-search.ts';
import type { ApprovalItemDetails, WorkItem } from '../../../../contract/work-items.ts';
import {
  useAnyDecision,
  useApprovalDecisions,
  useDecision,
  type DecisionStore,
} from '../hooks/use-approval-decisions.ts';
import { decisionButtons, type Decision } from '../rules.ts';
import { APPROVAL_ROW_HEIGHT, ApprovalItemRow, approvalTableStyles } from './ApprovalItemRow.tsx';

// The phone's stacked cards are their own chunk: a desktop never downloads them.
const ApprovalItemCard = lazy(async () => ({ default: (await import('./ApprovalItemCard.tsx')).ApprovalItemCard }));

/** A phone's card, busy while its decision is on its way (read from the store for this card alone). */
const StoredCard = memo(function StoredCard({
  store,
  ...props
}: Omit<ComponentProps<typeof ApprovalItemCard>, 'busy'> & { store: DecisionStore }) {
  const busy = !!useDecision(store, props.item.id);
  return <ApprovalItemCard {...props} busy={busy} />;
});

function matches(a: ApprovalItemDetails, needle: string) {
  return [a.application, a.account, a.value, a.name].some(
    (f) => typeof f === 'string' && f.toLowerCase().includes(needle),
  );
}

/** "Approve all"/"Reject all": disabled while any decision is being sent, read from the store here alone. */
function AllButtons({
  store,
  pendingCount,
  onDecide,
}: {
  store: DecisionStore;
  pendingCount: number;
  onDecide: (decision: Decision) => void;
}) {
  const anyDeciding = useAnyDecision(store);
  return (
    <DecisionButtons
      what="all"
      buttons={decisionButtons}
      disabled={pendingCount === 0 || anyDeciding}
      onDecide={(name) => onDecide(name as Decision)}
    />
  );
}

// The header never changes on a decision: one element for the whole life of the section.
const ApprovalTableHead = memo(function ApprovalTableHead({ readOnly }: { readOnly: boolean }) {
  return (
    <>
      {/* fixed column widths: rows coming and going while scrolling never move the columns */}
      <colgroup>
        <col />
        <col />
        <col style={{ width: 130 }} />
        <col style={{ width: 110 }} />
        <col />
        <col style={{ width: 110 }} />
        {!readOnly && <col style={{ width: 200 }} />}
      </colgroup>
      <TableHead>
        <TableRow>
          <TableCell>Application</TableCell>
          <TableCell>Account</TableCell>
          <TableCell>Attribute</TableCell>
          <TableCell>Operation</TableCell>
          <TableCell>Value</TableCell>
          <TableCell>State</TableCell>
          {!readOnly && <TableCell align="right">Decision</TableCell>}
        </TableRow>
      </TableHead>
    </>
  );
});

const SearchField = memo(function SearchField({
  value,
  onChange,
  phone,
}: {
  value: string;
  onChange: (value: string) => void;
  phone: boolean;
}) {
  return (
    <TextField
      label="Search approval items"
      placeholder="Application, account or value"
      size="small"
      type="search"
      value={value}
      onChange={(e) => onChange(e.target.value)}
      sx={{ minWidth: phone ? 0 : 260, flex: '1 1 260px', maxWidth: 400 }}
    />
  );
});

/**
 * The approval items of a work item: search, "Approve all"/"Reject all" (confirmed), and a decision per row.
 * Rows are virtualised at a fixed height, so a work item with thousands of approval items stays smooth; a
 * decision re-renders its own row only (see useApprovalDecisions).
 */
export function ApprovalItemsSection({
  item,
  readOnly,
  act,
  ownerId,
}: {
  item: WorkItem;
  readOnly: boolean;
  act: ActOnItem;
  ownerId: string | undefined;
}) {
  // What is typed is local state (the URL follows it): an input bound to the URL alone loses keystrokes typed
  // faster than the router re-renders.
  const [search, setSearch] = useUrlText('q');
  const decisions = useApprovalDecisions(item, act, ownerId);
  // a phone stacks each item with full-width buttons instead of a seven-column table
  const phone = usePhone();
  const { store, pendingCount, decideOne } = decisions;

  const all = useMemo(() => (item.approvalItems ?? []).filter((a): a is ApprovalItemDetails => !!a), [item]);
  const shown = useMemo(() => {
    const needle = search.trim().toLowerCase();
    return needle ? all.filter((a) => matches(a, needle)) : all;
  }, [all, search]);
  const renderRow = useCallback(
    (index: number, measure?: Ref<HTMLTableRowElement>) => {
      const a = shown[index];
      const props = { item: a, index, readOnly, disabled: false, store, onDecide: decideOne };
      return phone ? (
        <StoredCard key={a.id ?? index} {...props} measure={measure} />
      ) : (
        <ApprovalItemRow key={a.id ?? index} {...props} />
      );
    },
    [shown, readOnly, store, decideOne, phone],
  );

  return (
    <Paper variant="outlined" component="section" aria-labelledby="approval-items-heading" sx={{ mb: 3 }}>
      <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap', p: 2 }}>
        <Typography id="approval-items-heading" variant="h6" component="h2">
          Approval items{' '}
          <Box component="span" sx={{ color: 'text.secondary', fontWeight: 400, fontSize: '1rem' }}>
            ({pendingCount} pending of {all.length})
          </Box>
        </Typography>
        <SearchField value={search} onChange={setSearch} phone={phone} />
        <Box sx={{ flexGrow: 1 }} />
        {!readOnly && <AllButtons store={store} pendingCount={pendingCount} onDecide={decisions.decideAll} />}
      </Box>
      {decisions.error && (
        <Box sx={{ px: 2, pb: 2 }}>
          <ErrorAlert error={decisions.error.error} title={decisions.error.title} onRetry={decisions.error.retry} />
        </Box>
      )}
      {shown.length === 0 ? (
        <Typography color="text.secondary" sx={{ px: 2, pb: 3 }}>
          {all.length === 0 ? 'This work item has no approval items.' : 'No approval items match the search.'}
        </Typography>
      ) : (
        <Box sx={{ overflowX: 'auto' }}>
          <Table
            aria-labelledby="approval-items-heading"
            sx={phone ? { minWidth: 0 } : { minWidth: 820, ...approvalTableStyles }}
          >
            {phone ? (
              <TableHead>
                <TableRow>
                  <TableCell>Approval item</TableCell>
                </TableRow>
              </TableHead>
            ) : (
              <ApprovalTableHead readOnly={readOnly} />
            )}
            <TableBody>
              <Suspense fallback={null}>
                <Rows
                  count={shown.length}
                  columns={phone ? 1 : readOnly ? 6 : 7}
                  estimate={phone ? 57 : APPROVAL_ROW_HEIGHT}
                  fixed={!phone}
                  renderRow={renderRow}
                />
              </Suspense>
            </TableBody>
          </Table>
        </Box>
      )}
    </Paper>
  );
}
