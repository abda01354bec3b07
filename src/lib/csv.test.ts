import Papa from 'papaparse';
import { expect, it } from 'vitest';
import { toCsv } from './csv.ts';

it('quotes commas, quotes and newlines, defuses leading = + - @, and reads back field for field', async () => {
  const hostile = ['=HYPERLINK("x","y")', '+1', '-2', '@SUM(1)', 'a, "b"\nc', 'plain', ''];
  const csv = await toCsv(['a', 'b', 'c', 'd', 'e', 'f', 'g'], [hostile, [1, null, undefined, 'x', 'y', 'z', '0']]);
  const { data, errors } = Papa.parse<string[]>(csv, { skipEmptyLines: true });
  expect(errors).toEqual([]);
  expect(data).toHaveLength(3);
  expect(data[1]).toEqual(['\'=HYPERLINK("x","y")', "'+1", "'-2", "'@SUM(1)", 'a, "b"\nc', 'plain', '']);
  expect(data[2]).toEqual(['1', '', '', 'x', 'y', 'z', '0']);
  // no line of the file starts a formula
  expect(csv.split(/\r\n/).some((line) => /^[=+\-@]/.test(line))).toBe(false);
});
