import type { ReactNode } from 'react';
import Box from '@mui/material/Box';
import ButtonBase, { type ButtonBaseProps } from '@mui/material/ButtonBase';
import type { SxProps, Theme } from '@mui/material/styles';
import { ON_PHONE } from './use-phone.ts';

// Small look-alikes of MUI's Chip, LinearProgress, Skeleton, Alert, Paper, AppBar, Toolbar and IconButton for what
// the inbox's first screen shows: a label, a bar, a placeholder, a banner, a panel, the app bar and its buttons. MUI's own (with ButtonBase's ripple wiring, its transitions and class
// machinery) weigh ~5 KB gzip in the first load for what these draw with a few style rules; pages loaded later use
// MUI's.

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

type Severity = 'success' | 'info' | 'warning' | 'error';

/** MUI's outlined severity icons (the ones its Alert shows). */
const SEVERITY_ICON: Record<Severity, string> = {
  success:
    'M20,12A8,8 0 0,1 12,20A8,8 0 0,1 4,12A8,8 0 0,1 12,4C12.76,4 13.5,4.11 14.2,4.31L15.77,2.74C14.61,2.26 13.34,2 12,2A10,10 0 0,0 2,12A10,10 0 0,0 12,22A10,10 0 0,0 22,12M7.91,10.08L6.5,11.5L11,16L21,6L19.59,4.58L11,13.17L7.91,10.08Z',
  info: 'M11,9H13V7H11M12,20C7.59,20 4,16.41 4,12C4,7.59 7.59,4 12,4C16.41,4 20,7.59 20,12C20,16.41 16.41,20 12,20M12,2A10,10 0 0,0 2,12A10,10 0 0,0 12,22A10,10 0 0,0 22,12A10,10 0 0,0 12,2M11,17H13V11H11V17Z',
  warning: 'M12 5.99L19.53 19H4.47L12 5.99M12 2L1 21h22L12 2zm1 14h-2v2h2v-2zm0-6h-2v4h2v-4z',
  error:
    'M11 15h2v2h-2zm0-8h2v6h-2zm.99-5C6.47 2 2 6.48 2 12s4.47 10 9.99 10C17.52 22 22 17.52 22 12S17.52 2 11.99 2zM12 20c-4.42 0-8-3.58-8-8s3.58-8 8-8 8 3.58 8 8-3.58 8-8 8z',
};
/** MUI's SvgIcon as its icons draw: one path on a 24-unit grid, 1em square in the text's colour. */
function Icon({ path, size }: { path: string; size: string }) {
  return (
    <Box
      component="svg"
      viewBox="0 0 24 24"
      focusable="false"
      aria-hidden
      sx={{ width: '1em', height: '1em', display: 'inline-block', flexShrink: 0, fill: 'currentColor', fontSize: size }}
    >
      <path d={path} />
    </Box>
  );
}

const CLOSE_ICON =
  'M19 6.41L17.59 5 12 10.59 6.41 5 5 6.41 10.59 12 5 17.59 6.41 19 12 13.41 17.59 19 19 17.59 13.41 12z';

/**
 * A message in MUI's standard Alert look (the theme's Alert colours, its icon, message and action areas, its
 * spacing): for the banners the first screen may show, offline included, when no other chunk can load.
 */
export function Banner({
  severity,
  role = 'alert',
  square = false,
  action,
  onClose,
  sx,
  children,
  ...rest
}: {
  severity: Severity;
  role?: 'alert' | 'status';
  square?: boolean;
  action?: ReactNode;
  /** Shows a Close button (as MUI's Alert does). */
  onClose?: () => void;
  sx?: SxProps<Theme>;
  children: ReactNode;
  'data-testid'?: string;
}) {
  const closeOrAction = onClose ? (
    <RoundButton size="small" aria-label="Close" title="Close" onClick={onClose}>
      <Icon path={CLOSE_ICON} size="1.25rem" />
    </RoundButton>
  ) : (
    action
  );
  return (
    <Box
      role={role}
      {...rest}
      sx={[
        (theme) => ({
          ...theme.typography.body2,
          display: 'flex',
          padding: '6px 16px',
          borderRadius: square ? 0 : `${theme.shape.borderRadius}px`,
          color: theme.vars?.palette.Alert[`${severity}Color`],
          backgroundColor: theme.vars?.palette.Alert[`${severity}StandardBg`],
        }),
        ...sxList(sx),
      ]}
    >
      <Box
        sx={(theme) => ({
          mr: '12px',
          py: '7px',
          display: 'flex',
          fontSize: 22,
          opacity: 0.9,
          color: theme.vars?.palette.Alert[`${severity}IconColor`],
        })}
      >
        <Icon path={SEVERITY_ICON[severity]} size="inherit" />
      </Box>
      <Box sx={{ py: '8px', minWidth: 0, overflow: 'auto' }}>{children}</Box>
      {closeOrAction && (
        <Box sx={{ display: 'flex', alignItems: 'flex-start', p: '4px 0 0 16px', ml: 'auto', mr: '-8px' }}>
          {closeOrAction}
        </Box>
      )}
    </Box>
  );
}

