import { LazyErrorAlert as ErrorAlert } from '../../../components/ErrorAlertLazy.tsx';

/** A list's failure; a 403 on another owner's items says so plainly. */
export function ListError({ error, ownerId, onRetry }: { error: unknown; ownerId?: string; onRetry: () => void }) {
  const status = (error as { status?: number } | null)?.status;
  if (status === 403 && ownerId) {
    return <ErrorAlert error={error} title="You are not allowed to view another owner's items" />;
  }
  return <ErrorAlert error={error} title="The work items could not be loaded" onRetry={onRetry} />;
}
