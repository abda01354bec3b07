// ISC's standard collection parameters as SQL: a parsed, checked `filters` tree (./filters.ts) becomes a
// parameterised WHERE condition and `sorters` an ORDER BY over columns the endpoint names, so the database
// filters, counts and pages in one query.
import { FilterError, ISO_DATE, type FilterNode } from './filters.ts';

/** How a filter field maps to a column: `date` values are ISO-8601 instants, compared as instants. */
export interface FilterColumn {
  column: string;
  kind: 'text' | 'date';
}

export interface SqlWhere {
  sql: string;
  params: string[];
}

/**
 * An ISO-8601 date or date-time with a zone, as the sandbox stores instants (`toISOString()`: one fixed width,
 * so text order is time order); undefined for anything else.
 */
export function toInstant(value: string): string | undefined {
  const ms = ISO_DATE.test(value) ? Date.parse(value) : Number.NaN;
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

function instant(field: string, value: string): string {
  const at = toInstant(value);
  if (at === undefined) {
    throw new FilterError(
      `field "${field}" takes an ISO-8601 date-time such as "2024-05-01T00:00:00Z", not "${value.slice(0, 60)}"`,
    );
  }
  return at;
}

const SQL_COMPARISONS: Record<string, string> = { eq: '=', gt: '>', ge: '>=', lt: '<', le: '<=' };

/**
 * Turns a checked tree (see checkSupported) into a parameterised SQL condition over the given columns, so the
 * database filters, counts and pages in one query. Column names come from the caller, never from the filter;
 * every value is a bound parameter. Text compares exactly (the fields mapped this way are ids and dates).
 */
export function filterToSql(node: FilterNode, columns: Record<string, FilterColumn>): SqlWhere {
  if (node.kind === 'not') throw new FilterError('the "not" operator is not supported here');
  if (node.kind !== 'cmp') {
    const parts = node.children.map((c) => filterToSql(c, columns));
    return {
      sql: `(${parts.map((p) => p.sql).join(node.kind === 'and' ? ' AND ' : ' OR ')})`,
      params: parts.flatMap((p) => p.params),
    };
  }
  const target = Object.hasOwn(columns, node.field) ? columns[node.field] : undefined;
  if (!target) throw new FilterError(`filtering on field "${node.field}" is not supported`);
  const col = target.column;
  const raw = node.values.map((v) => String(v));
  // `sw` on a date is a prefix of its text (`modified sw "2024-05"`), so its value stays as written.
  const values = target.kind === 'date' && node.op !== 'sw' ? raw.map((v) => instant(node.field, v)) : raw;
  switch (node.op) {
    case 'in':
      return { sql: `${col} IN (${values.map(() => '?').join(', ')})`, params: values };
    case 'ne':
      return { sql: `${col} IS NOT ?`, params: values };
    case 'sw':
      return { sql: `substr(${col}, 1, ${[...values[0]].length}) = ?`, params: values };
    case 'co':
      return { sql: `instr(${col}, ?) > 0`, params: values };
    case 'isnull':
      return { sql: `${col} IS NULL`, params: [] };
    case 'pr':
      return { sql: `${col} IS NOT NULL`, params: [] };
    default: {
      const operator = Object.hasOwn(SQL_COMPARISONS, node.op) ? SQL_COMPARISONS[node.op] : undefined;
      if (!operator) throw new FilterError(`operator "${node.op}" is not supported for field "${node.field}"`);
      return { sql: `${col} ${operator} ?`, params: values };
    }
  }
}

/** One `sorters` entry: a column the caller named (from the endpoint's list) and its direction. */
export interface Sorter {
  field: string;
  descending: boolean;
}

/**
 * Parses ISC's `sorters` parameter (`created,-modified`: comma-separated, `-` for descending); throws a
 * FilterError naming a field the endpoint does not sort on, or one given twice.
 */
export function parseSorters(text: string, supported: readonly string[]): Sorter[] {
  const out: Sorter[] = [];
  for (const raw of text.split(',')) {
    const entry = raw.trim();
    if (!entry) continue;
    const field = entry.replace(/^-/, '');
    if (!supported.includes(field)) {
      throw new FilterError(`sorting on "${field.slice(0, 60)}" is not supported (supported: ${supported.join(', ')})`);
    }
    if (out.some((s) => s.field === field)) throw new FilterError(`"${field}" is sorted on twice`);
    out.push({ field, descending: entry.startsWith('-') });
  }
  return out;
}
