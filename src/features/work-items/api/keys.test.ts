import { describe, expect, it } from 'vitest';
import { isPageKey, workItemKeys } from './keys.ts';

describe('work-item keys', () => {
  it('list pages are told apart from counts, summaries and details', () => {
    expect(isPageKey(workItemKeys.list({ limit: 25, offset: 0 }))).toBe(true);
    expect(isPageKey(workItemKeys.completed({ ownerId: 'x', limit: 25, offset: 25 }))).toBe(true);
    expect(isPageKey(workItemKeys.count({}))).toBe(false);
    expect(isPageKey(workItemKeys.completedCount({ ownerId: 'x' }))).toBe(false);
    expect(isPageKey(workItemKeys.summary({}))).toBe(false);
    expect(isPageKey(workItemKeys.detail('w1'))).toBe(false);
  });

  it("one owner's prefix covers its pages, counts and summary", () => {
    const owner = workItemKeys.owner({ ownerId: 'x' });
    for (const key of [
      workItemKeys.list({ ownerId: 'x', limit: 25, offset: 0 }),
      workItemKeys.completedCount({ ownerId: 'x' }),
      workItemKeys.summary({ ownerId: 'x' }),
    ]) {
      expect(key.slice(0, owner.length)).toEqual(owner);
    }
  });
});
