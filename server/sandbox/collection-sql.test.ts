import { describe, expect, it } from 'vitest';
import { filterToSql, parseSorters, toInstant, type FilterColumn } from './collection-sql.ts';
import { FilterError, parseFilter } from './filters.ts';

const columns: Record<string, FilterColumn> = {
  id: { column: 'id', kind: 'text' },
  'requestedFor.id': { column: 'requested_for_id', kind: 'text' },
  created: { column: 'created', kind: 'date' },
};
const sql = (text: string) => filterToSql(parseFilter(text), columns);

describe('filters as SQL', () => {
  it('binds every value; column names come only from the endpoint', () => {
    expect(sql('id eq "a\'; DROP TABLE x; --"')).toEqual({ sql: 'id = ?', params: ["a'; DROP TABLE x; --"] });
    expect(sql('requestedFor.id in ("a", "b")')).toEqual({ sql: 'requested_for_id IN (?, ?)', params: ['a', 'b'] });
    expect(sql('id eq "a" or (id ne "b" and requestedFor.id sw "c")')).toEqual({
      sql: '(id = ? OR (id IS NOT ? AND substr(requested_for_id, 1, 1) = ?))',
      params: ['a', 'b', 'c'],
    });
    expect(sql('id isnull')).toEqual({ sql: 'id IS NULL', params: [] });
    expect(() => sql('name eq "x"')).toThrow(FilterError);
    expect(() => sql('__proto__ eq "x"')).toThrow('"__proto__"');
  });

  it('compares dates as instants, written as the store writes them; sw keeps the text', () => {
    expect(sql('created gt 2024-05-01T12:00:00+02:00')).toEqual({
      sql: 'created > ?',
      params: ['2024-05-01T10:00:00.000Z'],
    });
    expect(sql('created in ("2024-05-01", 2024-05-02T00:00:00Z)').params).toEqual([
      '2024-05-01T00:00:00.000Z',
      '2024-05-02T00:00:00.000Z',
    ]);
    expect(sql('created sw "2024-05"')).toEqual({ sql: 'substr(created, 1, 7) = ?', params: ['2024-05'] });
    expect(() => sql('created le "soon"')).toThrow('takes an ISO-8601 date-time');
  });

  it('toInstant: ISO-8601 in, one fixed width out, undefined for anything else', () => {
    expect(toInstant('2024-05-01T10:00:00Z')).toBe('2024-05-01T10:00:00.000Z');
    expect(toInstant('2024-05-01')).toBe('2024-05-01T00:00:00.000Z');
    for (const bad of ['', 'now', '2024-13-01', '2024-05-01T10:00', '1714557600000', '2024-05-01 10:00:00Z']) {
      expect(toInstant(bad), bad).toBeUndefined();
    }
  });
});

describe('sorters', () => {
  it('reads a comma-separated list with - for descending, refusing unknown or repeated fields', () => {
    expect(parseSorters('created, -modified', ['created', 'modified'])).toEqual([
      { field: 'created', descending: false },
      { field: 'modified', descending: true },
    ]);
    expect(parseSorters(' , ', ['created'])).toEqual([]);
    expect(() => parseSorters('name', ['created'])).toThrow('sorting on "name" is not supported (supported: created)');
    expect(() => parseSorters('created,-created', ['created'])).toThrow('sorted on twice');
    expect(() => parseSorters('--created', ['created'])).toThrow('"-created"');
  });
});
