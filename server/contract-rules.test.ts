// The shared rules of contract/, which the page applies to a real tenant's answers too: which localized text a
// reader gets (generic-approval-rules.ts), and what counts as a comment (comments.ts).
import { describe, expect, it } from 'vitest';
import { hasCommentText } from '../contract/comments.ts';
import { pickLocalized, rankLocalized } from '../contract/generic-approval-rules.ts';

const names = [
  { value: 'Finance Analyst', locale: 'en_US' },
  { value: 'Finanzanalyst', locale: 'de_DE' },
  { value: 'Analyste financier', locale: 'fr_FR' },
];

describe('localized texts', () => {
  it.each([
    [['de-DE'], 'Finanzanalyst'],
    [['de-CH', 'fr'], 'Finanzanalyst'],
    [['it', 'fr-CA'], 'Analyste financier'],
    [['EN_us'], 'Finance Analyst'],
    [['ja'], 'Finance Analyst'],
    [[], 'Finance Analyst'],
  ])('%j → %s', (preferred, expected) => {
    expect(pickLocalized(names, preferred)).toBe(expected);
  });

  it('tolerates what a tenant may send: nothing, nulls, entries without a value or locale', () => {
    expect(pickLocalized(undefined, ['en'])).toBeUndefined();
    expect(pickLocalized([], ['en'])).toBeUndefined();
    expect(pickLocalized([{ value: null, locale: 'en_US' }, { value: 'Nur Deutsch' }], ['en'])).toBe('Nur Deutsch');
    expect(rankLocalized(names, ['fr']).map((n) => n.locale)).toEqual(['fr_FR', 'en_US', 'de_DE']);
  });
});

describe('what counts as a comment', () => {
  it.each([
    [undefined, true],
    ['', true],
    [' \t\n', true],
    ['\u00a0\u2003\u3000', true],
    ['\u200b\u200e\u200f\u2060\ufeff\u202e', true],
    ['ok', false],
    ['\u200b ok \u200b', false],
    ['👍', false],
  ])('%j blank: %s', (comment, blank) => {
    expect(hasCommentText(comment)).toBe(!blank);
  });
});
