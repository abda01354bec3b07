import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import { plural } from '../lib/plural.ts';
import { acknowledgeSentFromEarlier, discardEntry, retryEntry, type OutboxEntry } from '../lib/outbox/outbox.ts';
import { useOutbox } from '../lib/outbox/use-outbox.ts';
import { Banner } from './lite.tsx';

const SHOWN_FAILURES = 3;

/** One decision the server refused for good, with what the user can do about it. */
export function UnsentDecision({ entry }: { entry: OutboxEntry }) {
  return (
    <Box
      component="li"
      sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: 1, listStyle: 'none' }}
      data-testid="unsent-decision"
    >
      <span>
        {entry.label}
        {entry.lastError ? ` — ${entry.lastError}` : ''}
      </span>
      <Button size="small" onClick={() => void retryEntry(entry.id)}>
        Retry
      </Button>
      <Button size="small" color="inherit" onClick={() => void discardEntry(entry.id)}>
        Discard
      </Button>
    </Box>
  );
}

/**
 * What the outbox has to say, app-wide: decisions from an earlier visit that were just sent, decisions waiting to
 * be sent (offline, or retrying), and decisions the server refused, each with Retry and Discard.
 */
export function OutboxNotices() {
  const outbox = useOutbox();
  const { waiting, failed, sentFromEarlier, offline } = outbox;
  return (
    <>
      {sentFromEarlier > 0 && (
        <Banner severity="success" role="status" square data-testid="outbox-sent" onClose={acknowledgeSentFromEarlier}>
          {plural(sentFromEarlier, 'decision')} from your last visit {sentFromEarlier === 1 ? 'was' : 'were'} sent.
        </Banner>
      )}
      {waiting.length > 0 && (
        <Banner
          severity={offline ? 'warning' : 'info'}
          role="status"
          square
          data-testid="outbox-waiting"
          action={
            offline ? undefined : (
              <Button color="inherit" size="small" onClick={() => waiting.forEach((e) => void retryEntry(e.id))}>
                Send now
              </Button>
            )
          }
        >
          {plural(waiting.length, 'decision')} waiting to be sent
          {offline
            ? ': they will be sent when you are back online.'
            : waiting[0].lastError
              ? ` (last try: ${waiting[0].lastError}); trying again.`
              : '.'}
        </Banner>
      )}
      {failed.length > 0 && (
        <Banner severity="error" role="alert" square data-testid="outbox-failed">
          {plural(failed.length, 'decision')} could not be sent:
          <Box component="ul" sx={{ m: 0, p: 0 }}>
            {failed.slice(0, SHOWN_FAILURES).map((entry) => (
              <UnsentDecision key={entry.id} entry={entry} />
            ))}
          </Box>
          {failed.length > SHOWN_FAILURES && `and ${failed.length - SHOWN_FAILURES} more`}
        </Banner>
      )}
    </>
  );
}
