// The account-selection form as data: which input each field gets, its starting value, the selection map sent to
// submit-account-selection, and the checks the sandbox/ISC applies (server/sandbox/store.ts `validateSelection`),
// mirrored here so the page points at a problem before anything is sent.
import type {
  AccountSelection,
  FieldDetails,
  FormDetails,
  FormItem,
  SectionDetails,
} from '../../../contract/work-items.ts';
import { isSection } from '../../../contract/work-items.ts';

/** More allowed values than this → a searchable select instead of radio buttons. */
export const RADIO_MAX_OPTIONS = 5;

export type FieldKind = 'radio' | 'select' | 'text' | 'textarea' | 'checkbox' | 'date' | 'unknown';
export type FieldValue = string | boolean;

/** react-hook-form keys are generated (`f0`, `f1`, ...): field names may hold dots, which RHF reads as paths. */
export interface FormFieldModel {
  key: string;
  field: FieldDetails;
  kind: FieldKind;
  label: string;
}

export type FormNode =
  { type: 'section'; key: string; label: string; children: FormNode[] } | { type: 'field'; model: FormFieldModel };

export interface FormModel {
  nodes: FormNode[];
  fields: FormFieldModel[];
  byName: Map<string, FormFieldModel>;
}

export type FormValues = Record<string, FieldValue>;

export function fieldKind(field: FieldDetails): FieldKind {
  const type = (field.displayType ?? 'text').toLowerCase();
  if (type === 'checkbox') return 'checkbox';
  const options = field.allowedValuesList ?? [];
  if (options.length > 0) return options.length <= RADIO_MAX_OPTIONS ? 'radio' : 'select';
  if (type === 'text' || type === 'string' || type === 'select') return 'text';
  if (type === 'textarea') return 'textarea';
  if (type === 'date') return 'date';
  return 'unknown';
}

export function buildModel(form: FormDetails): FormModel {
  const fields: FormFieldModel[] = [];
  const walk = (items: FormItem[] | null | undefined, path: string): FormNode[] =>
    (items ?? []).flatMap((item, i): FormNode[] => {
      if (!item) return [];
      if (isSection(item)) return [sectionNode(item, `${path}.${i}`)];
      const field = item as FieldDetails;
      if (!field.name) return [];
      const model: FormFieldModel = {
        key: `f${fields.length}`,
        field,
        kind: fieldKind(field),
        label: field.displayName || field.name,
      };
      fields.push(model);
      return [{ type: 'field', model }];
    });
  const sectionNode = (section: SectionDetails, key: string): FormNode => ({
    type: 'section',
    key,
    label: section.label || section.name || '',
    children: walk(section.formItems, key),
  });
  const nodes = (form.sections ?? []).filter(Boolean).map((s, i) => sectionNode(s, `s${i}`));
  return { nodes, fields, byName: new Map(fields.map((f) => [f.field.name, f])) };
}

/** A raw field value as text for an input (unknown types show their raw value). */
export function asText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map(asText).join(', ');
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}

function startingValue(model: FormFieldModel): FieldValue {
  const value = model.field.value;
  if (model.kind === 'checkbox') return value === true || value === 'true';
  if (model.kind === 'date') {
    const text = asText(value);
    return /^\d{4}-\d{2}-\d{2}/.test(text) ? text.slice(0, 10) : text;
  }
  return asText(value);
}

/** The starting values: each field's `value` from the server. */
export function initialValues(model: FormModel): FormValues {
  return Object.fromEntries(model.fields.map((f) => [f.key, startingValue(f)]));
}

/** Values keyed by field name (drafts are stored this way: robust to the form's order changing). */
export function valuesByName(model: FormModel, values: FormValues): Record<string, FieldValue> {
  return Object.fromEntries(model.fields.map((f) => [f.field.name, values[f.key]]));
}

/** Starting values with a stored draft laid over them (only names and value types that still fit). */
export function withDraft(model: FormModel, base: FormValues, draft: Record<string, unknown> | null): FormValues {
  if (!draft) return base;
  const out = { ...base };
  for (const f of model.fields) {
    const v = draft[f.field.name];
    if (f.kind === 'checkbox' ? typeof v === 'boolean' : typeof v === 'string') out[f.key] = v as FieldValue;
  }
  return out;
}

export function sameValues(a: FormValues, b: FormValues): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) if (a[k] !== b[k]) return false;
  return true;
}

const isEmpty = (v: unknown) =>
  v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);

/** The body of submit-account-selection: every non-empty value keyed on field name (checkboxes always). */
export function toSelection(model: FormModel, values: FormValues): AccountSelection {
  const selection: AccountSelection = {};
  for (const f of model.fields) {
    const value = values[f.key];
    if (f.kind === 'checkbox') selection[f.field.name] = value === true;
    else if (!isEmpty(value)) selection[f.field.name] = value;
  }
  return selection;
}

/**
 * The server's rules for one field, as the message shown under it (undefined when fine). Same rules and order as
 * `validateSelection`: required (unless the field already holds a value on the server), checkbox is boolean, a date
 * must parse, a choice must be one of the allowed values.
 */
export function validateField(model: FormFieldModel, value: FieldValue | undefined): string | undefined {
  const { field, label } = model;
  if (isEmpty(value)) {
    return field.required && isEmpty(field.value) ? `${label} is required` : undefined;
  }
  const type = field.displayType ?? 'text';
  if (type === 'checkbox') return typeof value === 'boolean' ? undefined : `${label} must be true or false`;
  if (type === 'date' && Number.isNaN(Date.parse(String(value)))) return `${label} must be a date (YYYY-MM-DD)`;
  const allowed = field.allowedValuesList ?? [];
  if (allowed.length > 0 && !allowed.some((a) => a.value === String(value))) {
    return `“${String(value)}” is not one of the allowed values of ${label}`;
  }
  return undefined;
}

/**
 * A 400's causes mapped onto fields: the sandbox writes each field problem as `<field name>: <text>`. Returns the
 * field messages by RHF key and the causes that name no field.
 */
export function causesByField(model: FormModel, causes: string[]): { fields: Map<string, string>; other: string[] } {
  const fields = new Map<string, string>();
  const other: string[] = [];
  for (const cause of causes) {
    const match = /^\s*([^:\s]+)\s*:\s*(.+)$/s.exec(cause);
    const target = match ? model.byName.get(match[1]) : undefined;
    if (target && match) {
      const text = match[2].trim();
      fields.set(target.key, fields.has(target.key) ? `${fields.get(target.key)}; ${text}` : text);
    } else {
      other.push(cause);
    }
  }
  return { fields, other };
}

/** How a submitted value reads on the completed item. */
export function displayValue(model: FormFieldModel): string {
  const value = model.field.value;
  if (model.kind === 'checkbox') return value === true || value === 'true' ? 'Yes' : 'No';
  const text = asText(value);
  if (!text) return '—';
  const option = (model.field.allowedValuesList ?? []).find((o) => o.value === text);
  return option?.label || text;
}
