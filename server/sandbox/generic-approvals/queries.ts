// The list's `filters` (ISC's collection syntax, parsed by ../filters.ts) as one parameterised SQL condition over
// the approvals, so the database filters, counts and pages in one query. Every field the spec lists, with its
// operators: ids compare exactly; enums and names ignore case (ASCII); dates compare as instants (co and sw as
// text); a field with several values (the localized names, the requested targets, the approvers) matches when one
// of them does, and `ne` when none equals. Column names come from this file, values are bound parameters.
import { GENERIC_APPROVAL_FILTERS, type GenericApprovalFilterField } from '../../../contract/generic-approvals.ts';
import { toInstant } from '../collection-sql.ts';
import { FilterError, checkSupported, parseFilter, type FilterNode } from '../filters.ts';

export interface SqlCondition {
  sql: string;
  params: unknown[];
}

type Compare = 'exact' | 'caseless' | 'date';
/** Where a field's value (`v` in the condition) comes from: a column of `g`, or a set looked up per approval. */
interface Source {
  compare: Compare;
  /** A scalar SQL expression over `g` … */
  expr?: string;
  /** … or a subquery body whose rows carry the value as `v`: `FROM … WHERE …` (the condition is ANDed on). */
  set?: { select: string; from: string };
}

const jsonSet = (column: string, path: string, compare: Compare): Source => ({
  compare,
  set: { select: `json_extract(j.value, '${path}')`, from: `json_each(${column}) AS j WHERE 1` },
});
const approverSet = (column: string, compare: Compare): Source => ({
  compare,
  set: { select: `p.${column}`, from: `generic_approval_approvers AS p WHERE p.approval_id = g.id` },
});
const identityName = (column: string) => `(SELECT name FROM identities WHERE id = g.${column})`;

const SOURCES: Record<Exclude<GenericApprovalFilterField, 'search'>, Source> = {
  status: { compare: 'caseless', expr: 'g.status' },
  name: jsonSet('g.name', '$.value', 'caseless'),
  priority: { compare: 'caseless', expr: 'g.priority' },
  type: { compare: 'caseless', expr: 'g.type' },
  medium: { compare: 'caseless', expr: 'g.medium' },
  description: jsonSet('g.description', '$.value', 'caseless'),
  batchId: { compare: 'exact', expr: 'g.batch_id' },
  createdDate: { compare: 'date', expr: 'g.created' },
  dueDate: { compare: 'date', expr: 'g.due' },
  completedDate: { compare: 'date', expr: 'g.completed' },
  referenceId: { compare: 'exact', expr: 'g.reference_id' },
  referenceType: { compare: 'caseless', expr: 'g.reference_type' },
  referenceName: { compare: 'caseless', expr: 'g.reference_name' },
  requestedTargetId: jsonSet('g.requested_target', '$.id', 'exact'),
  requestedTargetType: jsonSet('g.requested_target', '$.targetType', 'caseless'),
  requestedTargetName: jsonSet('g.requested_target', '$.name', 'caseless'),
  requestedTargetRequestType: jsonSet('g.requested_target', '$.requestType', 'caseless'),
  modifiedDate: { compare: 'date', expr: 'g.modified' },
  decisionDate: approverSet('decided', 'date'),
  approvalId: { compare: 'exact', expr: 'g.id' },
  requesterId: { compare: 'exact', expr: 'g.requester_id' },
  requesteeId: { compare: 'exact', expr: 'g.requestee_id' },
  approverId: approverSet('identity_id', 'exact'),
};

/** `search` looks for its text in the names, descriptions, requested targets, requester, requestee and reference. */
const SEARCHED: Source[] = [
  SOURCES.name,
  SOURCES.description,
  SOURCES.requestedTargetName,
  SOURCES.referenceName,
  { compare: 'caseless', expr: identityName('requester_id') },
  { compare: 'caseless', expr: identityName('requestee_id') },
];

