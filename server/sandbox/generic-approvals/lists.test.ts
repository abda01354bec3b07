// The Approvals service's list over real HTTP: every filter field of the spec agrees with the data (the expected
// answer computed here from the whole list), paging and counts agree with each other, the include-* flags, whose
// approvals a caller may list, the caller's language first, the same answers under every path family, and a 400
// naming the parameter for whatever is malformed or out of bounds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Approval } from '../../../contract/generic-approvals.ts';
import { startTestServer, type TestServer } from '../../test/server.ts';
import { ADA, ALICE, BOB, CAROL, identity } from '../identities.ts';
import { client, errorText, tokenFor, type Call } from '../../test/sandbox.ts';
import { errorResponse } from './spec-shapes.ts';
import { BETA, DAY, PENDING, V1, V2024, V2025, conforms, filters, whole } from '../../test/generic-approvals.ts';

let server: TestServer;
let alice: Call;
let bob: Call;
let ada: Call;
/** The whole org, everything included, newest first: what every filter is checked against. */
let org: Approval[];
const ALL = 'include-approvers=true&include-comments=true&include-reassignment-history=true&include-batch-info=true';

beforeAll(async () => {
  server = await startTestServer();
  alice = client(server.url, await tokenFor(server.url, 'alice.approver'));
  bob = client(server.url, await tokenFor(server.url, 'bob.approver'));
  ada = client(server.url, await tokenFor(server.url, 'ada.admin'));
  org = await whole(ada, ALL);
});
afterAll(async () => {
  await server?.close();
});

const ids = (list: Approval[]) => list.map((a) => a.id);
const lower = (s: string | null | undefined) => (s ?? '').toLowerCase();
const texts = (list: { value?: string | null }[] | null | undefined) => (list ?? []).map((t) => lower(t.value));
const targets = (a: Approval, key: 'id' | 'name' | 'targetType' | 'requestType') =>
  (a.requestedTarget ?? []).map((t) => t[key] ?? '');
/** The id of a requested target that several approvals share (a catalogue item). */
const targetId = () => org.map((a) => targets(a, 'id')[0]).find((id, i, all) => id && all.indexOf(id) !== i)!;
const decided = (a: Approval) => [...(a.approvedBy ?? []), ...(a.rejectedBy ?? [])];

