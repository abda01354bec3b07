import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ApiProblem } from '../../errors.ts';
import type { PublicIdentity } from '../../../contract/work-items.ts';
import { FilterError, checkSupported, matches, parseFilter, type FilterNode } from '../filters.ts';
import { IDENTITIES, identityByAlias, type SandboxIdentity } from '../identities.ts';
import { PublicIdentitiesQuerySchema, PublicIdentityListSchema } from './schemas.ts';

// What the spec says GET /v3/public-identities filters on.
const SUPPORTED = {
  id: ['eq', 'in'],
  alias: ['eq', 'sw'],
  email: ['eq', 'sw'],
  firstname: ['eq', 'sw'],
  lastname: ['eq', 'sw'],
} as const;

function toPublic(who: SandboxIdentity): PublicIdentity {
  const manager = who.managerAlias ? identityByAlias(who.managerAlias) : undefined;
  return {
    id: who.id,
    name: who.name,
    alias: who.alias,
    email: who.email,
    status: who.identityState === 'ACTIVE' ? 'Active' : 'Inactive',
    identityState: who.identityState,
    manager: manager ? { type: 'IDENTITY', id: manager.id, name: manager.name } : null,
    attributes: [{ key: 'department', name: 'Department', value: who.department }],
  };
}

const publicIdentityRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/v3/public-identities',
    { schema: { querystring: PublicIdentitiesQuerySchema, response: { 200: PublicIdentityListSchema } } },
    async (request, reply) => {
      const q = request.query;

      let filter: FilterNode | undefined;
      if (q.filters !== undefined && q.filters.trim() !== '') {
        try {
          filter = parseFilter(q.filters);
          checkSupported(filter, SUPPORTED);
        } catch (error) {
          if (error instanceof FilterError) {
            throw new ApiProblem(400, `Invalid filters: ${error.message}.`, [`filters: ${error.message}`]);
          }
          throw error;
        }
      }

      let descending = false;
      for (const raw of (q.sorters ?? '').split(',')) {
        const sorter = raw.trim();
        if (!sorter) continue;
        const field = sorter.replace(/^-/, '');
        if (field !== 'name') {
          throw new ApiProblem(400, `Invalid sorters: sorting on "${field}" is not supported (supported: name).`, [
            `sorters: "${field}" is not supported`,
          ]);
        }
        descending = sorter.startsWith('-');
      }

      let people = IDENTITIES.filter((who) => {
        // ISC's core filters drop identities lacking a last name or email; all sandbox ones have both.
        if (!filter) return true;
        return matches(filter, {
          id: who.id,
          alias: who.alias,
          email: who.email,
          firstname: who.firstName,
          lastname: who.lastName,
        });
      });
      // Without a sorter the order is still stable (by name), so paging never repeats or skips anyone.
      people = [...people].sort((a, b) => a.name.localeCompare(b.name, 'en') || a.id.localeCompare(b.id));
      if (descending) people.reverse();
      if (q.count) reply.header('x-total-count', String(people.length));
      return people.slice(q.offset, q.offset + q.limit).map(toPublic);
    },
  );
};

export default publicIdentityRoutes;
