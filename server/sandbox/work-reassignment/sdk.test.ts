// The official SailPoint TypeScript SDK (sailpoint-api-client 1.4.15, its WorkReassignmentV2024Api), which nobody
// here wrote, drives every work reassignment operation against the sandbox — create, list, get, update, delete,
// evaluate, types, tenant config — with the paths it builds (/v2024/...), the X-SailPoint-Experimental header it
// adds and the bodies it sends. Every answer is checked against the spec subset; the refusals (a loop, an end before
// the start, oneself, an inactive identity) come back as the SDK surfaces a 400, with nothing stored. Then the same
// operations through a tenant copy: a tenant-mode server in front of a second sandbox, the SDK pointed at the copy.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Configuration, WorkReassignmentV2024Api } from 'sailpoint-api-client';
import type { ConfigTypeEnumV2024 } from 'sailpoint-api-client';
import { startTestServer, type RecordedRequest, type TestServer } from '../../test/server.ts';
import { client, dumpDb, tokenFor } from '../../test/sandbox.ts';
import { conformsToSpec, daysFrom } from '../../test/work-reassignment.ts';
import { ALICE, BOB, CAROL, IDENTITIES } from '../identities.ts';

const SPEC = {
  list: '/reassignment-configurations',
  one: '/reassignment-configurations/{identityId}',
  evaluate: '/reassignment-configurations/{identityId}/evaluate/{configType}',
  tenant: '/reassignment-configurations/tenant-config',
  types: '/reassignment-configurations/types',
};
const EXPERIMENTAL = 'true';

/** The SDK for `clientId` calling `url`; its token from `tokenBase` (the tenant: a copy exchanges no tokens). */
function sdk(url: string, clientId: string, tokenBase = url) {
  const configuration = new Configuration({
    baseurl: url,
    tokenUrl: `${tokenBase}/oauth/token`,
    clientId,
    clientSecret: 'sandbox-secret',
  });
  // v2024's work reassignment is experimental: the SDK refuses to call it otherwise (and then sends the header).
  configuration.experimental = true;
  return new WorkReassignmentV2024Api(configuration);
}

/** What a refusal looks like as the SDK surfaces it: an axios error carrying the status and the ErrorResponseDto. */
async function refused(call: Promise<unknown>, status: number, text: RegExp) {
  const error = (await call.then(
    () => {
      throw new Error('expected a refusal');
    },
    (e: unknown) => e,
  )) as { response?: { status: number; data: { messages?: { text: string }[] } } };
  expect(error.response?.status).toBe(status);
  conformsToSpec('GET', SPEC.list, status, error.response!.data);
  expect(error.response!.data.messages?.[0]?.text).toMatch(text);
}

/**
 * The whole round of operations against `url` (the sandbox, or a tenant copy in front of one whose database is
 * `db`): what each answers, spec-valid, and what each refusal leaves behind (nothing).
 */
