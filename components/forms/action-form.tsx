"use client";

import type { FormEvent, FormHTMLAttributes } from "react";
import type { BoundValues } from "./use-action-form";

type Props = Omit<FormHTMLAttributes<HTMLFormElement>, "action" | "onSubmit" | "method"> & {
  /** What useActionForm returns. */
  form: {
    action: (input: never) => Promise<unknown>;
    bound: BoundValues;
    onSubmit: (e: FormEvent<HTMLFormElement>) => Promise<void>;
  };
};

/**
 * The <form> of useActionForm. Hydrated, react-hook-form handles the submit. Before hydration
 * (a slow phone) the browser posts the fields and the bound values to the same server action
 * instead of sending them in a GET; React supplies method and encoding for it.
 */
export function ActionForm({ form, children, ...props }: Props) {
  return (
    <form
      {...props}
      action={form.action as unknown as (formData: FormData) => Promise<void>}
      onSubmit={form.onSubmit}
      noValidate
    >
      {Object.entries(form.bound).map(([name, value]) => (
        <input
          key={name}
          type="hidden"
          name={name}
          value={typeof value === "string" ? value : JSON.stringify(value)}
          readOnly
        />
      ))}
      {children}
    </form>
  );
}
