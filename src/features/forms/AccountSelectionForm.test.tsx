// Component tests of the account-selection form: each field kind renders and edits, an unknown displayType falls
// back to text, the server's rules (required, allowed values) are checked before sending, a server 400 lands on its
// field, and a draft in sessionStorage comes back on mount.
import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { ApiError } from '../../lib/http.ts';
import type { AccountSelection, FieldDetails, FormDetails } from '../../../contract/work-items.ts';
import { SelectionForm } from './SelectionForm.tsx';
import { SubmittedSelection } from './SubmittedSelection.tsx';
import { draftKey } from './draft.ts';
import { buildModel } from './form-model.ts';

const choice = (name: string, displayName: string, n: number, required = true): FieldDetails => ({
  name,
  displayName,
  displayType: 'select',
  required,
  allowedValuesList: Array.from({ length: n }, (_, i) => ({
    label: `${name}-acct-${i + 1}`,
    value: `${name}-${i + 1}`,
  })),
  value: null,
});

const FORM: FormDetails = {
  title: 'Choose accounts',
  subtitle: 'Workday: Payroll Viewer',
  targetUser: 'Liam O’Connor',
  sections: [
    {
      name: 'first',
      label: 'First source',
      formItems: [
        choice('small', 'Small source account', 2),
        { name: 'ticket', displayName: 'Change ticket number', displayType: 'text', required: true, value: null },
        { name: 'notify', displayName: 'Notify the user', displayType: 'checkbox', required: false, value: true },
      ],
    },
    {
      name: 'second',
      label: 'Second source',
      formItems: [
        choice('big', 'Big source account', 40),
        {
          name: 'schedule',
          label: 'Schedule',
          formItems: [{ name: 'start', displayName: 'Start date', displayType: 'date', required: false, value: null }],
        },
        { name: 'notes', displayName: 'Notes', displayType: 'textarea', required: false, value: '' },
        { name: 'colour', displayName: 'Badge colour', displayType: 'colorpicker', required: false, value: '#3366ff' },
      ],
    },
  ],
};

type Submit = (selection: AccountSelection) => Promise<unknown>;

function renderForm(form: FormDetails = FORM, onSubmit: Mock<Submit> = vi.fn<Submit>(async () => ({}))) {
  const user = userEvent.setup({ delay: null });
  render(
    <MemoryRouter>
      <SelectionForm workItemId="wi-1" form={form} onSubmit={onSubmit} />
    </MemoryRouter>,
  );
  return { user, onSubmit };
}

const submitButton = () => screen.getByRole('button', { name: 'Submit selection' });

beforeEach(() => sessionStorage.clear());
afterEach(() => cleanup());

