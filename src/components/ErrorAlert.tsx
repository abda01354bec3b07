import { useState } from 'react';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';

/** What the alert reads from an error: ApiError's fields, or just a message for anything else. */
interface ErrorLike {
  status?: number;
  message?: string;
  detailCode?: string;
  trackingId?: string;
  causes?: string[];
}

export function describeError(error: unknown): ErrorLike {
  if (error && typeof error === 'object') return error as ErrorLike;
  return { message: String(error ?? 'Something went wrong') };
}

/**
 * Shows a failed call the way support needs it: the server's message, its detailCode and its trackingId
 * (with a button that copies the details).
 */
export function ErrorAlert({ error, title, onRetry }: { error: unknown; title?: string; onRetry?: () => void }) {
  const e = describeError(error);
  const [copied, setCopied] = useState(false);
  const details = [
    e.message,
    e.status ? `status: ${e.status}` : null,
    e.detailCode ? `detailCode: ${e.detailCode}` : null,
    e.trackingId ? `trackingId: ${e.trackingId}` : null,
  ]
    .filter(Boolean)
    .join('\n');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(details);
      setCopied(true);
      window.setTimeout(() => setCopied(false), 2000);
    } catch {
      setCopied(false);
    }
  };
  return (
    <Alert
      severity="error"
      role="alert"
      action={
        <Box sx={{ display: 'flex', gap: 1 }}>
          {onRetry && (
            <Button color="inherit" size="small" onClick={onRetry}>
              Try again
            </Button>
          )}
          {e.trackingId && (
            <Button color="inherit" size="small" onClick={copy} aria-label="Copy error details">
              {copied ? 'Copied' : 'Copy'}
            </Button>
          )}
        </Box>
      }
    >
      {title && <AlertTitle>{title}</AlertTitle>}
      <div>{e.message || 'Something went wrong'}</div>
      {e.causes && e.causes.length > 0 && (
        <Box component="ul" sx={{ m: 0, pl: 2 }}>
          {e.causes.map((cause, i) => (
            <li key={i}>{cause}</li>
          ))}
        </Box>
      )}
      {(e.detailCode || e.trackingId) && (
        <Box sx={{ mt: 0.5, fontSize: '0.8125rem', opacity: 0.9 }}>
          {e.detailCode && (
            <span>
              detailCode: <code data-testid="error-detail-code">{e.detailCode}</code>
            </span>
          )}
          {e.detailCode && e.trackingId && ' · '}
          {e.trackingId && (
            <span>
              trackingId: <code data-testid="error-tracking-id">{e.trackingId}</code>
            </span>
          )}
        </Box>
      )}
    </Alert>
  );
}