function value(field: string, compare: Compare, op: string, raw: string): string {
  if (compare !== 'date' || op === 'co' || op === 'sw') return raw;
  const at = toInstant(raw);
  if (at === undefined) {
    throw new FilterError(
      `field "${field}" takes an ISO-8601 date-time such as "2024-05-01T00:00:00Z", not "${raw.slice(0, 60)}"`,
    );
  }
  return at;
}

/** `v OP ?` for one value expression; `ne` is returned as its positive (`=`), negated by the caller. */
function test(v: string, compare: Compare, op: string, values: string[]): SqlCondition {
  const lower = compare === 'caseless';
  const x = lower ? `lower(${v})` : v;
  const p = lower ? 'lower(?)' : '?';
  switch (op) {
    case 'eq':
    case 'ne':
      return { sql: `${x} = ${p}`, params: values };
    case 'in':
      return { sql: `${x} IN (${values.map(() => p).join(', ')})`, params: values };
    case 'sw':
      return { sql: `substr(${x}, 1, length(${p})) = ${p}`, params: [values[0], values[0]] };
    case 'co':
      return { sql: `instr(${x}, ${p}) > 0`, params: values };
    default: {
      const operator = ({ gt: '>', ge: '>=', lt: '<', le: '<=' } as Record<string, string>)[op];
      return { sql: `${x} ${operator} ?`, params: values };
    }
  }
}

function sourceCondition(field: string, source: Source, op: string, raw: string[]): SqlCondition {
  const values = raw.map((r) => value(field, source.compare, op, r));
  if (source.expr) {
    const t = test(source.expr, source.compare, op, values);
    // A missing value is "not equal" to anything, and matches nothing else.
    return op === 'ne' ? { sql: `(${source.expr} IS NULL OR NOT (${t.sql}))`, params: t.params } : t;
  }
  const set = source.set!;
  const t = test(set.select, source.compare, op, values);
  const exists = `EXISTS (SELECT 1 FROM ${set.from} AND ${t.sql})`;
  return { sql: op === 'ne' ? `NOT ${exists}` : exists, params: t.params };
}

function toSql(node: FilterNode): SqlCondition {
  if (node.kind === 'not') throw new FilterError('the "not" operator is not supported here');
  if (node.kind !== 'cmp') {
    const parts = node.children.map(toSql);
    return {
      sql: `(${parts.map((p) => p.sql).join(node.kind === 'and' ? ' AND ' : ' OR ')})`,
      params: parts.flatMap((p) => p.params),
    };
  }
  const raw = node.values.map(String);
  if (node.field === 'search') {
    const parts = SEARCHED.map((s) => sourceCondition('search', s, node.op, raw));
    return {
      sql: `(${parts.map((p) => p.sql).join(node.op === 'ne' ? ' AND ' : ' OR ')})`,
      params: parts.flatMap((p) => p.params),
    };
  }
  const source = SOURCES[node.field as keyof typeof SOURCES];
  return sourceCondition(node.field, source, node.op, raw);
}

/** `filters` as SQL over `g` (generic_approvals); a FilterError names what is wrong. */
export function filtersToSql(filters: string): SqlCondition {
  const tree = parseFilter(filters);
  checkSupported(tree, GENERIC_APPROVAL_FILTERS);
  return toSql(tree);
}

/**
 * The approvals on `identityId`'s desk: pending ones that wait on them now (their serial step has come and they
 * have not decided), and completed ones that once did. A later serial step's approver sees nothing until the
 * step before is approved; once a parallel approval is decided it leaves everyone's queue.
 */
export function approverCondition(identityId: string): SqlCondition {
  return {
    sql: `g.id IN (SELECT approval_id FROM generic_approval_approvers WHERE identity_id = ? AND active = 1)
      AND (g.status <> 'PENDING' OR EXISTS (SELECT 1 FROM generic_approval_approvers AS q
        WHERE q.approval_id = g.id AND q.identity_id = ? AND q.decision IS NULL))`,
    params: [identityId, identityId],
  };
}
