"use client";

import { useState, useTransition } from "react";
import { useLocale } from "next-intl";
import {
  get,
  useForm,
  type DefaultValues,
  type FieldValues,
  type Path,
  type Resolver,
  type UseFormProps,
  type UseFormReturn,
} from "react-hook-form";
import type { ActionResult } from "@/lib/actions/result";
import { callAction, failure, loadSchema, usePrefetchedSchema, type SchemaSource } from "./action-call";
import { useErrorText } from "./error-text";

/** Values the page rendered rather than the user typed (ids, versions), sent with the fields. */
export type BoundValues = Record<string, unknown>;

type Options<TFields extends FieldValues, TData> = Omit<UseFormProps<TFields>, "resolver" | "defaultValues"> & {
  /**
   * The domain's zod schema; it sees the fields and the bound values together, like the server.
   * Pages a phone opens pass a loader (`() => import("@/lib/…/schema").then((m) => m.ZX)`): zod
   * then arrives after the page, before the first check, instead of in its first-load script.
   */
  schema?: SchemaSource;
  /** A server action made with defineAction (lib/actions/action.ts). */
  action: (input: TFields & BoundValues) => Promise<ActionResult<TData>>;
  defaultValues: DefaultValues<TFields>;
  bound?: BoundValues;
  onSuccess?: (data: TData, form: UseFormReturn<TFields>) => void;
};

/** The schema and zod's resolver, or null when they cannot be fetched (no connection). */
async function loadChecker(schema: SchemaSource, locale: string) {
  try {
    const [zod, { zodResolver }] = await Promise.all([loadSchema(schema, locale), import("@hookform/resolvers/zod")]);
    return zod ? { zod, zodResolver } : null;
  } catch {
    return null;
  }
}

const messageAt = (errors: object, name: string) => (get(errors, name) as { message?: string } | undefined)?.message;

/**
 * A form on the one action path: react-hook-form validating with the domain's zod schema,
 * then the server action; the server's refusal lands on the fields and in `result` (shown by
 * FormStatus), and what the user typed stays. Render it with <ActionForm form={…}>.
 */
export function useActionForm<TFields extends FieldValues, TData = unknown>({
  schema,
  action,
  bound = {},
  onSuccess,
  ...formOptions
}: Options<TFields, TData>) {
  const errorText = useErrorText();
  const locale = useLocale();
  const [result, setResult] = useState<ActionResult<TData> | null>(null);
  const [submitted, setSubmitted] = useState<BoundValues | null>(null);
  const [pending, startTransition] = useTransition();
  const resolver = schema
    ? ((async (values, context, options) => {
        const checker = await loadChecker(schema, locale);
        // Not loaded and no connection: the server checks the same schema, and the save itself
        // reports the missing connection (a phone must not swallow the tap).
        if (!checker) return { values: { ...values, ...bound }, errors: {} };
        const { zod, zodResolver } = checker;
        return zodResolver(zod as never, undefined, { raw: true })({ ...values, ...bound }, context, options as never);
      }) as Resolver<TFields>)
    : undefined;
  const form = useForm<TFields>({ ...formOptions, resolver });
  usePrefetchedSchema(schema, locale);

  const onSubmit = form.handleSubmit(
    (values) => {
      const input = { ...values, ...bound };
      setSubmitted(input);
      startTransition(async () => {
        const answer = await callAction(action, input, errorText);
        setResult(answer);
        if (answer.ok) return onSuccess?.(answer.data, form);
        for (const [name, message] of Object.entries(answer.fieldErrors)) {
          if (!(name in bound)) form.setError(name as Path<TFields>, { type: "server", message });
        }
      });
    },
    (errors) => {
      // Bound values are not fields: a problem with one is the form's (a nested one, such as
      // one attendance mark, has no message of its own at the top).
      const name = Object.keys(bound).find((key) => get(errors, key));
      const message = name ? (messageAt(errors, name) ?? "invalidInput") : null;
      setResult(message ? failure("INVALID_INPUT", errorText(message)!) : null);
    },
  );

  const defaults = formOptions.defaultValues as Record<string, unknown>;
  const errorOf = (name: Path<TFields>) => errorText(messageAt(form.formState.errors, name));

  return {
    form,
    action,
    bound,
    onSubmit,
    result,
    /** The input of the last submit (the version a refused case form was looking at…). */
    submitted,
    pending,
    errorOf,
    /** Props of a text, select or textarea field: registered, server-rendered default, error. */
    field: (name: Path<TFields>) => ({
      ...form.register(name),
      defaultValue: get(defaults, name) as string | undefined,
      error: errorOf(name),
    }),
    checkbox: (name: Path<TFields>) => ({ ...form.register(name), defaultChecked: Boolean(get(defaults, name)) }),
    radio: (name: Path<TFields>, value: string) => ({
      ...form.register(name),
      value,
      defaultChecked: get(defaults, name) === value,
    }),
  };
}
