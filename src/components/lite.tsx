import Box from '@mui/material/Box';
import type { SxProps, Theme } from '@mui/material/styles';

// Small look-alikes of MUI's Chip, LinearProgress and Skeleton for what the inbox's first screen shows: a label, a
// bar, a placeholder. MUI's own (with ButtonBase's ripple wiring, its transitions and class machinery) weigh ~4 KB
// gzip in the first load for what these draw with a few style rules; pages loaded later use MUI's.

const sxList = (sx: SxProps<Theme> | undefined) => (Array.isArray(sx) ? sx : [sx]);

/** An outlined chip (MUI's small outlined Chip: 24 px high, a pill border) that only shows a label. */
export function Tag({
  label,
  tone = 'default',
  sx,
  ...rest
}: {
  label: string;
  tone?: 'default' | 'warning';
  sx?: SxProps<Theme>;
  title?: string;
  'data-testid'?: string;
}) {
  return (
    <Box
      component="span"
      {...rest}
      sx={[
        {
          display: 'inline-flex',
          alignItems: 'center',
          boxSizing: 'border-box',
          height: 24,
          px: '7px',
          border: '1px solid',
          borderColor: tone === 'warning' ? 'warning.main' : 'divider',
          borderRadius: '16px',
          color: tone === 'warning' ? 'warning.main' : 'text.primary',
          fontSize: '0.8125rem',
          lineHeight: 1.5,
          whiteSpace: 'nowrap',
        },
        ...sxList(sx),
      ]}
    >
      {label}
    </Box>
  );
}

const BAR = { height: 4, overflow: 'hidden', bgcolor: 'action.selected' } as const;

/**
 * A 4 px progress bar: `value` (0–100) fills it, without one a segment slides across (moved by transform only, so
 * no frame of it counts as a layout shift).
 */
export function ProgressBar({ value, label }: { value?: number; label: string }) {
  if (value === undefined) {
    return (
      <Box
        role="progressbar"
        aria-label={label}
        sx={{
          ...BAR,
          '&::after': {
            content: '""',
            display: 'block',
            height: '100%',
            width: '40%',
            bgcolor: 'primary.main',
            animation: 'wi-sliding 1.2s linear infinite',
          },
          '@keyframes wi-sliding': { from: { transform: 'translateX(-100%)' }, to: { transform: 'translateX(250%)' } },
        }}
      />
    );
  }
  const percent = Math.max(0, Math.min(100, Math.round(value)));
  return (
    <Box role="progressbar" aria-label={label} aria-valuenow={percent} aria-valuemin={0} aria-valuemax={100} sx={BAR}>
      <Box
        sx={{ height: '100%', bgcolor: 'primary.main', transformOrigin: 'left', transition: 'transform 0.2s linear' }}
        style={{ transform: `scaleX(${percent / 100})` }}
      />
    </Box>
  );
}

/** A text-line placeholder while a figure loads (MUI's text Skeleton: a pulsing rounded bar). */
export function TextPlaceholder({ width }: { width: number }) {
  return (
    <Box
      component="span"
      aria-hidden
      sx={{
        display: 'inline-block',
        width,
        height: '0.8em',
        verticalAlign: 'middle',
        borderRadius: '4px',
        bgcolor: 'action.hover',
        animation: 'wi-pulse 2s ease-in-out 0.5s infinite',
        '@keyframes wi-pulse': { '0%, 100%': { opacity: 1 }, '50%': { opacity: 0.4 } },
      }}
    />
  );
}
