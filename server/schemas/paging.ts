// The spec's standard collection parameters (limit, offset, count), with the bounds the contract gives them: one
// definition for every list of every resource, so a value beyond a bound is a 400 that says the bound, never a
// number the store cannot hold.
import { Type } from 'typebox';
import { PAGE_LIMIT_MAX, PAGE_OFFSET_MAX } from '../../contract/limits.ts';

/** `limit` 0..250 (250 when not sent), `offset` 0..2,147,483,647 (0), `count` (false): spread into a query schema. */
export function pagingQuery() {
  return {
    limit: Type.Integer({ minimum: 0, maximum: PAGE_LIMIT_MAX, default: PAGE_LIMIT_MAX }),
    offset: Type.Integer({ minimum: 0, maximum: PAGE_OFFSET_MAX, default: 0 }),
    count: Type.Boolean({ default: false }),
  };
}
