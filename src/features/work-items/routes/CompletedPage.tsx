import Typography from '@mui/material/Typography';
import { useOwnerId } from '../../../lib/owner.ts';
import { useCompletedWorkItems } from '../api/get-completed-work-items.ts';
import { useTableParams } from '../hooks/table-params.ts';
import { WorkItemsListPanel } from '../components/WorkItemsListPanel.tsx';

export function CompletedPage() {
  const ownerId = useOwnerId();
  const [params, setParams] = useTableParams();
  const query = useCompletedWorkItems({ ownerId, limit: params.pageSize, offset: params.page * params.pageSize });
  const total = query.data?.total;
  return (
    <>
      <Typography variant="h4" component="h1" sx={{ mb: 2 }}>
        Completed
      </Typography>
      <WorkItemsListPanel
        query={query}
        ownerId={ownerId}
        params={params}
        setParams={setParams}
        variant="completed"
        caption="Completed work items"
        empty={{ title: 'Nothing completed yet', text: 'Work items you decide show up here.' }}
        toolbar={
          total !== undefined && (
            <Typography variant="body2" color="text.secondary" data-testid="completed-total">
              {total} completed in total
            </Typography>
          )
        }
      />
    </>
  );
}
