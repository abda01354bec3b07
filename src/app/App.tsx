import { useEffect, useState } from 'react';

// Minimal page for the foundation: shows which mode the server runs in.
export function App() {
  const [mode, setMode] = useState<string>('…');
  useEffect(() => {
    fetch('/health')
      .then((r) => r.json())
      .then((body: { mode: string }) => setMode(body.mode))
      .catch(() => setMode('unreachable'));
  }, []);
  return (
    <main style={{ fontFamily: 'system-ui, sans-serif', padding: 24 }}>
      <h1>Work Items Inbox</h1>
      <p>
        Server mode: <strong data-testid="mode">{mode}</strong>
      </p>
    </main>
  );
}
