// A row's search text: its own parts lower-cased, one a line, capped; then each sub-item's parts uncapped, with
// where each sub-item's text lies (a match there is that sub-item's).
import { describe, expect, it } from 'vitest';
import { SEARCH_TEXT_LIMIT, searchText, searchWithSubItems } from './row.ts';

describe('searchText', () => {
  it('lower-cases the parts, one a line, leaving out what is missing', () => {
    expect(searchText(['Finance Analyst', null, '', undefined, 'Bob APPROVER'])).toBe('finance analyst\nbob approver');
    expect(searchText([])).toBe('');
  });

  it('stops at the cap, mid-part', () => {
    const long = 'x'.repeat(SEARCH_TEXT_LIMIT);
    expect(searchText(['Head', long, 'never read'])).toBe(`head\n${long}`.slice(0, SEARCH_TEXT_LIMIT));
    expect(searchText(['ab', 'cd', 'ef'], 5)).toBe('ab\ncd');
    expect(searchText(['ab', 'cd', 'ef'], 4)).toBe('ab\nc');
  });
});

describe('searchWithSubItems', () => {
  it("places each sub-item's text after the row's own, and says where", () => {
    const row = searchWithSubItems(
      ['Role migration', 'Marcus Chen'],
      [
        { id: 'a', application: 'Okta', parts: ['Platform-Admins', 'grant'] },
        { id: 'b', application: 'Workday', parts: [null, 'Payroll'] },
      ],
    );
    expect(row.search).toBe('role migration\nmarcus chen\nokta\nplatform-admins\ngrant\nworkday\npayroll');
    expect(row.search.slice(0, row.ownEnd)).toBe('role migration\nmarcus chen');
    expect(row.subItems!.map((s) => [s.id, row.search.slice(s.start, s.end)])).toEqual([
      ['a', 'okta\nplatform-admins\ngrant'],
      ['b', 'workday\npayroll'],
    ]);
  });

  it('keeps no sub-item list for one sub-item (its match is the row itself)', () => {
    const row = searchWithSubItems(['Name'], [{ id: 'a', application: 'Okta', parts: ['x'] }]);
    expect(row.search).toBe('name\nokta\nx');
    expect(row.subItems).toBeUndefined();
  });
});
