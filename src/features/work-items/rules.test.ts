import { describe, expect, it } from 'vitest';
import type { WorkItem } from '../../../contract/work-items.ts';
import {
  approvalItemLabel,
  isCompletable,
  isDecidable,
  isForwardable,
  isOpen,
  pendingApprovalItems,
  typeLabel,
} from './rules.ts';

const approval = (states: (string | null | undefined)[], extra: Partial<WorkItem> = {}): WorkItem => ({
  id: 'w1',
  state: 'Pending',
  type: 'Approval',
  approvalItems: states.map((state, i) => ({ id: `a${i}`, application: 'AD', name: 'memberOf', state }) as never),
  ...extra,
});

describe('work-item rules', () => {
  it('open: the state when given, else "no completion date"', () => {
    expect(isOpen({ state: 'Pending' })).toBe(true);
    expect(isOpen({ state: 'Finished', completed: null })).toBe(false);
    expect(isOpen({ state: 'Rejected' })).toBe(false);
    expect(isOpen({})).toBe(true);
    expect(isOpen({ completed: '2025-01-01T00:00:00Z' })).toBe(false);
    expect(isForwardable({ state: 'Pending' })).toBe(true);
    expect(isForwardable({ state: 'Canceled' })).toBe(false);
  });

  it('pending approval items: state Pending or missing; null entries are skipped', () => {
    const item = approval(['Pending', null, undefined, 'Finished', 'Rejected']);
    expect(pendingApprovalItems(item).map((a) => a.id)).toEqual(['a0', 'a1', 'a2']);
    expect(pendingApprovalItems({ id: 'x', approvalItems: [null as never] })).toEqual([]);
    expect(pendingApprovalItems(undefined)).toEqual([]);
  });

  it('decidable: open with something pending; completable: open with nothing left to answer', () => {
    expect(isDecidable(approval(['Pending']))).toBe(true);
    expect(isDecidable(approval(['Finished']))).toBe(false);
    expect(isDecidable(approval(['Pending'], { state: 'Finished' }))).toBe(false);
    expect(isCompletable(approval(['Finished']))).toBe(true);
    expect(isCompletable(approval(['Pending']))).toBe(false);
    expect(isCompletable(approval([], { form: { id: 'f' } }))).toBe(false);
    expect(isCompletable(approval([], { state: 'Finished' }))).toBe(false);
  });

  it('labels: types as words, the spec misspelling too; approval items by application and attribute', () => {
    expect(typeLabel('ViolationReview')).toBe('Violation Review');
    expect(typeLabel('PolicyVioloation')).toBe('Policy violation');
    expect(typeLabel(undefined)).toBe('—');
    expect(approvalItemLabel({ application: 'AD', name: 'memberOf' })).toBe('AD: memberOf');
    expect(approvalItemLabel({ value: 'CN=x' })).toBe('Unknown application: CN=x');
  });
});
