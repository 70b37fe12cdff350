/**
 * A named group of native radio buttons shown as a segmented control. Native radios give
 * the keyboard behaviour users expect (one Tab stop, arrow keys move and select); with
 * `digitShortcuts`, pressing 1…9 while the group has focus picks the n-th option.
 */
import { useId, type JSX, type KeyboardEvent } from 'react';
import { FieldNotes } from './Field';

export interface RadioOption<V extends string> {
  value: V;
  label: string;
}

export interface RadioGroupProps<V extends string> {
  /** The group's accessible name. */
  label: string;
  name: string;
  options: readonly RadioOption<V>[];
  value: V | undefined;
  onChange: (value: V) => void;
  digitShortcuts?: boolean;
  hint?: string;
  error?: string;
  className?: string;
}

export function RadioGroup<V extends string>({
  label,
  name,
  options,
  value,
  onChange,
  digitShortcuts = false,
  hint,
  error,
  className,
}: RadioGroupProps<V>): JSX.Element {
  const id = useId();
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    if (!digitShortcuts || e.ctrlKey || e.metaKey || e.altKey) return;
    const n = Number.parseInt(e.key, 10);
    const opt = Number.isInteger(n) && n >= 1 ? options[n - 1] : undefined;
    if (!opt) return;
    e.preventDefault();
    onChange(opt.value);
    const input = e.currentTarget.querySelector<HTMLInputElement>(`input[value="${CSS.escape(opt.value)}"]`);
    input?.focus();
  };
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={['r-field', className].filter(Boolean).join(' ')}>
      <div className="r-label" id={`${id}-label`}>
        {label}
      </div>
      <div
        role="radiogroup"
        aria-labelledby={`${id}-label`}
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
        className="r-segmented"
        onKeyDown={onKeyDown}
      >
        {options.map((o, i) => (
          <label key={o.value} className="r-segment">
            <input
              type="radio"
              name={name}
              value={o.value}
              checked={value === o.value}
              // With nothing chosen yet, the first option is the group's Tab stop.
              tabIndex={value === undefined ? (i === 0 ? 0 : -1) : value === o.value ? 0 : -1}
              onChange={() => onChange(o.value)}
            />
            <span>
              {digitShortcuts && i < 9 ? <kbd aria-hidden="true">{i + 1}</kbd> : null}
              {o.label}
            </span>
          </label>
        ))}
      </div>
      <FieldNotes id={id} hint={hint} error={error} />
    </div>
  );
}
