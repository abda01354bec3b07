// Where decisions wait to be sent: the browser's IndexedDB (through idb-keyval), which outlives the tab, a killed
// browser and a reboot, and whose writes are committed when their transaction completes (localStorage's commits
// are batched and can be lost when the browser process dies). Where IndexedDB is missing or refuses (private
// windows of some browsers), the entries live in memory, as held decisions did before.
import { createStore, del, set, values, type UseStore } from 'idb-keyval';

/** A request the user saw made, and what it takes to send it later, from another tab or another visit. */
export interface OutboxRequest {
  method: 'POST';
  /** From the origin, percent-encoded: `/v3/work-items/abc/approve/def`. */
  path: string;
  /** The JSON body, when the operation takes one. */
  json?: unknown;
  /** What the user reads about it: `Approve “Salesforce: permissionSets”`. */
  label: string;
  /** The registered kind that made it, and the item it acts on. */
  kind: string;
  itemId: string;
  /** The kind's action ('approve', 'reject', 'complete'), and the sub-item it decides when it decides one. */
  action: string;
  subItemId?: string;
}

export type EntryState =
  /** In its undo window: only the tab that holds it may send it before `notBefore`. */
  | 'held'
  /** To be sent (again) at `nextAttemptAt`. */
  | 'waiting'
  /** The server refused it for good: the user retries or discards it. */
  | 'failed';

export interface OutboxEntry extends OutboxRequest {
  id: string;
  /** Who made it: it is sent only with this identity's session, and says so in a header. */
  identityId: string;
  /** Which server it was made against (`sandbox@https://…`, `tenant@https://…`). */
  deployment: string;
  /** Epoch ms. */
  createdAt: number;
  notBefore: number;
  nextAttemptAt: number;
  attempts: number;
  state: EntryState;
  /** Why the last attempt did not go through, in words. */
  lastError?: string;
}

let idbStore: UseStore | null | undefined;
const memory = new Map<string, OutboxEntry>();

function store(): UseStore | null {
  if (idbStore === undefined) {
    try {
      idbStore = typeof indexedDB === 'undefined' ? null : createStore('wii-outbox', 'entries');
    } catch {
      idbStore = null;
    }
  }
  return idbStore;
}

/** IndexedDB failed once: from then on this tab keeps its entries in memory. */
function fallBack(): null {
  idbStore = null;
  return null;
}

export async function saveEntry(entry: OutboxEntry): Promise<void> {
  memory.set(entry.id, entry);
  const idb = store();
  if (!idb) return;
  await set(entry.id, entry, idb).catch(fallBack);
}

export async function deleteEntry(id: string): Promise<void> {
  memory.delete(id);
  const idb = store();
  if (!idb) return;
  await del(id, idb).catch(fallBack);
}

/** Every entry of every identity, as stored now (other tabs included). */
export async function loadEntries(): Promise<OutboxEntry[]> {
  const idb = store();
  if (idb) {
    const stored = await values<OutboxEntry>(idb).catch(fallBack);
    if (stored) return stored.filter((e) => e && typeof e.id === 'string');
  }
  return [...memory.values()];
}

/** Tests: forget the memory copy and reopen the database (a new page on the same browser profile). */
export function reopenEntries(): void {
  memory.clear();
  idbStore = undefined;
}