describe('filters agree with the data', () => {
  const soon = new Date(Date.now() + 7 * DAY).toISOString();
  const monthAgo = new Date(Date.now() - 30 * DAY).toISOString();
  const cases: [string, () => string, (a: Approval) => boolean][] = [
    ['status eq', () => 'status eq "PENDING"', (a) => a.status === 'PENDING'],
    ['status, any case', () => 'status eq "pending"', (a) => a.status === 'PENDING'],
    ['status ne', () => 'status ne "PENDING"', (a) => a.status !== 'PENDING'],
    ['status in', () => 'status in ("EXPIRED", "CANCELLED")', (a) => ['EXPIRED', 'CANCELLED'].includes(a.status!)],
    ['priority in', () => 'priority in ("LOW", "MEDIUM")', (a) => a.priority !== 'HIGH'],
    ['type sw', () => 'type sw "ACCOUNT"', (a) => a.type!.startsWith('ACCOUNT')],
    ['type co', () => 'type co "description"', (a) => a.type!.includes('DESCRIPTION')],
    ['medium eq', () => 'medium eq "EMAIL"', () => true],
    ['name co (any language)', () => 'name co "für"', (a) => texts(a.name).some((t) => t.includes('für'))],
    [
      'name eq',
      () => 'name eq "finance analyst for priya raman"',
      (a) => texts(a.name).includes('finance analyst for priya raman'),
    ],
    ['name ne', () => 'name ne "Firewall change CHG-1182"', (a) => !texts(a.name).includes('firewall change chg-1182')],
    ['description co', () => 'description co "sap"', (a) => texts(a.description).some((t) => t.includes('sap'))],
    [
      'batchId eq',
      () => `batchId eq "${org.find((a) => a.batchRequest)!.batchRequest!.batchId}"`,
      (a) => !!a.batchRequest,
    ],
    ['createdDate gt', () => `createdDate gt ${monthAgo}`, (a) => a.createdDate! > monthAgo],
    [
      'due within 7 days, pending',
      () => `dueDate lt "${soon}" and status eq "PENDING"`,
      (a) => a.status === 'PENDING' && !!a.dueDate && a.dueDate < soon,
    ],
    ['dueDate sw', () => `dueDate sw "${soon.slice(0, 7)}"`, (a) => (a.dueDate ?? '').startsWith(soon.slice(0, 7))],
    [
      'completedDate ge',
      () => `completedDate ge "${monthAgo}"`,
      (a) => !!a.completedDate && a.completedDate >= monthAgo,
    ],
    ['modifiedDate le', () => `modifiedDate le "${monthAgo}"`, (a) => a.modifiedDate! <= monthAgo],
    [
      'decisionDate gt',
      () => `decisionDate gt "${monthAgo}"`,
      (a) => decided(a).some((d) => d.decisionDate! > monthAgo),
    ],
    [
      'referenceType eq',
      () => 'referenceType eq "accessRequestId"',
      (a) => a.referenceData?.[0]?.type === 'accessRequestId',
    ],
    [
      'referenceId eq',
      () => `referenceId eq "${org.find((a) => a.referenceData?.length)!.referenceData![0]!.id}"`,
      (a) => a.referenceData?.[0]?.id === org.find((o) => o.referenceData?.length)!.referenceData![0]!.id,
    ],
    [
      'referenceName eq',
      () => 'referenceName eq "Access Request"',
      (a) => a.referenceData?.[0]?.name === 'Access Request',
    ],
    [
      'requestedTargetId eq',
      () => `requestedTargetId eq "${targetId()}"`,
      (a) => targets(a, 'id').includes(targetId()),
    ],
    [
      'requestedTargetType eq',
      () => 'requestedTargetType eq "ACCOUNT"',
      (a) => targets(a, 'targetType').includes('ACCOUNT'),
    ],
    [
      'requestedTargetName co',
      () => 'requestedTargetName co "aws"',
      (a) => targets(a, 'name').some((n) => lower(n).includes('aws')),
    ],
    [
      'requestedTargetRequestType in',
      () => 'requestedTargetRequestType in ("DELETE", "CREATE")',
      (a) => targets(a, 'requestType').some((t) => t === 'DELETE' || t === 'CREATE'),
    ],
    [
      'approvalId in',
      () => `approvalId in ("${org[1]!.id}", "${org[4]!.id}")`,
      (a) => [org[1]!.id, org[4]!.id].includes(a.id),
    ],
    ['requesterId eq', () => `requesterId eq "${BOB.id}"`, (a) => a.requester?.identityID === BOB.id],
    [
      'requesteeId ne',
      () => `requesteeId ne "${identity('priya.raman').id}"`,
      (a) => a.requestee?.identityID !== identity('priya.raman').id,
    ],
    ['approverId eq', () => `approverId eq "${CAROL.id}"`, (a) => a.approvers!.some((p) => p.identityID === CAROL.id)],
    [
      'search co',
      () => 'search co "hannah"',
      (a) =>
        [...texts(a.name), ...texts(a.description), ...targets(a, 'name').map(lower)].some((t) =>
          t.includes('hannah'),
        ) ||
        [a.requester?.name, a.requestee?.name, a.referenceData?.[0]?.name].some((n) => lower(n).includes('hannah')),
    ],
    [
      'and, or, parentheses',
      () => '(priority eq "HIGH" or type eq "GENERIC_APPROVAL") and status eq "PENDING"',
      (a) => (a.priority === 'HIGH' || a.type === 'GENERIC_APPROVAL') && a.status === 'PENDING',
    ],
  ];

  it.each(cases)('%s', async (_label, filter, predicate) => {
    const expected = org.filter(predicate);
    const got = await whole(ada, `${ALL}&${filters(filter())}`);
    expect(ids(got)).toEqual(ids(expected));
    // every case means something: it keeps some approvals and (but for medium) drops some
    expect(expected.length).toBeGreaterThan(0);
  });
});

describe('paging and counts', () => {
  it('pages of 7 make the whole list; X-Total-Count is its length; count-only answers none', async () => {
    const mine = await whole(alice, 'mine=true');
    expect(ids(await whole(alice, 'mine=true', 7))).toEqual(ids(mine));
    const counted = await alice<Approval[]>('GET', `${V2025}?mine=true&count=true&limit=3&offset=2`);
    expect(counted.headers.get('x-total-count')).toBe(String(mine.length));
    expect(ids(counted.body)).toEqual(ids(mine.slice(2, 5)));
    const only = await alice<Approval[]>('GET', `${V2025}?count-only=true&${PENDING}`);
    expect(only.body).toEqual([]);
    expect(Number(only.headers.get('x-total-count'))).toBe(mine.filter((a) => a.status === 'PENDING').length);
    expect((await alice<Approval[]>('GET', `${V2025}?offset=100000`)).body).toEqual([]);
    expect((await alice<Approval[]>('GET', `${V2025}?limit=0&count=true`)).body).toEqual([]);
    expect((await alice('GET', `${V2025}?${PENDING}`)).headers.get('x-total-count')).toBeNull();
  });

  it('the include-* flags add comments, approvers, reassignment history and batch; without them they are absent', async () => {
    const plain = await whole(alice, 'mine=true');
    expect(plain.some((a) => 'comments' in a || 'approvers' in a || 'reassignmentHistory' in a)).toBe(false);
    expect(plain.some((a) => 'batchRequest' in a)).toBe(false);
    const full = await whole(alice, `mine=true&${ALL}`);
    expect(full.every((a) => Array.isArray(a.comments) && a.approvers!.length > 0)).toBe(true);
    expect(full.some((a) => a.comments!.length >= 3 && a.reassignmentHistory!.length === 0)).toBe(true);
    expect(full.some((a) => a.reassignmentHistory!.length > 0)).toBe(true);
    expect(full.some((a) => a.batchRequest?.batchSize === 2)).toBe(true);
  });
});

