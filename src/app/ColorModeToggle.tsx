import { useColorScheme } from '@mui/material/styles';
import { RoundButton } from '../components/lite.tsx';
import { useMediaMatch } from '../components/use-phone.ts';

type Mode = 'system' | 'light' | 'dark';
type Shown = 'light' | 'dark';

const opposite = (shown: Shown): Shown => (shown === 'light' ? 'dark' : 'light');

/**
 * What a click picks. Every click changes what is on screen, except the one back to "follow the system" when the
 * system's scheme is the one shown already: from the system's scheme the first click goes to the other one, the
 * second back to the system's (now chosen), the third follows the system again.
 */
export function nextMode(mode: Mode, system: Shown): Mode {
  if (mode === 'system') return opposite(system);
  if (mode !== system) return system;
  return 'system';
}

const LABEL = { system: 'Theme: follows the system', light: 'Theme: light', dark: 'Theme: dark' } as const;

/** Light, dark or the system's scheme; the choice is remembered by MUI in localStorage. */
export function ColorModeToggle() {
  const { mode, setMode } = useColorScheme();
  // MUI's `systemMode` is known only while the mode is "system": the media query is asked directly instead
  const system: Shown = useMediaMatch('(prefers-color-scheme: dark)') ? 'dark' : 'light';
  const current: Mode = mode ?? 'system';
  const shown: Shown = current === 'system' ? system : current;
  const next = nextMode(current, system);
  const label = `${LABEL[current]}${current === 'system' ? ` (${shown})` : ''}. Switch to ${
    next === 'system' ? 'the system theme' : `${next} theme`
  }`;
  return (
    <RoundButton aria-label={label} title={label} onClick={() => setMode(next)} size="small" data-shown={shown}>
      <svg width="20" height="20" viewBox="0 0 24 24" aria-hidden="true" fill="currentColor">
        {current === 'dark' ? (
          <path d="M12 3a9 9 0 1 0 9 9c0-.46-.04-.92-.1-1.36a5.39 5.39 0 0 1-4.4 2.26 5.4 5.4 0 0 1-3.14-9.8c-.44-.06-.9-.1-1.36-.1z" />
        ) : current === 'light' ? (
          <path d="M12 7a5 5 0 1 0 0 10 5 5 0 0 0 0-10zM11 1h2v3h-2zm0 19h2v3h-2zM1 11h3v2H1zm19 0h3v2h-3zM4.22 5.64l1.42-1.42 2.12 2.12-1.42 1.42zm12.02 12.02 1.42-1.42 2.12 2.12-1.42 1.42zM4.22 18.36l2.12-2.12 1.42 1.42-2.12 2.12zM16.24 6.34l2.12-2.12 1.42 1.42-2.12 2.12z" />
        ) : (
          <path d="M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm0 18V4a8 8 0 0 1 0 16z" />
        )}
      </svg>
    </RoundButton>
  );
}