describe('AccountSelectionForm', () => {
  it('renders sections (nested too) and every field kind with its label and starting value', () => {
    renderForm();
    expect(screen.getByRole('group', { name: 'First source' })).toBeInTheDocument();
    expect(screen.getByRole('group', { name: 'Schedule' })).toBeInTheDocument();
    // few options → radio buttons; many → a combobox
    const radios = within(screen.getByRole('radiogroup', { name: 'Small source account' })).getAllByRole('radio');
    expect(radios).toHaveLength(2);
    expect(screen.getByRole('combobox', { name: 'Big source account' })).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Change ticket number' })).toBeRequired();
    expect(screen.getByRole('checkbox', { name: 'Notify the user' })).toBeChecked();
    expect(screen.getByLabelText('Start date')).toHaveAttribute('type', 'date');
    expect(screen.getByRole('textbox', { name: 'Notes' }).tagName).toBe('TEXTAREA');
    // unknown displayType → a text field with its raw value, not dropped
    expect(screen.getByRole('textbox', { name: 'Badge colour' })).toHaveValue('#3366ff');
    expect(screen.getByText(/no input for “colorpicker” fields/)).toBeInTheDocument();
  });

  it('edits every kind and sends the map keyed on field name', async () => {
    const { user, onSubmit } = renderForm();
    await user.click(screen.getByRole('radio', { name: 'small-acct-2' }));
    await user.type(screen.getByRole('textbox', { name: 'Change ticket number' }), 'CHG-42');
    await user.click(screen.getByRole('checkbox', { name: 'Notify the user' }));
    const combo = screen.getByRole('combobox', { name: 'Big source account' });
    await user.type(combo, 'acct-37');
    await user.click(await screen.findByRole('option', { name: 'big-acct-37' }));
    await user.type(screen.getByLabelText('Start date'), '2026-03-01');
    await user.type(screen.getByRole('textbox', { name: 'Notes' }), 'line one{Enter}line two');
    const colour = screen.getByRole('textbox', { name: 'Badge colour' });
    await user.clear(colour);
    await user.type(colour, 'teal');
    await user.click(submitButton());
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(onSubmit.mock.calls[0][0]).toEqual({
      small: 'small-2',
      ticket: 'CHG-42',
      notify: false,
      big: 'big-37',
      start: '2026-03-01',
      notes: 'line one\nline two',
      colour: 'teal',
    });
    expect(sessionStorage.getItem(draftKey('wi-1'))).toBeNull();
  });

  it('shows which required fields are missing, focuses the first, and sends nothing', async () => {
    const { user, onSubmit } = renderForm();
    await user.click(submitButton());
    const summary = await screen.findByTestId('form-error-summary');
    expect(summary).toHaveTextContent('3 fields need attention');
    // each problem once in the summary (a link to its field), in words that name the field once
    const summaryItems = within(summary)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(summaryItems).toEqual([
      'Small source account is required',
      'Change ticket number is required',
      'Big source account is required',
    ]);
    expect(within(summary).getByRole('button', { name: 'Small source account is required' })).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'small-acct-1' })).toHaveFocus();
    expect(onSubmit).not.toHaveBeenCalled();
    // whitespace is empty, as on the server
    await user.type(screen.getByRole('textbox', { name: 'Change ticket number' }), '   ');
    await user.click(submitButton());
    expect(screen.getAllByText('Change ticket number is required')).toHaveLength(2); // under the field, in the summary
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('refuses a value that is not one of the allowed values', async () => {
    const form: FormDetails = {
      title: 'Stale',
      sections: [{ name: 's', label: 'S', formItems: [{ ...choice('acct', 'Account', 3), value: 'gone-account' }] }],
    };
    const { user, onSubmit } = renderForm(form);
    await user.click(submitButton());
    // under the field and, once, in the summary
    expect(await screen.findAllByText('“gone-account” is not one of the allowed values of Account')).toHaveLength(2);
    expect(onSubmit).not.toHaveBeenCalled();
    await user.click(screen.getByRole('radio', { name: 'acct-acct-3' }));
    await user.click(submitButton());
    await waitFor(() => expect(onSubmit).toHaveBeenCalledWith({ acct: 'acct-3' }));
  });

  it("shows a server 400's field cause on that field and keeps every value", async () => {
    const onSubmit = vi.fn<Submit>(async () => {
      throw new ApiError({
        status: 400,
        message: 'The account selection is invalid: ticket: "Change ticket number" is required.',
        detailCode: '400.1 Bad request content',
        trackingId: 'abc123',
        causes: ['ticket: "Change ticket number" is required', 'something else went wrong'],
      });
    });
    const { user } = renderForm(FORM, onSubmit);
    await user.click(screen.getByRole('radio', { name: 'small-acct-1' }));
    await user.type(screen.getByRole('textbox', { name: 'Change ticket number' }), 'CHG-1');
    await user.type(screen.getByRole('combobox', { name: 'Big source account' }), 'acct-2');
    await user.click(await screen.findByRole('option', { name: 'big-acct-2' }));
    await user.click(submitButton());
    expect(await screen.findByText('"Change ticket number" is required')).toBeInTheDocument();
    expect(screen.getByTestId('error-tracking-id')).toHaveTextContent('abc123');
    expect(screen.getByText('something else went wrong')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Change ticket number' })).toHaveValue('CHG-1');
    expect(screen.getByRole('textbox', { name: 'Change ticket number' })).toHaveFocus();
    expect(screen.getByRole('radio', { name: 'small-acct-1' })).toBeChecked();
    expect(screen.getByRole('combobox', { name: 'Big source account' })).toHaveValue('big-acct-2');
    expect(submitButton()).toBeEnabled();
  });

  it('shows progress while submitting', async () => {
    let finish: () => void = () => {};
    const onSubmit = vi.fn<Submit>(() => new Promise<void>((resolve) => (finish = resolve)));
    const form: FormDetails = { title: 'T', sections: [{ name: 's', formItems: [choice('acct', 'Account', 2)] }] };
    const { user } = renderForm(form, onSubmit);
    await user.click(screen.getByRole('radio', { name: 'acct-acct-1' }));
    await user.click(submitButton());
    await waitFor(() => expect(submitButton()).toBeDisabled());
    expect(screen.getByRole('status')).toHaveTextContent('Submitting');
    finish();
    await waitFor(() => expect(submitButton()).toBeEnabled());
  });

  it('saves a draft on change and restores it on mount', async () => {
    const { user } = renderForm();
    await user.type(screen.getByRole('textbox', { name: 'Change ticket number' }), 'CHG-7');
    await user.click(screen.getByRole('radio', { name: 'small-acct-2' }));
    await waitFor(() => expect(sessionStorage.getItem(draftKey('wi-1'))).toContain('CHG-7'));
    cleanup();

    renderForm();
    expect(screen.getByTestId('draft-restored')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Change ticket number' })).toHaveValue('CHG-7');
    expect(screen.getByRole('radio', { name: 'small-acct-2' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Notify the user' })).toBeChecked();
  });

  it('restores a draft written before mount (e.g. before a sign-in round trip), ignoring unknown names', () => {
    sessionStorage.setItem(
      draftKey('wi-1'),
      JSON.stringify({ savedAt: '', values: { ticket: 'CHG-9', notify: false, big: 'big-12', bogus: 'x' } }),
    );
    renderForm();
    expect(screen.getByRole('textbox', { name: 'Change ticket number' })).toHaveValue('CHG-9');
    expect(screen.getByRole('checkbox', { name: 'Notify the user' })).not.toBeChecked();
    expect(screen.getByRole('combobox', { name: 'Big source account' })).toHaveValue('big-acct-12');
  });

  it('"Discard changes" goes back to the starting values and drops the draft', async () => {
    const { user } = renderForm();
    await user.type(screen.getByRole('textbox', { name: 'Change ticket number' }), 'CHG-3');
    await user.click(screen.getByRole('button', { name: 'Discard changes' }));
    expect(screen.getByRole('textbox', { name: 'Change ticket number' })).toHaveValue('');
    await waitFor(() => expect(sessionStorage.getItem(draftKey('wi-1'))).toBeNull());
  });

  it('shows a completed selection read-only', () => {
    const done = structuredClone(FORM);
    const fields = done.sections![0].formItems as FieldDetails[];
    fields[0].value = 'small-2';
    fields[1].value = 'CHG-5';
    fields[2].value = false;
    render(<SubmittedSelection model={buildModel(done)} />);
    expect(screen.getByText('Small source account').nextElementSibling).toHaveTextContent('small-acct-2');
    expect(screen.getByText('Change ticket number').nextElementSibling).toHaveTextContent('CHG-5');
    expect(screen.getByText('Notify the user').nextElementSibling).toHaveTextContent('No');
    expect(screen.getByRole('heading', { name: 'Schedule' })).toBeInTheDocument();
    expect(screen.queryByRole('textbox')).toBeNull();
  });
});
