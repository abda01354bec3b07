// A kind's runtime (how its actions are sent, how its cache follows) is loaded with the first decision, not with
// the list: `runtimeOf` loads it once per kind.
import { loadWhenOnline } from '../online.ts';
import type { InboxKind, KindRuntime } from './kind.ts';

const loaded = new WeakMap<InboxKind, Promise<KindRuntime>>();

export function runtimeOf(kind: InboxKind): Promise<KindRuntime> {
  let runtime = loaded.get(kind);
  if (!runtime) {
    runtime = loadWhenOnline(kind.loadRuntime);
    loaded.set(kind, runtime);
    // a failed download (offline) is tried again next time
    runtime.catch(() => loaded.delete(kind));
  }
  return runtime;
}