/**
 * MUI's AppBar as the layout uses it (sticky, no elevation, the primary colour; in dark mode the paper colour, as
 * MUI does unless `enableColorOnDark`): a plain `<header>`.
 */
export function TopBar({ children }: { children: ReactNode }) {
  return (
    <Box
      component="header"
      sx={(theme) => ({
        display: 'flex',
        flexDirection: 'column',
        width: '100%',
        boxSizing: 'border-box',
        flexShrink: 0,
        position: 'sticky',
        zIndex: theme.zIndex.appBar,
        top: 0,
        left: 'auto',
        right: 0,
        backgroundColor: theme.vars?.palette.primary.main,
        color: theme.vars?.palette.primary.contrastText,
        ...theme.applyStyles('dark', {
          backgroundColor: theme.vars?.palette.AppBar.darkBg,
          color: theme.vars?.palette.AppBar.darkColor,
        }),
      })}
    >
      {children}
    </Box>
  );
}

/** MUI's Toolbar: a row of the toolbar's height (56, 48 on a landscape phone, 64 from 600 px), with its gutters. */
export function BarRow({
  gutters = true,
  sx,
  children,
}: {
  gutters?: boolean;
  sx?: SxProps<Theme>;
  children: ReactNode;
}) {
  return (
    <Box
      sx={[
        (theme) => {
          const wide = theme.breakpoints.up('sm');
          const toolbar = theme.mixins.toolbar as Record<string, object>;
          return {
            position: 'relative',
            display: 'flex',
            alignItems: 'center',
            ...toolbar,
            ...(gutters && { px: 2, [wide]: { ...toolbar[wide], px: 3 } }),
          };
        },
        ...sxList(sx),
      ]}
    >
      {children}
    </Box>
  );
}

/**
 * MUI's IconButton in the inherited colour (the only one the first screen uses): round, its hover tint, its
 * centred focus ripple, 44 px square on a phone (the theme's touch target for icon buttons).
 */
export function RoundButton({
  size = 'medium',
  sx,
  ...props
}: Omit<ButtonBaseProps, 'size'> & { size?: 'small' | 'medium'; 'data-shown'?: string }) {
  return (
    <ButtonBase
      focusRipple
      centerRipple
      {...props}
      sx={[
        (theme) => ({
          textAlign: 'center',
          flex: '0 0 auto',
          fontSize: theme.typography.pxToRem(size === 'small' ? 18 : 24),
          padding: size === 'small' ? '5px' : '8px',
          borderRadius: '50%',
          color: 'inherit',
          transition: theme.transitions.create('background-color', { duration: theme.transitions.duration.shortest }),
          '&:hover': {
            backgroundColor: theme.alpha(
              (theme.vars ?? theme).palette.action.active,
              (theme.vars ?? theme).palette.action.hoverOpacity,
            ),
            '@media (hover: none)': { backgroundColor: 'transparent' },
          },
          [ON_PHONE]: { minWidth: 44, minHeight: 44 },
        }),
        ...sxList(sx),
      ]}
    />
  );
}

/** MUI's outlined Paper: the paper colour, a divider-coloured border, the theme's corner radius. */
export function Panel({ sx, children }: { sx?: SxProps<Theme>; children: ReactNode }) {
  return (
    <Box
      sx={[
        {
          bgcolor: 'background.paper',
          color: 'text.primary',
          border: 1,
          borderColor: 'divider',
          borderRadius: 1,
        },
        ...sxList(sx),
      ]}
    >
      {children}
    </Box>
  );
}
