// ISC's collection filter syntax (V3 "standard collection parameters"), e.g.
//   alias sw "ali" or (firstname eq "Bob" and lastname eq "Approver") or id in ("a1", "b2")
// No well-kept npm package parses it, so this is a small recursive-descent parser: `or` binds looser than
// `and`, parentheses group, strings are double-quoted with backslash escapes. Each caller says which fields
// and operators it supports; anything else is a FilterError that names the offender.

export type FilterValue = string | number | boolean | null;

export type FilterNode =
  | { kind: 'and' | 'or'; children: FilterNode[] }
  | { kind: 'not'; child: FilterNode }
  | { kind: 'cmp'; field: string; op: string; values: FilterValue[] };

export class FilterError extends Error {}

const OPERATORS = ['eq', 'ne', 'in', 'sw', 'co', 'gt', 'ge', 'lt', 'le', 'pr', 'isnull'] as const;
const UNARY = new Set(['pr', 'isnull']);

type Token =
  | { t: 'word'; v: string; at: number }
  | { t: 'string'; v: string; at: number }
  | { t: '(' | ')' | ','; at: number }
  | { t: 'end'; at: number };

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (/\s/.test(c)) {
      i++;
    } else if (c === '(' || c === ')' || c === ',') {
      out.push({ t: c, at: i });
      i++;
    } else if (c === '"') {
      const start = i;
      let value = '';
      i++;
      for (;;) {
        if (i >= text.length) throw new FilterError(`unterminated string starting at position ${start + 1}`);
        const d = text[i];
        if (d === '\\') {
          if (i + 1 >= text.length) throw new FilterError(`unterminated string starting at position ${start + 1}`);
          value += text[i + 1];
          i += 2;
        } else if (d === '"') {
          i++;
          break;
        } else {
          value += d;
          i++;
        }
      }
      out.push({ t: 'string', v: value, at: start });
    } else if (/[A-Za-z0-9_.+\-:]/.test(c)) {
      const start = i;
      while (i < text.length && /[A-Za-z0-9_.+\-:]/.test(text[i])) i++;
      out.push({ t: 'word', v: text.slice(start, i), at: start });
    } else {
      throw new FilterError(`unexpected character "${c}" at position ${i + 1}`);
    }
  }
  out.push({ t: 'end', at: text.length });
  return out;
}

const MAX_DEPTH = 32;
/** A date, or a date-time with a zone (Z or ±hh:mm): what the date fields of ISC's filters take. */
export const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2}))?$/;

