import { SummaryFigure as Figure } from '../../../components/SummaryFigure.tsx';
import { useAccessRequestSummary } from '../api/get-access-request-summary.ts';

/**
 * The access requests' figures for the summary bar: pending, and decided (approved + rejected), of the owner viewed.
 * Nothing when the API cannot be asked (a tenant without it): the list's own error says why.
 */
export function AccessRequestSummary({ ownerId }: { ownerId: string | undefined }) {
  const { data, isError } = useAccessRequestSummary({ ownerId });
  if (isError) return null;
  const decided = data ? (data.approved ?? 0) + (data.rejected ?? 0) : undefined;
  return (
    <>
      <Figure label="Access requests" value={data ? (data.pending ?? 0) : undefined} testId="summary-access-requests" />
      <Figure label="Access requests decided" value={decided} testId="summary-access-requests-decided" />
    </>
  );
}
