import { lazy, Suspense } from 'react';
import { loadWhenOnline } from '../../../lib/online.ts';

const ShortcutSheet = lazy(() => loadWhenOnline(() => import('./ShortcutSheet.tsx')));

/** The "?" sheet when open (its own chunk, loaded on the first "?"). */
export function ShortcutSheetButton({ open, onClose }: { open: boolean; onClose: () => void }) {
  if (!open) return null;
  return (
    <Suspense fallback={null}>
      <ShortcutSheet onClose={onClose} />
    </Suspense>
  );
}
