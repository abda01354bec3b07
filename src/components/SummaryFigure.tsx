import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { TextPlaceholder } from './lite.tsx';

/** One figure of the inbox's summary bar (a `<dt>`/`<dd>` pair inside its `<dl>`): a skeleton until it is known. */
export function SummaryFigure({ label, value, testId }: { label: string; value: number | undefined; testId: string }) {
  return (
    <Box sx={{ minWidth: 0 }}>
      <Typography variant="body2" color="text.secondary" component="dt">
        {label}
      </Typography>
      <Typography variant="h5" component="dd" sx={{ m: 0, fontWeight: 600 }} data-testid={testId}>
        {value === undefined ? <TextPlaceholder width={40} /> : value}
      </Typography>
    </Box>
  );
}
