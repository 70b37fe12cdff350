import type { ComponentPropsWithRef, JSX } from 'react';

export interface ButtonProps extends ComponentPropsWithRef<'button'> {
  variant?: 'primary' | 'secondary' | 'ghost' | 'danger';
}

/** A button in Rapport's style; `type` defaults to `button` so it never submits by accident. */
export function Button({ variant = 'secondary', className, type = 'button', ...rest }: ButtonProps): JSX.Element {
  return <button type={type} className={['r-btn', `r-btn--${variant}`, className].filter(Boolean).join(' ')} {...rest} />;
}
