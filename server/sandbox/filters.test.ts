import { describe, expect, it } from 'vitest';
import { FilterError, checkSupported, matches, parseFilter } from './filters.ts';

const support = { id: ['eq', 'in'], alias: ['eq', 'sw'], lastname: ['eq', 'sw'] } as const;

describe('ISC filter parser', () => {
  it('parses comparisons, in-lists, escapes, and/or precedence and parentheses', () => {
    expect(parseFilter('alias eq "bob"')).toEqual({ kind: 'cmp', field: 'alias', op: 'eq', values: ['bob'] });
    expect(parseFilter('id in ("a","b" , "c")')).toEqual({
      kind: 'cmp',
      field: 'id',
      op: 'in',
      values: ['a', 'b', 'c'],
    });
    expect(parseFilter('alias eq "say \\"hi\\" \\\\ back"')).toMatchObject({ values: ['say "hi" \\ back'] });
    const tree = parseFilter('alias eq "a" or alias eq "b" and lastname sw "c"');
    expect(tree).toMatchObject({ kind: 'or', children: [{ field: 'alias' }, { kind: 'and' }] });
    const grouped = parseFilter('(alias eq "a" OR alias eq "b") and lastname sw "c"');
    expect(grouped).toMatchObject({ kind: 'and', children: [{ kind: 'or' }, { field: 'lastname' }] });
    expect(parseFilter('alias pr')).toEqual({ kind: 'cmp', field: 'alias', op: 'pr', values: [] });
  });

  it('evaluates case-insensitively, except ids', () => {
    const rec = { id: 'AbC', alias: 'Bob.Approver', lastname: 'Approver' };
    expect(matches(parseFilter('alias eq "bob.approver"'), rec)).toBe(true);
    expect(matches(parseFilter('alias sw "BOB"'), rec)).toBe(true);
    expect(matches(parseFilter('id eq "abc"'), rec)).toBe(false);
    expect(matches(parseFilter('id in ("x", "AbC")'), rec)).toBe(true);
    expect(matches(parseFilter('alias eq "x" or (lastname eq "approver" and alias sw "b")'), rec)).toBe(true);
    expect(matches(parseFilter('alias eq "x" or lastname eq "nope"'), rec)).toBe(false);
  });

  it.each([
    ['', 'expected a field'],
    ['alias', 'expected an operator'],
    ['alias eq', 'expected a value'],
    ['alias eq "x', 'unterminated'],
    ['alias eq "x" )', 'unexpected'],
    ['(alias eq "x"', 'expected ")"'],
    ['id in "x"', 'parenthesised'],
    ['id in ("x" "y")', 'close the "in" list'],
    ['alias ~ "x"', 'unexpected character'],
    ['alias eq "x" and', 'expected a field'],
    ['('.repeat(100) + 'alias eq "x"' + ')'.repeat(100), 'nests too deeply'],
  ])('rejects %j with a message about %s', (text, message) => {
    expect(() => parseFilter(text)).toThrow(FilterError);
    expect(() => parseFilter(text)).toThrow(message);
  });

  it('names the unsupported field or operator', () => {
    expect(() => checkSupported(parseFilter('email eq "x"'), support)).toThrow('field "email"');
    expect(() => checkSupported(parseFilter('alias co "x"'), support)).toThrow('operator "co"');
    expect(() => checkSupported(parseFilter('alias eq "a" and id sw "x"'), support)).toThrow('operator "sw"');
    expect(() => checkSupported(parseFilter('alias eq 5'), support)).toThrow('quoted strings');
    expect(() => checkSupported(parseFilter('alias eq "a" or id in ("x")'), support)).not.toThrow();
  });

  it("treats Object.prototype's property names as unknown fields, never as the prototype's", () => {
    for (const field of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf']) {
      expect(() => checkSupported(parseFilter(`${field} eq "x"`), support)).toThrow(FilterError);
      expect(() => checkSupported(parseFilter(`${field} eq "x"`), support)).toThrow(`field "${field}"`);
      expect(matches(parseFilter(`${field} eq "x"`), { id: 'x' })).toBe(false);
    }
  });

  it('reads unquoted ISO-8601 date-times as strings, other bare words not at all', () => {
    expect(parseFilter('created gt 2024-05-01T10:00:00.123Z')).toMatchObject({ values: ['2024-05-01T10:00:00.123Z'] });
    expect(parseFilter('created ge 2024-05-01')).toMatchObject({ values: ['2024-05-01'] });
    expect(parseFilter('created lt 2024-05-01T10:00+02:00')).toMatchObject({ values: ['2024-05-01T10:00+02:00'] });
    expect(() => parseFilter('created gt yesterday')).toThrow('expected a value');
    expect(() => parseFilter('created gt 2024-05-01T10:00')).toThrow('expected a value');
  });

  it('never throws anything but FilterError on arbitrary input', () => {
    const samples = [
      '"',
      '\\',
      '((((',
      '))',
      ',,,',
      'a b c d',
      'in in in',
      '"a" eq "b"',
      'id in ()',
      '\u0000',
      '🙂 eq "x"',
    ];
    for (const s of samples) {
      try {
        checkSupported(parseFilter(s), support);
      } catch (error) {
        expect(error).toBeInstanceOf(FilterError);
      }
    }
  });
});
