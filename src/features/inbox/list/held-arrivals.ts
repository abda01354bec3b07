// Rows that arrive later (the rest of a stream, a refetch bringing new items) never move the row the user is
// reading or has focused: one that would land above that anchor row waits behind "12 more arrived — show". Rows
// below the anchor come in as they arrive (they move nothing above them), and a change the user made (search,
// filter, sort) shows everything at once. Until the user focuses a row or scrolls, nothing is held: the list is
// still arriving as a whole.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { QueueRow } from '../../../lib/queue/row.ts';

/** What the list has shown since the user last changed what it lists (an undone decision's row is no arrival). */
class Memory {
  ids = new Set<string>();
  held = new Set<string>();
  constructor(
    public filterKey: unknown,
    public released = 0,
  ) {}

  /** The user changed what is listed, or asked to see the arrivals: nothing shown before counts. */
  isFresh(filterKey: unknown, released: number) {
    return this.filterKey !== filterKey || this.released !== released;
  }

  remember(rows: readonly QueueRow[], held: Set<string>, filterKey: unknown, released: number) {
    if (this.isFresh(filterKey, released)) {
      this.ids = new Set();
      this.filterKey = filterKey;
      this.released = released;
    }
    for (const r of rows) this.ids.add(r.id);
    this.held = held;
  }
}

export function useHeldArrivals(visible: readonly QueueRow[], filterKey: unknown) {
  const [anchor, setAnchor] = useState<string | null>(null);
  const [released, setReleased] = useState(0);
  const [memory] = useState(() => new Memory(filterKey));

  const result = useMemo(() => {
    const changed = memory.isFresh(filterKey, released);
    const at = anchor ? visible.findIndex((r) => r.id === anchor) : -1;
    if (changed || memory.ids.size === 0 || at < 0) return { rows: visible, held: new Set<string>() };
    const hold = new Set([...memory.held].filter((id) => visible.some((r) => r.id === id)));
    for (let i = 0; i < at; i++) if (!memory.ids.has(visible[i].id)) hold.add(visible[i].id);
    return { rows: hold.size ? visible.filter((r) => !hold.has(r.id)) : visible, held: hold };
  }, [visible, filterKey, anchor, released, memory]);

  useEffect(
    () => memory.remember(result.rows, result.held, filterKey, released),
    [result, filterKey, released, memory],
  );

  return {
    rows: result.rows,
    /** How many arrived above the anchor and wait. */
    arrived: result.held.size,
    showArrived: useCallback(() => setReleased((n) => n + 1), []),
    /** The row the user reads or focused (the keyboard layer says which). */
    setAnchor,
  };
}