function suite(target: () => { url: string; tokenBase: string; db: string; now: number; seen: RecordedRequest[] }) {
  let alice: WorkReassignmentV2024Api;
  let bob: WorkReassignmentV2024Api;
  let ada: WorkReassignmentV2024Api;
  beforeAll(() => {
    // The SDK asks for its token inside the constructor: build it only once the server listens.
    const { url, tokenBase } = target();
    alice = sdk(url, 'alice.approver', tokenBase);
    bob = sdk(url, 'bob.approver', tokenBase);
    ada = sdk(url, 'ada.admin', tokenBase);
  });
  const request = (configType: ConfigTypeEnumV2024, toId: string, days: number | null = 7) => ({
    reassignedFromId: ALICE.id,
    reassignedToId: toId,
    configType,
    startDate: daysFrom(target().now, -1),
    endDate: days === null ? undefined : daysFrom(target().now, days),
  });

  it('types and tenant config: the SDK calls /v2024 with the experimental header; spec-valid answers', async () => {
    const mark = target().seen.length;
    const types = await alice.getReassignmentConfigTypes();
    expect(types.status).toBe(200);
    conformsToSpec('GET', SPEC.types, 200, types.data);
    expect(types.data.map((t) => t.internalNameCamel)).toEqual([
      'ACCESS_REQUESTS',
      'CERTIFICATIONS',
      'MANUAL_TASKS',
      'GENERIC_APPROVALS',
    ]);
    const tenant = await alice.getTenantConfigConfiguration();
    conformsToSpec('GET', SPEC.tenant, 200, tenant.data);
    expect(tenant.data.configDetails?.disabled).toBe(false);
    const paths = target()
      .seen.slice(mark)
      .filter((r) => r.url.includes('reassignment'))
      .map((r) => `${r.method} ${r.url} ${r.status}`);
    expect(paths).toEqual([
      'GET /v2024/reassignment-configurations/types 200',
      'GET /v2024/reassignment-configurations/tenant-config 200',
    ]);
    // only an admin changes the tenant switch; the SDK surfaces the 403
    await refused(
      bob.putTenantConfiguration({
        xSailPointExperimental: EXPERIMENTAL,
        tenantConfigurationRequestV2024: { configDetails: { disabled: true } },
      }),
      403,
      /Only an admin/,
    );
    const put = await ada.putTenantConfiguration({
      xSailPointExperimental: EXPERIMENTAL,
      tenantConfigurationRequestV2024: { configDetails: { disabled: false } },
    });
    conformsToSpec('PUT', SPEC.tenant, 200, put.data);
    expect(put.data.auditDetails?.modifiedBy?.id).toBeTruthy();
  });

  it('create, list, get, evaluate (a chain), update, delete: each answer spec-valid and as stored', async () => {
    const created = await alice.createReassignmentConfiguration({
      xSailPointExperimental: EXPERIMENTAL,
      configurationItemRequestV2024: request('ACCESS_REQUESTS', BOB.id),
    });
    expect(created.status).toBe(201);
    conformsToSpec('POST', SPEC.list, 201, created.data);
    expect(created.data.identity?.id).toBe(ALICE.id);
    expect(created.data.configDetails?.[0]).toMatchObject({
      configType: 'ACCESS_REQUESTS',
      targetIdentity: { id: BOB.id, name: BOB.name },
    });

    // Bob is away too (admin sets it): the chain goes on to Carol
    const bobs = await ada.createReassignmentConfiguration({
      xSailPointExperimental: EXPERIMENTAL,
      configurationItemRequestV2024: { ...request('ACCESS_REQUESTS', CAROL.id), reassignedFromId: BOB.id },
    });
    expect(bobs.status).toBe(201);

    const mine = await alice.listReassignmentConfigurations();
    conformsToSpec('GET', SPEC.list, 200, mine.data);
    expect(mine.data.map((c) => c.identity?.id)).toEqual([ALICE.id]);
    // Bob's list holds his own and the one made to him (whose work comes to him)
    const bobsList = await bob.listReassignmentConfigurations();
    expect(bobsList.data.map((c) => c.identity?.id).sort()).toEqual([ALICE.id, BOB.id].sort());

    const got = await alice.getReassignmentConfiguration({ identityId: ALICE.id });
    conformsToSpec('GET', SPEC.one, 200, got.data);
    expect(got.data).toEqual(mine.data[0]);

    const evaluated = await alice.getEvaluateReassignmentConfiguration({
      identityId: ALICE.id,
      configType: 'ACCESS_REQUESTS',
      exclusionFilters: ['SELF_REVIEW_DELEGATION'],
    });
    conformsToSpec('GET', SPEC.evaluate, 200, evaluated.data);
    expect(evaluated.data[0]?.reassignToId).toBe(CAROL.id);
    expect(evaluated.data[0]?.lookupTrail?.map((s) => [s.reassignedFromId, s.reassignedToId])).toEqual([
      [ALICE.id, BOB.id],
      [BOB.id, CAROL.id],
    ]);

    const updated = await alice.putReassignmentConfig({
      identityId: ALICE.id,
      xSailPointExperimental: EXPERIMENTAL,
      configurationItemRequestV2024: request('ACCESS_REQUESTS', CAROL.id, null),
    });
    conformsToSpec('PUT', SPEC.one, 200, updated.data);
    expect(updated.data.configDetails?.[0]?.targetIdentity?.id).toBe(CAROL.id);
    // permanent: the zero time, as the spec's example writes "none"
    expect(updated.data.configDetails?.[0]?.endDate).toBe('0001-01-01T00:00:00Z');

    const deleted = await alice.deleteReassignmentConfiguration({
      identityId: ALICE.id,
      configType: 'ACCESS_REQUESTS',
      xSailPointExperimental: EXPERIMENTAL,
    });
    expect(deleted.status).toBe(204);
    await ada.deleteReassignmentConfiguration({
      identityId: BOB.id,
      configType: 'ACCESS_REQUESTS',
      xSailPointExperimental: EXPERIMENTAL,
    });
    expect((await alice.getReassignmentConfiguration({ identityId: ALICE.id })).data.configDetails).toEqual([]);
    const after = await alice.getEvaluateReassignmentConfiguration({
      identityId: ALICE.id,
      configType: 'ACCESS_REQUESTS',
    });
    expect(after.data).toEqual([{ reassignToId: ALICE.id, lookupTrail: [] }]);
  });

  it('refusals as the SDK surfaces them: loop, end before start, oneself, inactive, others’ — nothing stored', async () => {
    await alice.createReassignmentConfiguration({
      xSailPointExperimental: EXPERIMENTAL,
      configurationItemRequestV2024: request('MANUAL_TASKS', BOB.id),
    });
    const before = dumpDb(target().db);
    await refused(
      bob.createReassignmentConfiguration({
        xSailPointExperimental: EXPERIMENTAL,
        configurationItemRequestV2024: { ...request('MANUAL_TASKS', ALICE.id), reassignedFromId: BOB.id },
      }),
      400,
      /loop/,
    );
    await refused(
      alice.putReassignmentConfig({
        identityId: ALICE.id,
        xSailPointExperimental: EXPERIMENTAL,
        configurationItemRequestV2024: { ...request('MANUAL_TASKS', BOB.id), endDate: daysFrom(target().now, -2) },
      }),
      400,
      /endDate/,
    );
    await refused(
      alice.createReassignmentConfiguration({
        xSailPointExperimental: EXPERIMENTAL,
        configurationItemRequestV2024: request('CERTIFICATIONS', ALICE.id),
      }),
      400,
      /to themselves/,
    );
    const inactive = IDENTITIES.find((i) => i.identityState !== 'ACTIVE');
    expect(inactive, 'the seed has an inactive identity').toBeDefined();
    await refused(
      alice.createReassignmentConfiguration({
        xSailPointExperimental: EXPERIMENTAL,
        configurationItemRequestV2024: request('CERTIFICATIONS', inactive!.id),
      }),
      400,
      /inactive/i,
    );
    await refused(bob.getReassignmentConfiguration({ identityId: ALICE.id }), 403, /not you/);
    await refused(
      bob.deleteReassignmentConfiguration({
        identityId: ALICE.id,
        configType: 'MANUAL_TASKS',
        xSailPointExperimental: EXPERIMENTAL,
      }),
      403,
      /not you/,
    );
    expect(dumpDb(target().db)).toBe(before);
    await alice.deleteReassignmentConfiguration({
      identityId: ALICE.id,
      configType: 'MANUAL_TASKS',
      xSailPointExperimental: EXPERIMENTAL,
    });
  });
}

