/**
 * A labelled form field: label, the control (rendered by the caller with the ids it is
 * given), an optional hint and an error. The control is described by the hint and the error,
 * and marked invalid while the error shows.
 */
import { useId, type JSX, type ReactNode } from 'react';

export interface FieldControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: boolean;
}

export interface FieldProps {
  label: string;
  hint?: string;
  error?: string;
  /** Renders the control; spread the props onto it. */
  children: (control: FieldControlProps) => ReactNode;
  className?: string;
}

export function Field({ label, hint, error, children, className }: FieldProps): JSX.Element {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={['r-field', className].filter(Boolean).join(' ')}>
      <label className="r-label" htmlFor={id}>
        {label}
      </label>
      {children({ id, 'aria-describedby': describedBy, 'aria-invalid': error ? true : undefined })}
      {hint ? (
        <div className="r-hint" id={hintId}>
          {hint}
        </div>
      ) : null}
      {error ? (
        <div className="r-error" id={errorId} role="alert">
          {error}
        </div>
      ) : null}
    </div>
  );
}
