// One form field as an MUI input, bound to react-hook-form through a Controller. The input by kind: radio buttons
// for a few allowed values, a searchable Autocomplete for many, text, multi-line text, a checkbox, a native date
// input, and a plain text field (raw value) for a displayType the inbox does not know.
import { useId } from 'react';
import { Controller, type Control } from 'react-hook-form';
import Autocomplete from '@mui/material/Autocomplete';
import Checkbox from '@mui/material/Checkbox';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import TextField from '@mui/material/TextField';
import type { AllowedValue } from '../../../contract/work-items.ts';
import { validateField, type FormFieldModel, type FormValues } from './form-model.ts';

const optionLabel = (o: AllowedValue) => o.label || o.value;

export function FormFieldInput({
  model,
  control,
  disabled,
}: {
  model: FormFieldModel;
  control: Control<FormValues>;
  disabled?: boolean;
}) {
  const id = useId();
  const { field: details, kind, label } = model;
  const required = !!details.required;
  const options = (details.allowedValuesList ?? []).filter((o) => o && typeof o.value === 'string');

  return (
    <Controller
      name={model.key}
      control={control}
      rules={{ validate: (value) => validateField(model, value) ?? true }}
      render={({ field, fieldState }) => {
        const error = fieldState.error?.message;
        const helpId = `${id}-help`;

        if (kind === 'radio') {
          const labelId = `${id}-label`;
          return (
            <FormControl component="fieldset" error={!!error} required={required} disabled={disabled} fullWidth>
              <FormLabel component="legend" id={labelId}>
                {label}
              </FormLabel>
              <RadioGroup
                aria-labelledby={labelId}
                aria-describedby={error ? helpId : undefined}
                aria-required={required || undefined}
                aria-invalid={!!error || undefined}
                name={field.name}
                value={typeof field.value === 'string' ? field.value : ''}
                onChange={(e) => field.onChange(e.target.value)}
                onBlur={field.onBlur}
              >
                {options.map((o, i) => (
                  <FormControlLabel
                    key={o.value}
                    value={o.value}
                    control={<Radio slotProps={{ input: { ref: i === 0 ? field.ref : undefined } }} />}
                    label={optionLabel(o)}
                    sx={{ overflowWrap: 'anywhere' }}
                  />
                ))}
              </RadioGroup>
              {error && <FormHelperText id={helpId}>{error}</FormHelperText>}
            </FormControl>
          );
        }

        if (kind === 'select') {
          const selected = options.find((o) => o.value === field.value) ?? null;
          return (
            <Autocomplete
              id={id}
              options={options}
              value={selected}
              disabled={disabled}
              onChange={(_event, option) => field.onChange(option?.value ?? '')}
              onBlur={field.onBlur}
              getOptionLabel={optionLabel}
              isOptionEqualToValue={(a, b) => a.value === b.value}
              autoHighlight
              fullWidth
              renderInput={(params) => (
                <TextField
                  {...params}
                  label={label}
                  name={field.name}
                  required={required}
                  error={!!error}
                  helperText={error ?? `${options.length} accounts: type part of a name to find one`}
                  inputRef={field.ref}
                />
              )}
            />
          );
        }

        if (kind === 'checkbox') {
          return (
            <FormControl error={!!error} disabled={disabled}>
              <FormControlLabel
                control={
                  <Checkbox
                    name={field.name}
                    checked={field.value === true}
                    onChange={(e) => field.onChange(e.target.checked)}
                    onBlur={field.onBlur}
                    slotProps={{ input: { ref: field.ref, 'aria-describedby': error ? helpId : undefined } }}
                  />
                }
                label={label}
                required={required}
              />
              {error && <FormHelperText id={helpId}>{error}</FormHelperText>}
            </FormControl>
          );
        }

        const unknown = kind === 'unknown';
        const hint = unknown ? `Shown as text: the inbox has no input for “${details.displayType}” fields.` : undefined;
        return (
          <TextField
            id={id}
            name={field.name}
            label={label}
            value={typeof field.value === 'string' ? field.value : ''}
            onChange={(e) => field.onChange(e.target.value)}
            onBlur={field.onBlur}
            inputRef={field.ref}
            required={required}
            disabled={disabled}
            error={!!error}
            helperText={error ?? hint}
            type={kind === 'date' ? 'date' : 'text'}
            multiline={kind === 'textarea'}
            minRows={kind === 'textarea' ? 3 : undefined}
            fullWidth
            slotProps={kind === 'date' ? { inputLabel: { shrink: true } } : undefined}
            sx={kind === 'date' ? { maxWidth: 260 } : undefined}
          />
        );
      }}
    />
  );
}
