import type { JSX } from 'react';
import { Field } from '../common';

export interface NumberFieldProps {
  label: string;
  value: number;
  onChange: (v: number) => void;
  min?: number;
  max?: number;
  step?: number;
  error?: string;
}

/** A labelled number input; an empty or unparsable entry becomes NaN, which validation reports. */
export function NumberField({ label, value, onChange, min, max, step, error }: NumberFieldProps): JSX.Element {
  return (
    <Field label={label} error={error}>
      {(p) => (
        <input
          {...p}
          type="number"
          inputMode="decimal"
          min={min}
          max={max}
          step={step ?? 'any'}
          value={Number.isFinite(value) ? value : ''}
          onChange={(e) => onChange(e.target.value === '' ? Number.NaN : Number(e.target.value))}
        />
      )}
    </Field>
  );
}
