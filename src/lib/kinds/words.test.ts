import { describe, expect, it } from 'vitest';
import type { InboxKind, KindAction } from './kind.ts';
import { actionSentence, decisionObject } from './words.ts';

const action = (name: string, perPart?: boolean): KindAction => ({
  name,
  type: 'decision',
  label: name === 'complete' ? 'Mark complete' : 'Approve',
  done: 'Done',
  key: name.charAt(0),
  tone: 'primary',
  perPart,
  available: () => true,
  comment: () => ({ need: 'none', max: 0 }),
});
// two stand-in kinds: one decided sub-item by sub-item (approve), one whole
const parted = {
  name: 'parted',
  nouns: { one: 'case', many: 'cases' },
  partNouns: { one: 'line', many: 'lines' },
  actions: [action('approve', true), action('complete')],
} as unknown as InboxKind;
const whole = {
  name: 'whole',
  nouns: { one: 'claim', many: 'claims' },
  actions: [action('approve')],
} as unknown as InboxKind;
const KINDS = [parted, whole];

describe('decisionObject', () => {
  const targets = [
    { id: '1', name: 'A', kind: 'parted', pendingCount: 3 },
    { id: '2', name: 'B', kind: 'parted', pendingCount: 5, subItemIds: ['x', 'y'] },
    { id: '3', name: 'C', kind: 'whole', pendingCount: 0 },
  ];

  it('counts the sub-items of a kind whose action decides them one by one (those a search matched, else all)', () => {
    expect(decisionObject(KINDS, targets, 'approve')).toBe('5 lines in 2 cases and 1 claim');
  });

  it('counts whole items for an action that is not per sub-item', () => {
    const done = [
      { id: '1', name: 'A', kind: 'parted', pendingCount: 0 },
      { id: '2', name: 'B', kind: 'parted', pendingCount: 0 },
    ];
    expect(
      actionSentence(
        { label: 'Mark complete', sentence: (w) => `Mark ${w} complete` },
        decisionObject(KINDS, done, 'complete'),
      ),
    ).toBe('Mark 2 cases complete');
  });
});
