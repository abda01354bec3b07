import Typography from '@mui/material/Typography';
import { ExportCsvButton } from '../components/ExportCsvButton.tsx';
import { WorkItemsListPanel } from '../components/WorkItemsListPanel.tsx';
import { useQueueList } from '../hooks/use-queue-list.ts';
import { ListTriage } from '../keyboard/ListTriage.tsx';

export function CompletedPage() {
  const list = useQueueList('completed');
  return (
    <>
      <Typography variant="h4" component="h1" sx={{ mb: 2 }}>
        Completed
      </Typography>
      <ListTriage list={list}>
        <WorkItemsListPanel
          list={list}
          caption="Completed work items"
          empty={{ title: 'Nothing completed yet', text: 'Work items you decide show up here.' }}
          tools={<ExportCsvButton rows={list.visible} disabled={!list.data?.complete} />}
        />
      </ListTriage>
    </>
  );
}
