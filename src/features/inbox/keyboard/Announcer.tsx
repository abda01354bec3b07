import { useCallback, useState } from 'react';

/** What the screen reader hears after a shortcut; the same text twice is announced twice (a new key each time). */
export function useAnnouncer(): [{ text: string; key: number }, (text: string) => void] {
  const [state, setState] = useState({ text: '', key: 0 });
  const announce = useCallback((text: string) => setState((s) => ({ text, key: s.key + 1 })), []);
  return [state, announce];
}

const hidden = {
  position: 'absolute',
  width: 1,
  height: 1,
  margin: -1,
  padding: 0,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
  border: 0,
} as const;

/** A polite live region, off screen. */
export function Announcer({ text }: { text: { text: string; key: number } }) {
  return (
    <div role="status" aria-live="polite" aria-atomic="true" data-testid="announcer" style={hidden}>
      <span key={text.key}>{text.text}</span>
    </div>
  );
}
