import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorResponseDto, PublicIdentity } from '../../../contract/work-items.ts';
import { startTestServer, type TestServer } from '../../test/server.ts';
import { BOB, CAROL, IDENTITIES } from '../identities.ts';
import { client, tokenFor, type Call } from '../../test/sandbox.ts';

let server: TestServer;
let call: Call;

beforeAll(async () => {
  server = await startTestServer();
  call = client(server.url, await tokenFor(server.url, 'alice.approver'));
});
afterAll(async () => {
  await server?.close();
});

const search = (query: string) => call<PublicIdentity[]>('GET', `/v3/public-identities?${query}`);
const aliases = (list: PublicIdentity[]) => list.map((p) => p.alias);
const q = (filters: string) => `filters=${encodeURIComponent(filters)}`;

describe('GET /v3/public-identities', () => {
  it('lists everyone by name, in the PublicIdentity shape, with paging and a count', async () => {
    const all = await search('count=true');
    expect(all.status).toBe(200);
    expect(all.headers.get('x-total-count')).toBe(String(IDENTITIES.length));
    const names = all.body.map((p) => p.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en')));
    const bob = all.body.find((p) => p.id === BOB.id)!;
    expect(bob).toMatchObject({
      name: 'Bob Approver',
      alias: 'bob.approver',
      email: 'bob.approver@acme-solar.com',
      identityState: 'ACTIVE',
      manager: { type: 'IDENTITY', name: 'Ada Admin' },
    });
    const page = await search('limit=3&offset=2&sorters=name');
    expect(page.body.map((p) => p.id)).toEqual(all.body.slice(2, 5).map((p) => p.id));
    const desc = await search('sorters=-name');
    expect(desc.body.map((p) => p.id)).toEqual([...all.body].reverse().map((p) => p.id));
    expect((await search('limit=0')).body).toEqual([]);
  });

  it('filters by id, alias, email, first and last name with and/or and parentheses', async () => {
    expect(aliases((await search(q(`id eq "${BOB.id}"`))).body)).toEqual(['bob.approver']);
    expect(aliases((await search(q(`id in ("${BOB.id}", "${CAROL.id}")`))).body)).toEqual([
      'bob.approver',
      'carol.approver',
    ]);
    expect(aliases((await search(q('alias sw "ali"'))).body)).toEqual(['alice.approver']);
    expect(aliases((await search(q('email eq "CAROL.APPROVER@acme-solar.com"'))).body)).toEqual(['carol.approver']);
    expect(aliases((await search(q('firstname sw "bo" or lastname sw "bo"'))).body)).toEqual(['bob.approver']);
    expect(
      aliases((await search(q('lastname eq "Approver" and (firstname eq "Bob" or firstname eq "Carol")'))).body),
    ).toEqual(['bob.approver', 'carol.approver']);
    expect(aliases((await search(q(`lastname eq "O'Connor"`))).body)).toEqual(['liam.oconnor']);
    expect((await search(q('alias eq "nobody"'))).body).toEqual([]);
  });

  it.each([
    ['name eq "Bob"', 'name'],
    ['alias co "b"', 'co'],
    ['id sw "be"', 'sw'],
    ['alias eq', 'value'],
    ['alias eq "unterminated', 'unterminated'],
    ['(alias eq "a"', ')'],
    ['alias eq "a" xor alias eq "b"', 'xor'],
    ['not alias eq "a"', 'not'],
    // Names of Object.prototype's properties are fields like any other (they once gave a 500).
    ['__proto__ eq "x"', '"__proto__" is not supported'],
    ['constructor eq "x"', '"constructor" is not supported'],
    ['toString eq "x" or alias eq "bob.approver"', '"toString" is not supported'],
  ])('filters=%s → 400 naming %s', async (filters, mention) => {
    const res = await search(q(filters));
    expect(res.status).toBe(400);
    expect((res.body as unknown as ErrorResponseDto).messages![0].text).toContain(mention);
  });

  it('400 for other sorters and bad paging; 401 without a token', async () => {
    for (const [query, mention] of [
      ['sorters=email', 'email'],
      ['limit=251', 'limit'],
      ['offset=-2', 'offset'],
      ['count=2', 'count'],
    ]) {
      const res = await search(query);
      expect(res.status).toBe(400);
      expect((res.body as unknown as ErrorResponseDto).messages![0].text).toContain(mention);
    }
    const anonymous = await fetch(`${server.url}/v3/public-identities`);
    expect(anonymous.status).toBe(401);
  });
});
