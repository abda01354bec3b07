import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import type { SxProps, Theme } from '@mui/material/styles';
import { SelectField } from '../../../components/fields.tsx';
import { Banner, ProgressBar, Tag } from '../../../components/lite.tsx';
import { usePhone } from '../../../components/use-phone.ts';
import { QUEUE_BOUND_CHOICES } from '../../../lib/queue/bound.ts';
import type { QueueList } from './use-queue-list.ts';
import { formatCount } from '../../../lib/plural.ts';

/** "Load up to": how many items the list loads at most (remembered in this browser). */
export function QueueBoundSelect({ list, sx }: { list: QueueList; sx?: SxProps<Theme> }) {
  const { bound, setBound } = list;
  const boundChoices = (QUEUE_BOUND_CHOICES as readonly number[]).includes(bound)
    ? QUEUE_BOUND_CHOICES
    : [...QUEUE_BOUND_CHOICES, bound].sort((a, b) => a - b);
  return (
    <SelectField label="Load up to" value={String(bound)} onChange={(value) => setBound(Number(value))} sx={sx}>
      {boundChoices.map((b) => (
        <option key={b} value={b}>
          {formatCount(b)} items
        </option>
      ))}
    </SelectField>
  );
}

/**
 * The list's status line, always the same height (nothing below it jumps): how many match, "Loading 750 of
 * 4,210…" while the rest streams in (every kind counted: nothing shows before each has answered), which mode
 * the list is in, and the bound setting.
 */
export function QueueStatus({ list }: { list: QueueList }) {
  const { data, rows, visible, filtered, serverOrder, bound, query } = list;
  // on a phone "Load up to" sits with the filters (ListToolbar), so this line stays one line
  const phone = usePhone();
  const loading = !!data && list.loading;
  const total = data?.total ?? 0;
  const received = Math.min(data?.received ?? 0, data?.target ?? 0);
  const what = list.variant === 'pending' ? 'pending' : 'completed';
  // rows known to the stream but not yet in the index (a render behind) are not "none"
  const indexing = !!data && rows.length === 0 && data.rows.length > 0;
  return (
    <>
      <Box
        sx={{ display: 'flex', gap: 1.5, alignItems: 'center', flexWrap: 'wrap', minHeight: 40 }}
        data-testid="queue-status"
      >
        {/* wide enough for "9,750 loaded so far": the words change as pages arrive, what follows them does not move */}
        <Typography
          component="p"
          aria-live="polite"
          data-testid="match-count"
          sx={{ fontWeight: 500, minWidth: '10rem' }}
        >
          {!data || indexing
            ? 'Loading the list…'
            : filtered
              ? `${formatCount(visible.length)} of ${formatCount(rows.length)}${serverOrder || loading ? ' loaded' : ''} match`
              : loading
                ? `${formatCount(rows.length)} loaded so far`
                : `${formatCount(rows.length)} ${what}${serverOrder ? ` loaded of ${formatCount(total)}` : ''}`}
        </Typography>
        {data && (
          <Tag
            tone={serverOrder ? 'warning' : 'default'}
            data-testid="queue-mode"
            label={serverOrder ? "Server's order" : 'Whole list'}
            title={
              serverOrder
                ? `More than ${formatCount(bound)} items: the first ${formatCount(bound)} in the server's order`
                : 'Every item is loaded: search, filters and sorts cover them all'
            }
          />
        )}
        {loading && (
          <Typography variant="body2" color="text.secondary" role="status" data-testid="queue-progress">
            Loading {formatCount(received)} of {formatCount(data.target)}…
          </Typography>
        )}
        {list.arrived > 0 && (
          // rows that would land above the one being read wait here instead of moving it
          <Button size="small" variant="outlined" onClick={list.showArrived} data-testid="arrived">
            {formatCount(list.arrived)} more arrived — show
          </Button>
        )}
        <Box sx={{ flexGrow: 1 }} />
        {!phone && <QueueBoundSelect list={list} sx={{ minWidth: 120 }} />}
      </Box>
      <Box sx={{ height: 4, my: 0.5 }}>
        {loading ? (
          <ProgressBar value={(received / Math.max(1, data.target)) * 100} label="Loading the whole list" />
        ) : (
          query.isFetching && (
            // not LinearProgress: its indeterminate bar animates left/right, and every frame counted as a layout shift
            <ProgressBar label="Refreshing the list" />
          )
        )}
      </Box>
      {serverOrder && (
        <Banner severity="warning" sx={{ my: 1 }} data-testid="server-order-note">
          {formatCount(total)} {what} items: more than the {formatCount(bound)} this list loads. It shows the first{' '}
          {formatCount(bound)} in the server&apos;s order (newest first); search and filters cover those. Decide them
          and the next ones follow, or load more with &ldquo;Load up to&rdquo;.
        </Banner>
      )}
    </>
  );
}
