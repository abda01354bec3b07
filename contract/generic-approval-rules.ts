// Rules of ISC's Approvals service that the page and the server both apply: which of an approval's localized
// texts a reader gets, and its type in words. (What counts as a comment is every kind's rule: comments.ts.)
import type { LocalizedText } from './generic-approvals.ts';

/** `en_US`, `en-us` and `EN-US` are one locale. */
const localeKey = (locale: string) => locale.replaceAll('_', '-').toLowerCase();

/**
 * The text of `list` in the first of `preferred` (BCP 47 tags, best first) it has: the exact locale, else the same
 * language (`de` for `de-CH`), else the list's first entry. Undefined for an empty list.
 */
export function pickLocalized(
  list: readonly LocalizedText[] | null | undefined,
  preferred: readonly string[],
): string | undefined {
  const entries = (list ?? []).filter((e) => typeof e?.value === 'string');
  return rankLocalized(entries, preferred)[0]?.value ?? undefined;
}

/** `list` with the entry `pickLocalized` would choose first, the others after it in their order. */
export function rankLocalized<T extends LocalizedText>(list: readonly T[], preferred: readonly string[]): T[] {
  const keyOf = (e: T) => localeKey(e.locale ?? '');
  for (const tag of preferred) {
    const want = localeKey(tag);
    const exact = list.findIndex((e) => keyOf(e) === want);
    const language = want.split('-')[0];
    const index = exact !== -1 ? exact : list.findIndex((e) => keyOf(e).split('-')[0] === language);
    if (index !== -1) return [list[index], ...list.slice(0, index), ...list.slice(index + 1)];
  }
  return [...list];
}

const TYPE_LABELS: Record<string, string> = {
  ACCESS_REQUEST_APPROVAL: 'Access request',
  ACCOUNT_DELETE_APPROVAL_REQUEST: 'Account deletion',
  ENTITLEMENT_DESCRIPTIONS: 'Entitlement description',
  MACHINE_ACCOUNT_CREATE_APPROVAL_REQUEST: 'Machine account creation',
  MACHINE_ACCOUNT_DELETE_APPROVAL_REQUEST: 'Machine account deletion',
  AGENT_ACTIVATE_APPROVAL: 'Agent activation',
  AGENT_DEACTIVATE_APPROVAL: 'Agent deactivation',
  GENERIC_APPROVAL: 'Other approval',
};

/** The approval's type in words; a type the page does not know reads as its own name ("SOME_NEW_TYPE" → "Some new type"). */
export function approvalTypeLabel(type: string | null | undefined): string {
  if (!type) return 'Approval';
  const known = TYPE_LABELS[type];
  if (known) return known;
  const words = type.replace(/[_-]+/g, ' ').trim().toLowerCase();
  return words ? words[0].toUpperCase() + words.slice(1) : 'Approval';
}
