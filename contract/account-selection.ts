// What a valid account selection is (the body of submit-account-selection, a map keyed on field name). The
// sandbox refuses a selection that breaks these rules; the page checks the same rules field by field, so it
// points at a problem before anything is sent. Each side words the problem for its own reader.
import { isSection, type AccountSelection, type FieldDetails, type FormDetails, type FormItem } from './work-items.ts';

/** Nothing given: undefined, null, blank text or an empty list. */
export function isEmpty(value: unknown): boolean {
  return (
    value === undefined ||
    value === null ||
    (typeof value === 'string' && value.trim() === '') ||
    (Array.isArray(value) && value.length === 0)
  );
}

/** A form item that takes a value: not a section, and it has a name (a tenant may send anything in a form). */
export function isField(item: FormItem | null | undefined): item is FieldDetails {
  return !!item && !isSection(item) && !!(item as FieldDetails).name;
}

function collectFields(items: FormItem[] | null | undefined, out: FieldDetails[]): FieldDetails[] {
  for (const item of items ?? []) {
    if (item && isSection(item)) collectFields(item.formItems, out);
    else if (isField(item)) out.push(item);
  }
  return out;
}

/** Every field of the form in reading order, nested sections included. */
export function formFields(form: FormDetails): FieldDetails[] {
  const out: FieldDetails[] = [];
  for (const section of form.sections ?? []) if (section) collectFields(section.formItems, out);
  return out;
}

/** How the field is shown: its displayType in lower case (a tenant may write "Checkbox"), text when unset. */
export function displayTypeOf(field: FieldDetails): string {
  return (field.displayType ?? 'text').toLowerCase();
}

/** Why a value does not fit a field. */
export type FieldProblem =
  | { kind: 'required' }
  | { kind: 'not-boolean' }
  | { kind: 'not-text' }
  | { kind: 'not-a-date' }
  | { kind: 'not-allowed'; value: string };

/**
 * The rules for one field, in this order: a required field needs a value (unless it already holds one on the
 * server); a checkbox takes true or false; anything else takes text (or a list of texts); a date must parse; a
 * field with allowed values takes only those. Undefined when the value is fine.
 */
export function fieldProblem(field: FieldDetails, value: unknown): FieldProblem | undefined {
  if (isEmpty(value)) return field.required && isEmpty(field.value) ? { kind: 'required' } : undefined;
  const type = displayTypeOf(field);
  if (type === 'checkbox') {
    return typeof value === 'boolean' || value === 'true' || value === 'false' ? undefined : { kind: 'not-boolean' };
  }
  const values = Array.isArray(value) ? value : [value];
  if (values.some((v) => typeof v !== 'string' && typeof v !== 'number')) return { kind: 'not-text' };
  if (type === 'date' && values.some((v) => Number.isNaN(Date.parse(String(v))))) return { kind: 'not-a-date' };
  const allowed = field.allowedValuesList ?? [];
  if (allowed.length > 0) {
    const ok = new Set(allowed.map((a) => a.value));
    const bad = values.find((v) => !ok.has(String(v)));
    if (bad !== undefined) return { kind: 'not-allowed', value: String(bad) };
  }
  return undefined;
}

/** One thing wrong with a selection: a name the form does not have, or a field whose value breaks a rule. */
export type SelectionProblem =
  { kind: 'unknown-field'; name: string } | { kind: 'field'; field: FieldDetails; problem: FieldProblem };

/** Everything wrong with a selection for this form: unknown names first, then the fields in reading order. */
export function selectionProblems(form: FormDetails, selection: AccountSelection): SelectionProblem[] {
  const fields = formFields(form);
  const names = new Set(fields.map((f) => f.name));
  const problems: SelectionProblem[] = Object.keys(selection)
    .filter((name) => !names.has(name))
    .map((name) => ({ kind: 'unknown-field', name }));
  for (const field of fields) {
    const problem = fieldProblem(field, selection[field.name]);
    if (problem) problems.push({ kind: 'field', field, problem });
  }
  return problems;
}
