// One labelled input of a studio form with its hint and its error beside it: the error is
// announced, marks the input invalid and describes it, so a message from the API (`/username`)
// appears at the input it is about.
import { cloneElement, type ReactElement } from 'react';

interface ControlProps {
  id?: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
}

export function FormRow({ id, label, hint, error, children }: { id: string; label: string; hint?: string; error?: string | undefined; children: ReactElement<ControlProps> }) {
  const described = [hint ? `${id}-hint` : undefined, error ? `${id}-error` : undefined].filter(Boolean).join(' ');
  return (
    <div className="form-row">
      <label htmlFor={id}>{label}</label>
      {cloneElement(children, { id, 'aria-invalid': error ? true : undefined, 'aria-describedby': described || undefined })}
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="inline-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