describe('whose approvals a caller may list', () => {
  it('a non-admin gets their own desk by default; others, or the whole org, are 403', async () => {
    expect(ids(await whole(bob))).toEqual(ids(await whole(bob, 'mine=true')));
    for (const query of ['mine=false', `approverId=${ALICE.id}`, `requesterId=${ALICE.id}`, `requesteeId=${ADA.id}`]) {
      const res = await bob('GET', `${V2025}?${query}`);
      expect(res.status, query).toBe(403);
      conforms(errorResponse, res.body);
    }
    const asked = await whole(bob, `requesterId=${BOB.id}`);
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.every((a) => a.requester?.identityID === BOB.id)).toBe(true);
    expect(ids(await whole(bob, `approverId=${BOB.id}`))).toEqual(ids(await whole(bob, 'mine=true')));
  });

  it("an admin sees the whole org by default and anyone's desk by approverId; an unknown id is 400", async () => {
    expect(ids(await whole(ada))).toEqual(ids(org));
    expect(ids(await whole(ada, `approverId=${ALICE.id}`))).toEqual(ids(await whole(alice, 'mine=true')));
    const unknown = await ada('GET', `${V2025}?approverId=${'f'.repeat(32)}`);
    expect(unknown.status).toBe(400);
    expect(errorText(unknown.body)).toContain('approverId');
    const both = await ada('GET', `${V2025}?mine=true&approverId=${ALICE.id}`);
    expect(both.status).toBe(400);
    expect(errorText(both.body)).toContain('mine');
  });
});

describe('the caller’s language first', () => {
  it.each([
    ['de-CH,de;q=0.9,en;q=0.5', 'de_DE'],
    ['fr', 'fr_FR'],
    ['en-GB', 'en_US'],
    ['xx-YY', undefined],
  ])('Accept-Language %s', async (header, locale) => {
    const res = await alice<Approval[]>('GET', `${V2025}?mine=true`, undefined, { 'accept-language': header });
    const stored = await whole(alice, 'mine=true');
    for (const [i, a] of res.body.entries()) {
      // the same texts, the wanted one first when there is one, else the stored order
      expect([...a.name!].sort((x, y) => x.locale!.localeCompare(y.locale!))).toEqual(
        [...stored[i]!.name!].sort((x, y) => x.locale!.localeCompare(y.locale!)),
      );
      const has = locale && stored[i]!.name!.some((n) => n.locale === locale);
      expect(a.name![0]!.locale).toBe(has ? locale : stored[i]!.name![0]!.locale);
    }
    if (locale) expect(res.body.some((a) => a.name![0]!.locale === locale)).toBe(true);
  });
});

describe('every path family answers the same', () => {
  it.each([V1, BETA, V2024])('%s: the list and an approval', async (prefix) => {
    const expected = await whole(alice, `mine=true&${ALL}`);
    expect(await whole(alice, `mine=true&${ALL}`, 250, prefix)).toEqual(expected);
    const one = await alice<Approval>('GET', `${prefix}/${expected[0]!.id}`);
    expect(one.body).toEqual((await alice<Approval>('GET', `${V2025}/${expected[0]!.id}`)).body);
  });

  it('v2024 has list and get only', async () => {
    const id = org[0]!.id;
    for (const [method, path] of [
      ['POST', `${V2024}/${id}/approve`],
      ['POST', `${V2024}/bulk-approve`],
      ['GET', `${V2024}/config/ACCESS_REQUEST_APPROVAL`],
    ] as const) {
      const res = await ada(method, path, method === 'POST' ? {} : undefined);
      expect(res.status, path).toBe(404);
    }
  });
});

describe('malformed or out-of-bounds parameters: a 400 that names them', () => {
  it.each([
    ['limit=251', 'limit'],
    ['limit=-1', 'limit'],
    ['limit=abc', 'limit'],
    ['limit=1&limit=2', 'limit'],
    ['offset=-1', 'offset'],
    ['offset=9223372036854775296', 'offset'],
    ['offset=2147483648', 'offset'],
    ['offset=1e400', 'offset'],
    ['limit=1e400', 'limit'],
    ['count=maybe', 'count'],
    ['mine=sometimes', 'mine'],
    [filters('owner eq "x"'), 'filtering on field "owner" is not supported'],
    [filters('status gt "A"'), 'operator "gt" is not supported for field "status"'],
    [filters('name eq "unterminated'), 'unterminated string'],
    [filters('dueDate gt "tomorrow"'), 'ISO-8601'],
    [filters('not status eq "PENDING"'), '"not" operator'],
    [filters('status eq PENDING'), 'expected a value'],
    [`filters=${'a'.repeat(4001)}`, 'filters'],
    [`approverId=${'a'.repeat(129)}`, 'approverId'],
  ])('%s', async (query, named) => {
    const res = await ada('GET', `${V2025}?${query}`);
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    conforms(errorResponse, res.body);
    expect(errorText(res.body)).toContain(named);
  });
});
