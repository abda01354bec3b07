import Typography from '@mui/material/Typography';
import { ExportCsvButton } from '../history/ExportCsvButton.tsx';
import { ListTriage } from '../keyboard/ListTriage.tsx';
import { ListPanel } from '../list/ListPanel.tsx';
import { useQueueList } from '../list/use-queue-list.ts';

export function CompletedPage() {
  const list = useQueueList('completed');
  return (
    <>
      <Typography variant="h4" component="h1" sx={{ mb: 2 }}>
        Completed
      </Typography>
      <ListTriage list={list}>
        <ListPanel
          list={list}
          caption="Completed items"
          empty={{ title: 'Nothing completed yet', text: 'What you decide shows up here.' }}
          tools={<ExportCsvButton list={list} />}
        />
      </ListTriage>
    </>
  );
}