export function parseFilter(text: string): FilterNode {
  if (text.length > 4000) throw new FilterError('filters is too long (at most 4000 characters)');
  const tokens = tokenize(text);
  let pos = 0;
  const peek = () => tokens[pos];
  const isWord = (tok: Token, word: string) => tok.t === 'word' && tok.v.toLowerCase() === word;
  const describe = (tok: Token) =>
    tok.t === 'end' ? 'the end of the filter' : `"${tok.t === 'word' || tok.t === 'string' ? tok.v : tok.t}"`;

  function expr(depth: number): FilterNode {
    if (depth > MAX_DEPTH) throw new FilterError('filters nests too deeply');
    const children = [term(depth)];
    while (isWord(peek(), 'or')) {
      pos++;
      children.push(term(depth));
    }
    return children.length === 1 ? children[0] : { kind: 'or', children };
  }

  function term(depth: number): FilterNode {
    const children = [factor(depth)];
    while (isWord(peek(), 'and')) {
      pos++;
      children.push(factor(depth));
    }
    return children.length === 1 ? children[0] : { kind: 'and', children };
  }

  function factor(depth: number): FilterNode {
    const tok = peek();
    if (tok.t === '(') {
      pos++;
      const inner = expr(depth + 1);
      if (peek().t !== ')') throw new FilterError(`expected ")" but found ${describe(peek())}`);
      pos++;
      return inner;
    }
    if (isWord(tok, 'not')) {
      pos++;
      return { kind: 'not', child: factor(depth + 1) };
    }
    return comparison();
  }

  function literal(): FilterValue {
    const tok = peek();
    pos++;
    if (tok.t === 'string') return tok.v;
    if (tok.t === 'word') {
      if (tok.v === 'true') return true;
      if (tok.v === 'false') return false;
      if (tok.v === 'null') return null;
      if (/^-?\d+(\.\d+)?$/.test(tok.v)) return Number(tok.v);
      // ISC's examples write date-times unquoted (`created gt 2024-05-01T00:00:00Z`): a string like a quoted one.
      if (ISO_DATE.test(tok.v)) return tok.v;
    }
    throw new FilterError(`expected a value but found ${describe(tok)}`);
  }

  function comparison(): FilterNode {
    const fieldTok = peek();
    if (fieldTok.t !== 'word') throw new FilterError(`expected a field name but found ${describe(fieldTok)}`);
    pos++;
    const opTok = peek();
    if (opTok.t !== 'word' || !(OPERATORS as readonly string[]).includes(opTok.v.toLowerCase())) {
      throw new FilterError(`expected an operator after "${fieldTok.v}" but found ${describe(opTok)}`);
    }
    pos++;
    const op = opTok.v.toLowerCase();
    if (UNARY.has(op)) return { kind: 'cmp', field: fieldTok.v, op, values: [] };
    if (op === 'in') {
      if (peek().t !== '(') throw new FilterError(`"in" needs a parenthesised list, found ${describe(peek())}`);
      pos++;
      const values = [literal()];
      while (peek().t === ',') {
        pos++;
        values.push(literal());
      }
      if (peek().t !== ')') throw new FilterError(`expected ")" to close the "in" list, found ${describe(peek())}`);
      pos++;
      return { kind: 'cmp', field: fieldTok.v, op, values };
    }
    return { kind: 'cmp', field: fieldTok.v, op, values: [literal()] };
  }

  const tree = expr(0);
  if (peek().t !== 'end') throw new FilterError(`unexpected ${describe(peek())} at position ${peek().at + 1}`);
  return tree;
}

/** Which operators each field supports, as the spec lists them. */
export type FilterSupport = Record<string, readonly string[]>;

/** Throws a FilterError naming the first field or operator the endpoint does not support. */
export function checkSupported(node: FilterNode, support: FilterSupport): void {
  if (node.kind === 'not') throw new FilterError('the "not" operator is not supported here');
  if (node.kind !== 'cmp') {
    node.children.forEach((c) => checkSupported(c, support));
    return;
  }
  // Own keys only: `__proto__`, `constructor` or `toString` are unsupported fields, not Object.prototype's.
  const ops = Object.hasOwn(support, node.field) ? support[node.field] : undefined;
  if (!ops) {
    throw new FilterError(
      `filtering on field "${node.field}" is not supported (supported: ${Object.keys(support).join(', ')})`,
    );
  }
  if (!ops.includes(node.op)) {
    throw new FilterError(
      `operator "${node.op}" is not supported for field "${node.field}" (supported: ${ops.join(', ')})`,
    );
  }
  if (node.values.some((v) => typeof v !== 'string')) {
    throw new FilterError(`field "${node.field}" compares with quoted strings only`);
  }
}

/**
 * Evaluates a checked tree against a record. String comparisons ignore case, as ISC's do for these
 * attributes (`eq "alice.approver"` matches "Alice.Approver"); `id` is compared exactly.
 */
export function matches(node: FilterNode, record: Record<string, string | null | undefined>): boolean {
  switch (node.kind) {
    case 'and':
      return node.children.every((c) => matches(c, record));
    case 'or':
      return node.children.some((c) => matches(c, record));
    case 'not':
      return !matches(node.child, record);
    case 'cmp': {
      const actual = Object.hasOwn(record, node.field) ? record[node.field] : undefined;
      if (actual === null || actual === undefined) return false;
      const exact = node.field === 'id';
      const norm = (v: string) => (exact ? v : v.toLowerCase());
      const a = norm(actual);
      const values = node.values.map((v) => norm(String(v)));
      switch (node.op) {
        case 'eq':
          return a === values[0];
        case 'in':
          return values.includes(a);
        case 'sw':
          return a.startsWith(values[0]);
        case 'co':
          return a.includes(values[0]);
        case 'ne':
          return a !== values[0];
        default:
          return false;
      }
    }
  }
}
