import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";

// Form field wrappers: a visible label tied to the control, help text and the error message
// linked with aria-describedby, and aria-invalid when there is an error.

/** Text inputs, selects and text areas: the class .control of app/globals.css (see button.tsx). */
export const controlClasses = "control";

type FieldProps = {
  id: string;
  label: ReactNode;
  help?: ReactNode;
  error?: string | null;
  children: (describedBy: string | undefined, invalid: boolean) => ReactNode;
};

export function Field({ id, label, help, error, children }: FieldProps) {
  const helpId = help ? `${id}-help` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [helpId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-slate-800">
        {label}
      </label>
      {children(describedBy, Boolean(error))}
      {help ? (
        <p id={helpId} className="text-sm text-slate-600">
          {help}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="text-sm font-medium text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}

type Common = { id: string; label: ReactNode; help?: ReactNode; error?: string | null };

export function TextField({
  id,
  label,
  help,
  error,
  className = "",
  ...props
}: Common & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <Field id={id} label={label} help={help} error={error}>
      {(describedBy, invalid) => (
        <input
          id={id}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          className={`${controlClasses} ${className}`}
          {...props}
        />
      )}
    </Field>
  );
}

export function SelectField({
  id,
  label,
  help,
  error,
  className = "",
  children,
  ...props
}: Common & SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <Field id={id} label={label} help={help} error={error}>
      {(describedBy, invalid) => (
        <select
          id={id}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          className={`${controlClasses} ${className}`}
          {...props}
        >
          {children}
        </select>
      )}
    </Field>
  );
}

export function TextAreaField({
  id,
  label,
  help,
  error,
  className = "",
  ...props
}: Common & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <Field id={id} label={label} help={help} error={error}>
      {(describedBy, invalid) => (
        <textarea
          id={id}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          className={`${controlClasses} ${className}`}
          {...props}
        />
      )}
    </Field>
  );
}