describe('official SDK: WorkReassignmentV2024Api against the sandbox', () => {
  let server: TestServer;
  const seen: RecordedRequest[] = [];
  let now = 0;
  beforeAll(async () => {
    server = await startTestServer({}, { onResponse: (r) => seen.push(r) });
    const ada = client(server.url, await tokenFor(server.url, 'ada.admin'));
    now = Date.parse((await ada<{ now: string }>('GET', '/sandbox/clock')).body.now);
  });
  afterAll(async () => {
    await server?.close();
  });
  suite(() => ({ url: server.url, tokenBase: server.url, db: server.config.sandboxDb, now, seen }));
});

describe('official SDK: WorkReassignmentV2024Api through a tenant copy', () => {
  let tenant: TestServer;
  let front: TestServer;
  const seen: RecordedRequest[] = [];
  let now = 0;
  beforeAll(async () => {
    tenant = await startTestServer();
    front = await startTestServer(
      { SAIL_BASE_URL: tenant.url, SESSION_SECRET: 'p'.repeat(40) },
      { onResponse: (r) => seen.push(r) },
    );
    const ada = client(tenant.url, await tokenFor(tenant.url, 'ada.admin'));
    now = Date.parse((await ada<{ now: string }>('GET', '/sandbox/clock')).body.now);
  });
  afterAll(async () => {
    await front?.close();
    await tenant?.close();
  });
  suite(() => ({ url: front.url, tokenBase: tenant.url, db: tenant.config.sandboxDb, now, seen }));
});
