// The spec's standard collection parameters (limit, offset, count), with the bounds the contract gives them: one
// definition for every list of every resource, so a value beyond a bound is a 400 that says the bound, never a
// number the store cannot hold.
import { Type } from 'typebox';
import { PAGE_LIMIT_MAX, PAGE_OFFSET_MAX } from '../../contract/limits.ts';

/**
 * The `finite` keyword, for Fastify's Ajv (`ajv.plugins`): Ajv coerces a query's "1e400" to Infinity, which its
 * `minimum`, `maximum` and typed keywords then let through (they only look at finite numbers), and SQLite cannot
 * bind it. With `finite: true` such a value is a 400 like any other out-of-bound one.
 */
export function finiteNumbers<A extends { addKeyword(definition: never): unknown }>(ajv: A): A {
  const validate: ((want: boolean, data: unknown) => boolean) & { errors?: object[] } = (want, data) => {
    if (!want || typeof data !== 'number' || Number.isFinite(data)) return true;
    validate.errors = [{ keyword: 'finite', message: 'must be a finite number', params: {} }];
    return false;
  };
  // untyped here: Ajv is Fastify's, not a dependency of ours; the definition is Ajv's KeywordDefinition
  ajv.addKeyword({ keyword: 'finite', schemaType: 'boolean', validate } as never);
  return ajv;
}

/** `limit` 0..250 (250 when not sent), `offset` 0..2,147,483,647 (0), `count` (false): spread into a query schema. */
export function pagingQuery() {
  return {
    limit: Type.Integer({ minimum: 0, maximum: PAGE_LIMIT_MAX, default: PAGE_LIMIT_MAX, finite: true }),
    offset: Type.Integer({ minimum: 0, maximum: PAGE_OFFSET_MAX, default: 0, finite: true }),
    count: Type.Boolean({ default: false }),
  };
}
