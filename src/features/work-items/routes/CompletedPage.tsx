import Typography from '@mui/material/Typography';
import { completedWorkItemsQueryOptions } from '../api/get-completed-work-items.ts';
import { useListPage } from '../hooks/use-list-page.ts';
import { WorkItemsListPanel } from '../components/WorkItemsListPanel.tsx';

export function CompletedPage() {
  const list = useListPage(completedWorkItemsQueryOptions);
  const total = list.query.data?.total;
  return (
    <>
      <Typography variant="h4" component="h1" sx={{ mb: 2 }}>
        Completed
      </Typography>
      <WorkItemsListPanel
        {...list}
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
