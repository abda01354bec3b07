import Paper from '@mui/material/Paper';
import Box from '@mui/material/Box';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { RemediationItemDetails } from '../../../../contract/work-items.ts';

/** What a remediation or manual task asks to change. */
export function RemediationItemsSection({ items }: { items: RemediationItemDetails[] }) {
  return (
    <Paper variant="outlined" component="section" aria-labelledby="remediation-heading" sx={{ mb: 3 }}>
      <Typography id="remediation-heading" variant="h6" component="h2" sx={{ p: 2 }}>
        Remediation items ({items.length})
      </Typography>
      <Box sx={{ overflowX: 'auto' }}>
        <Table aria-labelledby="remediation-heading" sx={{ minWidth: 720 }}>
          <TableHead>
            <TableRow>
              <TableCell>Identity</TableCell>
              <TableCell>Application</TableCell>
              <TableCell>Account</TableCell>
              <TableCell>Attribute</TableCell>
              <TableCell>Operation</TableCell>
              <TableCell>Value</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {items.map((r, i) => (
              <TableRow key={r.id ?? i}>
                <TableCell>{r.targetDisplayName || r.targetName || r.targetId || '—'}</TableCell>
                <TableCell>{r.applicationName || '—'}</TableCell>
                <TableCell sx={{ overflowWrap: 'anywhere' }}>{r.nativeIdentity || '—'}</TableCell>
                <TableCell>{r.attributeName || '—'}</TableCell>
                <TableCell>{r.attributeOperation || '—'}</TableCell>
                <TableCell sx={{ overflowWrap: 'anywhere' }}>{r.attributeValue || '—'}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Box>
    </Paper>
  );
}
