import type { ReactNode } from 'react';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <Box
      role="status"
      sx={{
        py: 8,
        px: 2,
        textAlign: 'center',
        border: 1,
        borderColor: 'divider',
        borderRadius: 2,
        borderStyle: 'dashed',
      }}
    >
      <Box aria-hidden sx={{ fontSize: 40, lineHeight: 1, mb: 1 }}>
        ✓
      </Box>
      <Typography variant="h6" component="p">
        {title}
      </Typography>
      {children && (
        <Typography color="text.secondary" sx={{ mt: 1 }}>
          {children}
        </Typography>
      )}
    </Box>
  );
}
