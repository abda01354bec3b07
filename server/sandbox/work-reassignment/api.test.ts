// Work reassignment over raw HTTP against the real server: every operation at /v2025 (and the same at /v2024 and
// /beta), each answer checked against shapes written from the spec subset (spec-shapes.ts); the rules a configuration keeps
// (400s that name the rule, every stored row as it was); who may do what; the chain followed up to 5 steps on the
// server's clock; the tenant-wide switch. The experimental header and the attacks are in attacks.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  PERMANENT_END_DATE,
  type ReassignmentConfigRequest,
  type ReassignmentConfiguration,
  type ReassignmentEvaluation,
  type ReassignmentTenantConfig,
} from '../../../contract/work-reassignment.ts';
import { client, dumpDb, errorText, tokenFor, type Call } from '../../test/sandbox.ts';
import { startTestServer, type TestServer } from '../../test/server.ts';
import {
  BETA,
  V2024,
  V2025,
  conformsToSpec,
  daysFrom,
  delegation,
  experimental,
} from '../../test/work-reassignment.ts';
import { ADA, ALICE, BOB, CAROL, identity } from '../identities.ts';

let server: TestServer;
let alice: Call;
let bob: Call;
let carol: Call;
let ada: Call;
/** The server clock's now when the suite starts (dates are evaluated on it). */
let now: number;

beforeAll(async () => {
  server = await startTestServer();
  const as = async (alias: string) => experimental(client(server.url, await tokenFor(server.url, alias)));
  [alice, bob, carol, ada] = await Promise.all(
    ['alice.approver', 'bob.approver', 'carol.approver', 'ada.admin'].map(as),
  );
  now = Date.parse((await ada<{ now: string }>('GET', '/sandbox/clock')).body.now);
});
afterAll(async () => {
  await server?.close();
});

const SPEC_PATH = {
  list: '/reassignment-configurations',
  one: '/reassignment-configurations/{identityId}',
  evaluate: '/reassignment-configurations/{identityId}/evaluate/{configType}',
  tenant: '/reassignment-configurations/tenant-config',
  types: '/reassignment-configurations/types',
};

