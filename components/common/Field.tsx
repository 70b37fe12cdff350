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
      <FieldNotes id={id} hint={hint} error={error} />
    </div>
  );
}

/** A field's hint and error, with the ids `${id}-hint` / `${id}-error` its control is described by. */
export function FieldNotes({ id, hint, error }: { id: string; hint?: string | undefined; error?: string | undefined }): JSX.Element {
  return (
    <>
      {hint ? (
        <div className="r-hint" id={`${id}-hint`}>
          {hint}
        </div>
      ) : null}
      {error ? (
        <div className="r-error" id={`${id}-error`} role="alert">
          {error}
        </div>
      ) : null}
    </>
  );
}
