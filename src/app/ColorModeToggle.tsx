import IconButton from '@mui/material/IconButton';
import { useColorScheme } from '@mui/material/styles';

const NEXT = { system: 'light', light: 'dark', dark: 'system' } as const;
const LABEL = { system: 'Theme: follows the system', light: 'Theme: light', dark: 'Theme: dark' } as const;

/** Cycles system → light → dark; the choice is remembered by MUI in localStorage. */
export function ColorModeToggle() {
  const { mode, setMode } = useColorScheme();
  const current = mode ?? 'system';
  const next = NEXT[current];
  const label = `${LABEL[current]}. Switch to ${next === 'system' ? 'the system theme' : `${next} theme`}`;
  return (
    <IconButton color="inherit" aria-label={label} title={label} onClick={() => setMode(next)} size="small">
      <svg width="20" height="20" viewBox="0 0 24 24" aria-hidden="true" fill="currentColor">
        {current === 'dark' ? (
          <path d="M12 3a9 9 0 1 0 9 9c0-.46-.04-.92-.1-1.36a5.39 5.39 0 0 1-4.4 2.26 5.4 5.4 0 0 1-3.14-9.8c-.44-.06-.9-.1-1.36-.1z" />
        ) : current === 'light' ? (
          <path d="M12 7a5 5 0 1 0 0 10 5 5 0 0 0 0-10zM11 1h2v3h-2zm0 19h2v3h-2zM1 11h3v2H1zm19 0h3v2h-3zM4.22 5.64l1.42-1.42 2.12 2.12-1.42 1.42zm12.02 12.02 1.42-1.42 2.12 2.12-1.42 1.42zM4.22 18.36l2.12-2.12 1.42 1.42-2.12 2.12zM16.24 6.34l2.12-2.12 1.42 1.42-2.12 2.12z" />
        ) : (
          <path d="M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm0 18V4a8 8 0 0 1 0 16z" />
        )}
      </svg>
    </IconButton>
  );
}