async function evaluate(call: Call, identityId: string, configType: string, prefix = V2025) {
  const res = await call<ReassignmentEvaluation[]>('GET', `${prefix}/${identityId}/evaluate/${configType}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  conformsToSpec('GET', SPEC_PATH.evaluate, 200, res.body);
  expect(res.body).toHaveLength(1);
  return res.body[0]!;
}

const trailOf = (e: ReassignmentEvaluation) => e.lookupTrail!.map((s) => [s.reassignedFromId, s.reassignedToId]);

describe('types', () => {
  it('lists the four kinds of work, spec-valid, the same at every family', async () => {
    const answers = [];
    for (const prefix of [V2025, V2024, BETA]) {
      const res = await alice<unknown[]>('GET', `${prefix}/types`);
      expect(res.status).toBe(200);
      conformsToSpec('GET', SPEC_PATH.types, 200, res.body);
      answers.push(res.body);
    }
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
    expect(answers[0]!.map((t) => (t as { internalNameCamel: string }).internalNameCamel)).toEqual([
      'ACCESS_REQUESTS',
      'CERTIFICATIONS',
      'MANUAL_TASKS',
      'GENERIC_APPROVALS',
    ]);
  });
});

describe("an identity's own configuration, every operation at /v2025", () => {
  it('create → get → list → update → evaluate → delete, every answer as the spec shapes it', async () => {
    const created = await alice<ReassignmentConfiguration>(
      'POST',
      V2025,
      delegation(ALICE.id, BOB.id, 'ACCESS_REQUESTS', now, daysFrom(now, 7)),
    );
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    conformsToSpec('POST', SPEC_PATH.list, 201, created.body);
    expect(created.body.identity).toEqual({ id: ALICE.id, name: ALICE.name });
    expect(created.body.configDetails).toEqual([
      {
        configType: 'ACCESS_REQUESTS',
        targetIdentity: { id: BOB.id, name: BOB.name },
        startDate: daysFrom(now, -1),
        endDate: daysFrom(now, 7),
        auditDetails: {
          created: expect.any(String),
          createdBy: { id: ALICE.id, name: ALICE.name },
          modified: expect.any(String),
          modifiedBy: { id: ALICE.id, name: ALICE.name },
        },
      },
    ]);

    const got = await alice<ReassignmentConfiguration>('GET', `${V2025}/${ALICE.id}`);
    expect(got.status).toBe(200);
    conformsToSpec('GET', SPEC_PATH.one, 200, got.body);
    expect(got.body).toEqual(created.body);

    const list = await alice<ReassignmentConfiguration[]>('GET', V2025);
    expect(list.status).toBe(200);
    conformsToSpec('GET', SPEC_PATH.list, 200, list.body);
    expect(list.body).toEqual([created.body]);

    const permanent = { ...delegation(ALICE.id, CAROL.id, 'ACCESS_REQUESTS', now), endDate: null };
    const updated = await alice<ReassignmentConfiguration>('PUT', `${V2025}/${ALICE.id}`, permanent);
    expect(updated.status, JSON.stringify(updated.body)).toBe(200);
    conformsToSpec('PUT', SPEC_PATH.one, 200, updated.body);
    expect(updated.body.configDetails![0]).toMatchObject({
      targetIdentity: { id: CAROL.id, name: CAROL.name },
      endDate: PERMANENT_END_DATE,
    });

    expect(await evaluate(alice, ALICE.id, 'ACCESS_REQUESTS')).toEqual({
      reassignToId: CAROL.id,
      lookupTrail: [
        { reassignedFromId: ALICE.id, reassignedToId: CAROL.id, reassignmentType: 'AUTOMATIC_REASSIGNMENT' },
      ],
    });
    // the spec's own example of an identity without one: itself, an empty trail
    expect(await evaluate(alice, ALICE.id, 'MANUAL_TASKS')).toEqual({ reassignToId: ALICE.id, lookupTrail: [] });
    const filtered = await alice<ReassignmentEvaluation[]>(
      'GET',
      `${V2025}/${ALICE.id}/evaluate/ACCESS_REQUESTS?exclusionFilters=SELF_REVIEW_DELEGATION`,
    );
    expect(filtered.body[0]!.reassignToId).toBe(CAROL.id);

    const deleted = await alice('DELETE', `${V2025}/${ALICE.id}/ACCESS_REQUESTS`);
    expect(deleted.status).toBe(204);
    expect((await alice<ReassignmentConfiguration>('GET', `${V2025}/${ALICE.id}`)).body).toEqual({
      identity: { id: ALICE.id, name: ALICE.name },
      configDetails: [],
    });
    const again = await alice('DELETE', `${V2025}/${ALICE.id}/ACCESS_REQUESTS`);
    expect(again.status).toBe(404);
    conformsToSpec('GET', SPEC_PATH.one, 404, again.body);
  });

  it.each([V2024, BETA])('%s serves the same operations over the same data', async (prefix) => {
    const made = await carol<ReassignmentConfiguration>(
      'POST',
      prefix,
      delegation(CAROL.id, BOB.id, 'MANUAL_TASKS', now),
    );
    expect(made.status).toBe(201);
    expect((await carol('GET', `${V2025}/${CAROL.id}`)).body).toEqual(made.body);
    const moved = await carol<ReassignmentConfiguration>('PUT', `${prefix}/${CAROL.id}`, {
      ...delegation(CAROL.id, ALICE.id, 'MANUAL_TASKS', now),
    });
    expect(moved.body.configDetails![0]!.targetIdentity!.id).toBe(ALICE.id);
    expect((await evaluate(carol, CAROL.id, 'MANUAL_TASKS', prefix)).reassignToId).toBe(ALICE.id);
    expect((await carol('DELETE', `${prefix}/${CAROL.id}/MANUAL_TASKS`)).status).toBe(204);
    expect((await carol<ReassignmentConfiguration>('GET', `${prefix}/${CAROL.id}`)).body.configDetails).toEqual([]);
  });
});

describe('the rules a configuration keeps: a 400 that names the rule, nothing changed', () => {
  const ELENA = identity('elena.petrova');
  const MARCUS = identity('marcus.chen');
  const PRIYA = identity('priya.raman');

  beforeAll(async () => {
    // Bob → Alice and Marcus → Priya → Alice for certifications (loops would close through them); Carol → Bob
    // for approvals, but only from next month.
    for (const body of [
      delegation(BOB.id, ALICE.id, 'CERTIFICATIONS', now),
      delegation(MARCUS.id, PRIYA.id, 'CERTIFICATIONS', now),
      delegation(PRIYA.id, ALICE.id, 'CERTIFICATIONS', now),
      { ...delegation(CAROL.id, BOB.id, 'GENERIC_APPROVALS', now), startDate: daysFrom(now, 30), endDate: null },
    ]) {
      expect((await ada('POST', V2025, body)).status).toBe(201);
    }
  });

  const base = () => delegation(ALICE.id, BOB.id, 'ACCESS_REQUESTS', now);
  const CASES: [name: string, body: () => ReassignmentConfigRequest, text: RegExp][] = [
    ['to oneself', () => ({ ...base(), reassignedToId: ALICE.id }), /cannot delegate work to themselves/],
    [
      'to an inactive identity',
      () => ({ ...base(), reassignedToId: ELENA.id }),
      /Elena Petrova is not an active identity/,
    ],
    [
      'to an unknown identity',
      () => ({ ...base(), reassignedToId: 'f'.repeat(32) }),
      /reassignedToId: no identity f{32}/,
    ],
    [
      'from an unknown identity',
      () => ({ ...base(), reassignedFromId: 'e'.repeat(32) }),
      /reassignedFromId: no identity/,
    ],
    ['an end before the start', () => ({ ...base(), endDate: daysFrom(now, -2) }), /is not after startDate/],
    ['an end at the start', () => ({ ...base(), endDate: base().startDate }), /is not after startDate/],
    [
      'an end already past',
      () => ({ ...base(), startDate: daysFrom(now, -10), endDate: daysFrom(now, -1) }),
      /endDate: .* is already past/,
    ],
    ['no kind of work', () => ({ ...base(), configType: undefined }), /configType: .* is required/],
    ['no delegate', () => ({ ...base(), reassignedToId: undefined }), /reassignedToId: the delegate is required/],
    ['no start', () => ({ ...base(), startDate: undefined }), /startDate: .* is required/],
    ['no one to delegate from', () => ({ ...base(), reassignedFromId: undefined }), /reassignedFromId is required/],
    [
      'a start before 1970',
      () => ({ ...base(), startDate: '1969-12-31T00:00:00Z' }),
      /startDate: 1969-12-31T00:00:00Z is outside the years 1970 to 9999/,
    ],
    ['a date that is not one', () => ({ ...base(), startDate: 'next tuesday' }), /startDate must match format/],
    ['an unknown kind of work', () => ({ ...base(), configType: 'HOLIDAYS' as never }), /configType/],
    [
      'a loop A → B → A',
      () => delegation(ALICE.id, BOB.id, 'CERTIFICATIONS', now),
      /would loop \(Alice Approver → Bob Approver → Alice Approver\) for CERTIFICATIONS/,
    ],
    [
      'a longer loop A → Marcus → Priya → A',
      () => delegation(ALICE.id, MARCUS.id, 'CERTIFICATIONS', now),
      /would loop \(Alice Approver → Marcus Chen → Priya Raman → Alice Approver\)/,
    ],
  ];

  it.each(CASES)('%s', async (_name, body, text) => {
    const before = dumpDb(server.config.sandboxDb);
    const res = await ada('POST', V2025, body());
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    conformsToSpec('POST', SPEC_PATH.list, 400, res.body);
    expect(errorText(res.body)).toMatch(text);
    expect(dumpDb(server.config.sandboxDb)).toBe(before);
  });

  it('an update that would close a loop, or that names another identity in its body, is refused the same way', async () => {
    expect((await alice('POST', V2025, delegation(ALICE.id, CAROL.id, 'CERTIFICATIONS', now))).status).toBe(201);
    const before = dumpDb(server.config.sandboxDb);
    const loop = await alice('PUT', `${V2025}/${ALICE.id}`, delegation(ALICE.id, BOB.id, 'CERTIFICATIONS', now));
    expect(loop.status).toBe(400);
    expect(errorText(loop.body)).toMatch(/would loop/);
    const moved = await alice('PUT', `${V2025}/${ALICE.id}`, delegation(BOB.id, CAROL.id, 'CERTIFICATIONS', now));
    expect(moved.status).toBe(400);
    expect(errorText(moved.body)).toMatch(/is not the identity of the path/);
    const twice = await alice('POST', V2025, delegation(ALICE.id, CAROL.id, 'CERTIFICATIONS', now));
    expect(twice.status).toBe(400);
    expect(errorText(twice.body)).toMatch(/already has a CERTIFICATIONS reassignment configuration/);
    const missing = await alice('PUT', `${V2025}/${ALICE.id}`, delegation(ALICE.id, CAROL.id, 'MANUAL_TASKS', now));
    expect(missing.status).toBe(404);
    expect(dumpDb(server.config.sandboxDb)).toBe(before);
    expect((await alice('DELETE', `${V2025}/${ALICE.id}/CERTIFICATIONS`)).status).toBe(204);
  });

  it('delegations that are never active together are no loop: Bob → Carol this week, Carol → Bob from next month', async () => {
    const res = await bob('POST', V2025, delegation(BOB.id, CAROL.id, 'GENERIC_APPROVALS', now, daysFrom(now, 7)));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    // …but not past the start of Carol's
    const overlapping = await bob(
      'PUT',
      `${V2025}/${BOB.id}`,
      delegation(BOB.id, CAROL.id, 'GENERIC_APPROVALS', now, daysFrom(now, 31)),
    );
    expect(overlapping.status).toBe(400);
    expect(errorText(overlapping.body)).toMatch(/Bob Approver → Carol Approver → Bob Approver/);
  });

  it('an unknown exclusion filter is a 400 that names it', async () => {
    const res = await alice('GET', `${V2025}/${ALICE.id}/evaluate/ACCESS_REQUESTS?exclusionFilters=EVERYTHING`);
    expect(res.status).toBe(400);
    expect(errorText(res.body)).toMatch(/"EVERYTHING" is not a filter/);
  });
});

describe('who may do what', () => {
  it("a non-admin cannot read, change, evaluate or create another identity's: 403, nothing changed", async () => {
    expect((await alice('POST', V2025, delegation(ALICE.id, BOB.id, 'MANUAL_TASKS', now))).status).toBe(201);
    const before = dumpDb(server.config.sandboxDb);
    for (const [method, url, body] of [
      ['GET', `${V2025}/${ALICE.id}`],
      ['PUT', `${V2025}/${ALICE.id}`, delegation(ALICE.id, CAROL.id, 'MANUAL_TASKS', now)],
      ['DELETE', `${V2025}/${ALICE.id}/MANUAL_TASKS`],
      ['GET', `${V2025}/${ALICE.id}/evaluate/MANUAL_TASKS`],
      ['POST', V2025, delegation(ALICE.id, CAROL.id, 'ACCESS_REQUESTS', now)],
      ['GET', `${V2025}/${'0'.repeat(32)}`],
      ['PUT', `${V2025}/tenant-config`, { configDetails: { disabled: true } }],
    ] as const) {
      const res = await carol(method, url, body);
      expect(res.status, `${method} ${url}`).toBe(403);
      expect(res.body).toMatchObject({ detailCode: '403 Forbidden' });
    }
    expect(dumpDb(server.config.sandboxDb)).toBe(before);
  });

  it("a non-admin's list is their own and what is delegated to them; an admin's is everyone's", async () => {
    const listOf = async (call: Call) => {
      const res = await call<ReassignmentConfiguration[]>('GET', V2025);
      conformsToSpec('GET', SPEC_PATH.list, 200, res.body);
      return res.body.flatMap((c) =>
        c.configDetails!.map((d) => `${c.identity!.id}:${d.configType}:${d.targetIdentity!.id}`),
      );
    };
    const bobs = await listOf(bob);
    expect(bobs).toContain(`${ALICE.id}:MANUAL_TASKS:${BOB.id}`);
    expect(bobs.every((entry) => entry.startsWith(BOB.id) || entry.endsWith(BOB.id))).toBe(true);
    const adas = await listOf(ada);
    expect(adas).toEqual(
      expect.arrayContaining([...bobs, `${identity('marcus.chen').id}:CERTIFICATIONS:${identity('priya.raman').id}`]),
    );
  });

  it("an admin manages anyone's, a leaver's (inactive) included, and is named in the audit", async () => {
    const elena = identity('elena.petrova');
    const made = await ada<ReassignmentConfiguration>('POST', V2025, {
      ...delegation(elena.id, CAROL.id, 'ACCESS_REQUESTS', now),
      endDate: null,
    });
    expect(made.status).toBe(201);
    expect(made.body.configDetails![0]!.auditDetails!.createdBy).toEqual({ id: ADA.id, name: ADA.name });
    expect((await evaluate(ada, elena.id, 'ACCESS_REQUESTS')).reassignToId).toBe(CAROL.id);
    expect((await ada('GET', `${V2025}/${'0'.repeat(32)}`)).status).toBe(404);
    expect((await ada('DELETE', `${V2025}/${elena.id}/ACCESS_REQUESTS`)).status).toBe(204);
  });
});

describe('the chain, on the server clock', () => {
  const CHAIN = [
    'marcus.chen',
    'sofia.rossi',
    'diego.alvarez',
    'liam.oconnor',
    'hannah.muller',
    'kenji.tanaka',
    'amara.okafor',
  ].map(identity);

  it('is followed 5 steps at most: the fifth delegate gets the work', async () => {
    for (let i = 0; i + 1 < CHAIN.length; i++) {
      const res = await ada('POST', V2025, delegation(CHAIN[i]!.id, CHAIN[i + 1]!.id, 'MANUAL_TASKS', now));
      expect(res.status, JSON.stringify(res.body)).toBe(201);
    }
    const full = await evaluate(ada, CHAIN[0]!.id, 'MANUAL_TASKS');
    expect(trailOf(full)).toEqual(
      CHAIN.slice(0, 6)
        .map((who, i) => [who.id, CHAIN[i + 1]!.id])
        .slice(0, 5),
    );
    expect(full.reassignToId).toBe(CHAIN[5]!.id);
    const short = await evaluate(ada, CHAIN[4]!.id, 'MANUAL_TASKS');
    expect(short.reassignToId).toBe(CHAIN[6]!.id);
    expect(short.lookupTrail).toHaveLength(2);
  });

  it('a loop through all of them is refused, naming everyone on it', async () => {
    const before = dumpDb(server.config.sandboxDb);
    const res = await ada('POST', V2025, delegation(CHAIN[6]!.id, CHAIN[0]!.id, 'MANUAL_TASKS', now));
    expect(res.status).toBe(400);
    expect(errorText(res.body)).toContain([CHAIN[6]!, ...CHAIN].map((who) => who.name).join(' → '));
    expect(dumpDb(server.config.sandboxDb)).toBe(before);
  });

  it('a delegation applies from its start to its end, as the clock moves', async () => {
    const grace = identity('grace.kim');
    const lucas = identity('lucas.dubois');
    const body = {
      ...delegation(grace.id, lucas.id, 'GENERIC_APPROVALS', now),
      startDate: daysFrom(now, 2),
      endDate: daysFrom(now, 4),
    };
    expect((await ada('POST', V2025, body)).status).toBe(201);
    const at = async () => (await evaluate(ada, grace.id, 'GENERIC_APPROVALS')).reassignToId;
    try {
      expect(await at()).toBe(grace.id);
      await ada('PUT', '/sandbox/clock', { offsetMs: 3 * 86_400_000 });
      expect(await at()).toBe(lucas.id);
      await ada('PUT', '/sandbox/clock', { offsetMs: 4 * 86_400_000 });
      expect(await at()).toBe(grace.id);
    } finally {
      await ada('PUT', '/sandbox/clock', { offsetMs: 0 });
    }
  });
});

describe('the tenant-wide switch', () => {
  it('anyone reads it; an admin turns reassignment off and on, and evaluate follows', async () => {
    const read = await bob<ReassignmentTenantConfig>('GET', `${V2025}/tenant-config`);
    expect(read.status).toBe(200);
    conformsToSpec('GET', SPEC_PATH.tenant, 200, read.body);
    expect(read.body).toEqual({ configDetails: { disabled: false } });
    expect((await bob('POST', V2025, delegation(BOB.id, ALICE.id, 'ACCESS_REQUESTS', now))).status).toBe(201);
    try {
      const off = await ada<ReassignmentTenantConfig>('PUT', `${V2025}/tenant-config`, {
        configDetails: { disabled: true },
      });
      expect(off.status).toBe(200);
      conformsToSpec('PUT', SPEC_PATH.tenant, 200, off.body);
      expect(off.body).toMatchObject({
        configDetails: { disabled: true },
        auditDetails: { modifiedBy: { id: ADA.id, name: ADA.name } },
      });
      expect(await evaluate(bob, BOB.id, 'ACCESS_REQUESTS')).toEqual({ reassignToId: BOB.id, lookupTrail: [] });
    } finally {
      const on = await ada<ReassignmentTenantConfig>('PUT', `${V2025}/tenant-config`, {
        configDetails: { disabled: false },
      });
      expect(on.body.configDetails).toEqual({ disabled: false });
    }
    expect((await evaluate(bob, BOB.id, 'ACCESS_REQUESTS')).reassignToId).toBe(ALICE.id);
    const empty = await ada('PUT', `${V2025}/tenant-config`, {});
    expect(empty.status).toBe(400);
    expect(errorText(empty.body)).toMatch(/configDetails is required/);
  });
});
