// The sandbox's answer to submit-account-selection: the contract's rules decide what is wrong, this file says it
// the way ISC's 400 does (one cause per problem, `<field name>: <text>`, which the page maps back onto its
// fields), and writes an accepted selection into the stored form.
import {
  displayTypeOf,
  formFields,
  isEmpty,
  selectionProblems,
  type SelectionProblem,
} from '../../../contract/account-selection.ts';
import type { AccountSelection, FormDetails } from '../../../contract/work-items.ts';
import { ApiProblem } from '../../errors.ts';

function describe(entry: SelectionProblem): string {
  if (entry.kind === 'unknown-field') return `${entry.name}: not a field of this form`;
  const { field, problem } = entry;
  const label = field.displayName || field.name;
  switch (problem.kind) {
    case 'required':
      return `${field.name}: "${label}" is required`;
    case 'not-boolean':
      return `${field.name}: "${label}" must be true or false`;
    case 'not-text':
      return `${field.name}: "${label}" must be text`;
    case 'not-a-date':
      return `${field.name}: "${label}" must be a date (YYYY-MM-DD)`;
    case 'not-allowed':
      return `${field.name}: "${problem.value}" is not one of the allowed values of "${label}"`;
  }
}

/** 400 with every problem as a cause, unless the selection is valid for this form. */
export function checkSelection(form: FormDetails, selection: AccountSelection): void {
  const problems = selectionProblems(form, selection).map(describe);
  if (problems.length > 0) {
    throw new ApiProblem(400, `The account selection is invalid: ${problems.join('; ')}.`, problems);
  }
}

/** Stores the given values in the form's fields (a checkbox as a boolean); fields left empty keep theirs. */
export function applySelection(form: FormDetails, selection: AccountSelection): void {
  for (const field of formFields(form)) {
    if (!(field.name in selection) || isEmpty(selection[field.name])) continue;
    const value = selection[field.name];
    field.value = displayTypeOf(field) === 'checkbox' ? value === true || value === 'true' : value;
  }
}
