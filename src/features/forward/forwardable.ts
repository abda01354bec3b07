import type { WorkItem } from '../../../contract/work-items.ts';

/** Only open work items can be handed to someone else: a completed one is read-only. */
export function isForwardable(item: Pick<WorkItem, 'state' | 'completed'>): boolean {
  return item.state ? item.state === 'Pending' : !item.completed;
}
