// The sandbox's control of the server's clock, so that tests and demos can move time instead of waiting for it
// (an approval's expiry is read off this clock). Sandbox only: tenant mode never registers it and has no hand to
// move the clock with.
//
//   GET /sandbox/clock                      → 200 {now, offsetMs}
//   PUT /sandbox/clock  {"offsetMs": N}      → 200 {now, offsetMs}: the clock is N ms from real time
//   PUT /sandbox/clock  {"advanceMs": N}     → 200 {now, offsetMs}: N ms (≥ 0) further than it was
// Admins only (an ORG_ADMIN bearer token, or an admin's session cookie with the CSRF header), checked before the
// body is read: 401 without a valid token, 403 for anyone else, 400 ErrorResponseDto for a body out of bounds.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { ClockHand } from '../../clock.ts';
import { ApiProblem } from '../../errors.ts';

export const CLOCK_PATH = '/sandbox/clock';
/** Ten years either way: far enough for any timeout (ISC's longest is 90 days), near enough to stay a date. */
export const MAX_CLOCK_OFFSET_MS = 10 * 366 * 24 * 3_600_000;

const ClockSchema = Type.Object({ now: Type.String({ format: 'date-time' }), offsetMs: Type.Integer() });
const bound = { minimum: -MAX_CLOCK_OFFSET_MS, maximum: MAX_CLOCK_OFFSET_MS };
const ClockBodySchema = Type.Object(
  {
    offsetMs: Type.Optional(Type.Integer(bound)),
    advanceMs: Type.Optional(Type.Integer({ minimum: 0, maximum: MAX_CLOCK_OFFSET_MS })),
  },
  { additionalProperties: false },
);

export default async function clockControl(app: FastifyInstance, opts: { hand: ClockHand }) {
  const { hand } = opts;
  // After the sandbox's caller hook (which answers 401 and sets request.caller), before the body is parsed.
  const requireAdmin = async (request: FastifyRequest, _reply: FastifyReply, payload: unknown) => {
    if (!request.caller.admin) {
      throw new ApiProblem(403, 'Only an admin (ORG_ADMIN) may read or move the sandbox clock.');
    }
    return payload;
  };
  const state = () => ({ now: hand.clock.iso(), offsetMs: hand.clock.offsetMs });
  const routes = app.withTypeProvider<TypeBoxTypeProvider>();

  routes.get(CLOCK_PATH, { preParsing: requireAdmin, schema: { response: { 200: ClockSchema } } }, async () => state());

  routes.put(
    CLOCK_PATH,
    { preParsing: requireAdmin, schema: { body: ClockBodySchema, response: { 200: ClockSchema } } },
    async (request) => {
      const { offsetMs, advanceMs } = request.body;
      if ((offsetMs === undefined) === (advanceMs === undefined)) {
        throw new ApiProblem(400, 'Send exactly one of offsetMs (set) and advanceMs (move forward).', [
          'body needs offsetMs or advanceMs, not both',
        ]);
      }
      const offset = offsetMs ?? hand.clock.offsetMs + advanceMs!;
      if (Math.abs(offset) > MAX_CLOCK_OFFSET_MS) {
        throw new ApiProblem(
          400,
          `advanceMs would move the clock more than ${MAX_CLOCK_OFFSET_MS} ms from real time.`,
          [`the clock stays within ±${MAX_CLOCK_OFFSET_MS} ms of real time`],
        );
      }
      hand.setOffset(offset);
      request.log.warn({ offsetMs: offset }, 'sandbox clock moved');
      return state();
    },
  );
}
