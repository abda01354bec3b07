import { Link as RouterLink } from 'react-router';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import { formatDateTime } from '../../../components/format.ts';
import { paths } from '../../../lib/paths.ts';
import { recentForward } from '../../../lib/recent-forwards.ts';

interface ErrorLike {
  status?: number;
  detailCode?: string;
  trackingId?: string;
}

/**
 * A work item the API refuses (403: it belongs to another identity) or does not know (404): in words, with
 * where to look next. A forward made from this tab explains the 403 itself (the item went to someone else).
 * The server's codes stay at the end, small, for support.
 */
export function UnavailableWorkItem({ id, error, ownerId }: { id: string; error: ErrorLike; ownerId?: string }) {
  const forwarded = recentForward(id);
  const notFound = error.status === 404;
  const title = forwarded
    ? 'You forwarded this work item'
    : notFound
      ? 'Work item not found'
      : 'You are not allowed to view this work item';
  const links = (
    <>
      Your pending items are in the{' '}
      <Link component={RouterLink} to={paths.inbox({ ownerId })}>
        inbox
      </Link>
      , decided ones under{' '}
      <Link component={RouterLink} to={paths.completed({ ownerId })}>
        Completed
      </Link>
      .
    </>
  );
  return (
    <>
      <Typography variant="h4" component="h1" sx={{ mb: 2 }}>
        {title}
      </Typography>
      <Alert severity={forwarded ? 'info' : 'warning'} data-testid="work-item-unavailable">
        {forwarded ? (
          <>
            <AlertTitle>
              You forwarded this to {forwarded.toName} on {formatDateTime(forwarded.at)}.
            </AlertTitle>
            It is theirs to decide now, so it is no longer in your inbox. {links}
          </>
        ) : notFound ? (
          <>
            <AlertTitle>There is no work item with this id.</AlertTitle>
            It may have been deleted, or the link is incomplete. {links}
          </>
        ) : (
          <>
            <AlertTitle>This work item belongs to another identity.</AlertTitle>
            It may have been forwarded or reassigned to someone else. {links}
          </>
        )}
        {(error.detailCode || error.trackingId) && (
          <Box sx={{ mt: 1, fontSize: '0.8125rem', opacity: 0.85, overflowWrap: 'anywhere' }}>
            For support: status {error.status}
            {error.detailCode && (
              <>
                {' · '}detailCode <code data-testid="error-detail-code">{error.detailCode}</code>
              </>
            )}
            {error.trackingId && (
              <>
                {' · '}trackingId <code data-testid="error-tracking-id">{error.trackingId}</code>
              </>
            )}
          </Box>
        )}
      </Alert>
    </>
  );
}
