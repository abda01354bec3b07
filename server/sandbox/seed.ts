// The sandbox tenant's data, seeded once into an empty database: each resource seeds its own rows (work-items/,
// access-requests/) in one transaction. Deterministic apart from dates, which spread over the 60 days before `now`.
import { seedAccessRequests } from './access-requests/seed.ts';
import { setMeta, type Db } from './db.ts';
import { seedBigItem, seedWorkItems } from './work-items/seed.ts';

export interface SeedResult {
  seededAt: string;
  bigItemId?: string;
}

export interface SeedOptions {
  /** Extra small pending items for alice (benchmarks); a tenth as many access-request approvals. */
  scale?: number;
  /** When set, one more pending alice item with this many approval items (benchmarks, crash tests). */
  bigItemSize?: number;
  /** The moment the 60-day spread ends; defaults to now. */
  now?: number;
}

/** Seeds an empty database. */
export function seed(db: Db, options: SeedOptions = {}): SeedResult {
  const now = options.now ?? Date.now();
  const scale = options.scale ?? 0;
  let bigItemId: string | undefined;
  db.transaction(() => {
    seedWorkItems(db, { now, scale });
    seedAccessRequests(db, { now, scale: options.scale });
    setMeta(db, 'seeded_at', new Date(now).toISOString());
  })();
  if (options.bigItemSize && options.bigItemSize > 0) bigItemId = seedBigItem(db, options.bigItemSize);
  return { seededAt: new Date(now).toISOString(), bigItemId };
}
