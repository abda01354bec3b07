// The sandbox tenant's people. Fixed literals (not generated at start) so the README, the sign-in page and
// tests can name them; ids are 32-hex like ISC's.

export interface SandboxIdentity {
  id: string;
  alias: string;
  name: string;
  firstName: string;
  lastName: string;
  email: string;
  /** Holds ORG_ADMIN: may read and act on anyone's work items. */
  admin: boolean;
  /** Has a personal access token (client id = alias, secret = SANDBOX_CLIENT_SECRET) and appears on sign-in. */
  login: boolean;
  identityState: 'ACTIVE' | 'INACTIVE_SHORT_TERM' | 'INACTIVE_LONG_TERM';
  department: string;
  managerAlias?: string;
}

export const SANDBOX_CLIENT_SECRET = 'sandbox-secret';
export const SANDBOX_EMAIL_DOMAIN = 'acme-solar.com';

function person(
  id: string,
  alias: string,
  firstName: string,
  lastName: string,
  department: string,
  extra: Partial<SandboxIdentity> = {},
): SandboxIdentity {
  return {
    id,
    alias,
    name: `${firstName} ${lastName}`,
    firstName,
    lastName,
    email: `${alias}@${SANDBOX_EMAIL_DOMAIN}`,
    admin: false,
    login: false,
    identityState: 'ACTIVE',
    department,
    ...extra,
  };
}

export const IDENTITIES: readonly SandboxIdentity[] = [
  person('4eff0342c9b761e00576a11310c155e7', 'ada.admin', 'Ada', 'Admin', 'IT Security', { admin: true, login: true }),
  person('e3f63c2438144d924f98fed09cfbc1ec', 'alice.approver', 'Alice', 'Approver', 'Finance', {
    login: true,
    managerAlias: 'ada.admin',
  }),
  person('be7ca2436741d93765e8766e56ebdc0c', 'bob.approver', 'Bob', 'Approver', 'Engineering', {
    login: true,
    managerAlias: 'ada.admin',
  }),
  person('a705acbbc3639575f92d0c2d08444d66', 'carol.approver', 'Carol', 'Approver', 'Sales', {
    login: true,
    managerAlias: 'ada.admin',
  }),
  person('5f9b5dc1d434fe116f1149f85da7efc0', 'marcus.chen', 'Marcus', 'Chen', 'Engineering', {
    managerAlias: 'bob.approver',
  }),
  person('924d865f8888248b565411e45015275f', 'priya.raman', 'Priya', 'Raman', 'Finance', {
    managerAlias: 'alice.approver',
  }),
  person('41df036afbb4842200d135de995e1712', 'diego.alvarez', 'Diego', 'Alvarez', 'Sales', {
    managerAlias: 'carol.approver',
  }),
  person('2efb494c5c3afcf76d79f96d87c8234d', 'sofia.rossi', 'Sofia', 'Rossi', 'Marketing'),
  person('fe603e400fe554d6921f328582b5805e', 'liam.oconnor', 'Liam', "O'Connor", 'Engineering', {
    managerAlias: 'bob.approver',
  }),
  person('f386ea5c779c185f748750e951e71b26', 'hannah.muller', 'Hannah', 'Müller', 'Finance', {
    managerAlias: 'alice.approver',
  }),
  person('60892fe073152f92642fa4adb0b632e9', 'kenji.tanaka', 'Kenji', 'Tanaka', 'Operations'),
  person('d8ef74f2670942959ac35ec3210f04d1', 'amara.okafor', 'Amara', 'Okafor', 'Human Resources'),
  person('238cd4ca0ffd4d4184f1051d63f799b7', 'noah.williams', 'Noah', 'Williams', 'Sales', {
    managerAlias: 'carol.approver',
  }),
  person('7f09fcd157fce2844d4a6318b7b59914', 'elena.petrova', 'Elena', 'Petrova', 'Legal', {
    identityState: 'INACTIVE_SHORT_TERM',
  }),
  person('ed34134b99f6f2b1bdfd2733b188bb79', 'omar.haddad', 'Omar', 'Haddad', 'Operations'),
  person('8d5daff62f9b5f7701cf350f2b749795', 'grace.kim', 'Grace', 'Kim', 'Engineering', {
    managerAlias: 'bob.approver',
  }),
  person('4b45278704311ac41fb4d15bbf59e682', 'lucas.dubois', 'Lucas', 'Dubois', 'Marketing'),
];

const byAlias = new Map(IDENTITIES.map((i) => [i.alias, i]));
const byId = new Map(IDENTITIES.map((i) => [i.id, i]));

export function identityByAlias(alias: string): SandboxIdentity | undefined {
  return byAlias.get(alias);
}

export function identityById(id: string): SandboxIdentity | undefined {
  return byId.get(id);
}

/** An identity's display name, when the sandbox knows the id. */
export function identityName(id: string): string | undefined {
  return byId.get(id)?.name;
}

/** Looks an identity up by alias; throws for a name this file does not define (a typo in seed or tests). */
export function identity(alias: string): SandboxIdentity {
  const found = byAlias.get(alias);
  if (!found) throw new Error(`No sandbox identity "${alias}"`);
  return found;
}

export const ADA = identity('ada.admin');
export const ALICE = identity('alice.approver');
export const BOB = identity('bob.approver');
export const CAROL = identity('carol.approver');

/** The identities one can sign in as, in the order the sign-in page lists them. */
export const LOGIN_IDENTITIES = IDENTITIES.filter((i) => i.login);
export const REQUESTERS = IDENTITIES.filter((i) => !i.login);
