import { lazy, Suspense, type ComponentProps } from 'react';
import { loadWhenOnline } from '../lib/online.ts';

// An error is the exception on a list's first load: the alert (with its details and support codes) is its own chunk.
const ErrorAlert = lazy(async () => ({
  default: (await loadWhenOnline(() => import('./ErrorAlert.tsx'))).ErrorAlert,
}));

/** ErrorAlert, loaded when the first error is shown. */
export function LazyErrorAlert(props: ComponentProps<typeof ErrorAlert>) {
  return (
    <Suspense fallback={null}>
      <ErrorAlert {...props} />
    </Suspense>
  );
}
