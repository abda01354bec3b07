import type { ReactNode } from 'react';
import Box from '@mui/material/Box';
import { ON_PHONE } from './use-phone.ts';

const visuallyHidden = {
  border: 0,
  clip: 'rect(0 0 0 0)',
  height: '1px',
  margin: '-1px',
  overflow: 'hidden',
  padding: 0,
  position: 'absolute',
  whiteSpace: 'nowrap',
  width: '1px',
} as const;

/**
 * Words a phone leaves off screen but still reads out: "Mark <selected> complete" shows "Mark complete" on a
 * phone, and its accessible name stays the same on every screen.
 */
export function PhoneHidden({ children }: { children: ReactNode }) {
  return (
    <Box component="span" sx={{ [ON_PHONE]: visuallyHidden }}>
      {children}
    </Box>
  );
}
