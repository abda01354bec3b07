import { useId, type ReactNode } from 'react';
import Box from '@mui/material/Box';
import type { SxProps, Theme } from '@mui/material/styles';

// Small outlined fields for toolbars: a native <input>/<select> in the look of MUI's small outlined field (40 px
// high, its border, radius and focus ring, the label resting on the border). MUI's own (FormControl, InputLabel,
// OutlinedInput, InputBase, NativeSelect) weigh ~7 KB gzip in the inbox's first load; the dialogs that use them
// load them when first opened.

const fieldSx: SxProps<Theme> = (theme) => ({
  position: 'relative',
  display: 'inline-flex',
  minWidth: 0,
  '& > label': {
    position: 'absolute',
    top: -9,
    left: 10,
    maxWidth: 'calc(100% - 24px)',
    px: '4px',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
    fontSize: '0.75rem',
    lineHeight: '18px',
    color: 'text.secondary',
    bgcolor: 'background.paper',
    pointerEvents: 'none',
  },
  '&:focus-within > label': { color: 'primary.main' },
  '& > input, & > select': {
    boxSizing: 'border-box',
    width: '100%',
    height: 40,
    m: 0,
    px: '14px',
    py: 0,
    font: 'inherit',
    fontSize: '1rem',
    color: 'text.primary',
    bgcolor: 'transparent',
    border: '1px solid rgba(0, 0, 0, 0.23)',
    borderRadius: `${theme.shape.borderRadius}px`,
    outline: 'none',
    ...theme.applyStyles('dark', { borderColor: 'rgba(255, 255, 255, 0.23)', colorScheme: 'dark' }),
    '&:hover:not(:disabled)': { borderColor: 'text.primary' },
    '&:focus': {
      borderColor: 'primary.main',
      boxShadow: `inset 0 0 0 1px ${(theme.vars ?? theme).palette.primary.main}`,
    },
    '&:disabled': { color: 'text.disabled', borderColor: 'action.disabled' },
  },
});

export function SearchField({
  label,
  value,
  onChange,
  placeholder,
  sx,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  sx?: SxProps<Theme>;
}) {
  const id = useId();
  return (
    <Box sx={[fieldSx, ...(Array.isArray(sx) ? sx : [sx])]}>
      <label htmlFor={id}>{label}</label>
      <input id={id} type="search" value={value} placeholder={placeholder} onChange={(e) => onChange(e.target.value)} />
    </Box>
  );
}

export function SelectField({
  label,
  value,
  onChange,
  children,
  disabled,
  sx,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  children: ReactNode;
  disabled?: boolean;
  sx?: SxProps<Theme>;
}) {
  const id = useId();
  return (
    <Box sx={[fieldSx, ...(Array.isArray(sx) ? sx : [sx])]}>
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} disabled={disabled} onChange={(e) => onChange(e.target.value)}>
        {children}
      </select>
    </Box>
  );
}
