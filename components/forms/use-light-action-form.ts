"use client";

import { useEffect, useRef, useState, useTransition, type ChangeEvent, type FormEvent } from "react";
import { useLocale } from "next-intl";
import type { ActionResult } from "@/lib/actions/result";
import { callAction, failure, loadSchema, usePrefetchedSchema, type SchemaSource } from "./action-call";
import { useErrorText } from "./error-text";
import type { BoundValues } from "./use-action-form";

// The phone pages' forms (the case page, the attendance sheet, a visit's outcome) without
// react-hook-form: its 12 kB gzipped were most of what kept those pages over their first-load
// budget (decision 017). The inputs are the browser's own, uncontrolled; the values are read
// from the form when it is submitted, checked with the same lazily loaded zod schema, then
// sent to the same server action; the return value has the shape of useActionForm's, so a
// form moves between the two by changing its import. Forms with arrays of fields or many
// dependent fields stay on useActionForm.

type Kind = "field" | "checkbox" | "radio";
type Values = Record<string, unknown>;

/** What onSuccess and the form's own code may do with it (the part of react-hook-form used). */
export type LightForm<TFields extends Values> = {
  /** Back to the defaults, or to `values`; clears the messages. */
  reset: (values?: Partial<TFields>) => void;
  /** The current value of a field, re-rendering when it changes. */
  watch: <K extends keyof TFields & string>(name: K) => TFields[K];
};

type Options<TFields extends Values, TData> = {
  schema?: SchemaSource;
  action: (input: TFields & BoundValues) => Promise<ActionResult<TData>>;
  defaultValues: TFields;
  bound?: BoundValues;
  /** New defaults from the server (a saved change moved the record): the form starts from them. */
  values?: TFields;
  /** Fields not on screen are not sent (otherwise they are sent with their defaults). */
  shouldUnregister?: boolean;
  onSuccess?: (data: TData, form: LightForm<TFields>) => void;
};

/** The value of one named control as react-hook-form would give it. */
function readControl(form: HTMLFormElement, name: string, kind: Kind): unknown {
  const item = form.elements.namedItem(name);
  if (!item) return undefined;
  if (kind === "checkbox") return item instanceof HTMLInputElement ? item.checked : undefined;
  if (kind === "radio") return item instanceof RadioNodeList ? item.value || null : (item as HTMLInputElement).value;
  return (item as HTMLInputElement).value;
}

function writeControl(form: HTMLFormElement, name: string, kind: Kind, value: unknown) {
  const item = form.elements.namedItem(name);
  if (!item) return;
  if (kind === "checkbox" && item instanceof HTMLInputElement) item.checked = Boolean(value);
  else if (item instanceof RadioNodeList) item.value = value == null ? "" : String(value);
  else (item as HTMLInputElement).value = value == null ? "" : String(value);
}

export function useLightActionForm<TFields extends Values, TData = unknown>({
  schema,
  action,
  defaultValues,
  bound = {},
  values,
  shouldUnregister = false,
  onSuccess,
}: Options<TFields, TData>) {
  const errorText = useErrorText();
  const locale = useLocale();
  const [result, setResult] = useState<ActionResult<TData> | null>(null);
  const [submitted, setSubmitted] = useState<BoundValues | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, startTransition] = useTransition();
  const defaults = values ?? defaultValues;
  // Fields register themselves while rendering; only watched ones re-render on a change.
  const kinds = useRef(new Map<string, Kind>());
  const watched = useRef(new Set<string>());
  const [current, setCurrent] = useState<Values>(defaults);
  const formEl = useRef<HTMLFormElement | null>(null);
  usePrefetchedSchema(schema, locale);

  const reset = (to?: Partial<TFields>) => {
    const next = { ...defaults, ...to };
    const el = formEl.current;
    if (el) {
      el.reset();
      if (to) for (const [name, kind] of kinds.current) writeControl(el, name, kind, next[name]);
    }
    setCurrent(next);
    setErrors({});
  };

  // A saved change that gives the form new defaults (the case moved on) starts it again.
  const valuesKey = values ? JSON.stringify(values) : "";
  const firstValues = useRef(valuesKey);
  useEffect(() => {
    if (valuesKey === firstValues.current) return;
    firstValues.current = valuesKey;
    reset(values);
    // Only a change of the values themselves resets the form.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [valuesKey]);

  const api: LightForm<TFields> = {
    reset,
    watch: (name) => {
      watched.current.add(name);
      return current[name] as never;
    },
  };

  const onChange =
    (name: string, kind: Kind) => (e: ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) => {
      if (errors[name]) setErrors(({ [name]: _, ...rest }) => rest);
      if (!watched.current.has(name)) return;
      const target = e.currentTarget as HTMLInputElement;
      setCurrent((c) => ({ ...c, [name]: kind === "checkbox" ? target.checked : target.value }));
    };

  const register = (name: string, kind: Kind) => {
    kinds.current.set(name, kind);
    return { name, onChange: onChange(name, kind) };
  };

  const send = (input: TFields & BoundValues) => {
    setSubmitted(input);
    startTransition(async () => {
      const answer = await callAction(action, input, errorText);
      setResult(answer);
      if (answer.ok) return onSuccess?.(answer.data, api);
      setErrors(Object.fromEntries(Object.entries(answer.fieldErrors).filter(([name]) => !(name in bound))));
    });
  };

  /** The form's submit handler; called without an event (a retry), it sends the form again. */
  const onSubmit = async (e?: FormEvent) => {
    e?.preventDefault();
    const el = (e?.currentTarget as HTMLFormElement | undefined) ?? formEl.current;
    formEl.current = el;
    const read: Values = shouldUnregister ? {} : { ...defaults };
    for (const [name, kind] of el ? kinds.current : []) {
      const value = readControl(el!, name, kind);
      if (value !== undefined) read[name] = value;
    }
    const input = { ...read, ...bound } as TFields & BoundValues;
    // Not loaded and no connection: the server checks the same schema, and the action itself
    // reports the missing connection (a tap is never swallowed).
    const zod = schema ? await loadSchema(schema, locale) : null;
    if (zod) {
      const parsed = zod.safeParse(input);
      if (!parsed.success) {
        const found: Record<string, string> = {};
        for (const issue of parsed.error.issues) found[issue.path.join(".")] ??= issue.message;
        // Bound values are not fields: a problem with one is the form's.
        const boundName = Object.keys(found).find((name) => name.split(".")[0] in bound);
        setResult(boundName ? failure("INVALID_INPUT", errorText(found[boundName] ?? "invalidInput")!) : null);
        setErrors(Object.fromEntries(Object.entries(found).filter(([name]) => !(name.split(".")[0] in bound))));
        const first = Object.keys(found).find((name) => kinds.current.has(name));
        const control = first && el ? el.elements.namedItem(first) : null;
        (control instanceof RadioNodeList ? (control[0] as HTMLElement) : (control as HTMLElement | null))?.focus();
        return;
      }
    }
    setErrors({});
    send(input);
  };

  const errorOf = (name: string) => errorText(errors[name]);

  return {
    form: api,
    action,
    bound,
    onSubmit,
    result,
    submitted,
    pending,
    errorOf,
    /** Props of a text, select or textarea field: named, server-rendered default, error. */
    field: (name: keyof TFields & string) => ({
      ...register(name, "field"),
      defaultValue: defaults[name] == null ? undefined : String(defaults[name]),
      error: errorOf(name),
    }),
    checkbox: (name: keyof TFields & string) => ({
      ...register(name, "checkbox"),
      defaultChecked: Boolean(defaults[name]),
    }),
    radio: (name: keyof TFields & string, value: string) => ({
      ...register(name, "radio"),
      value,
      defaultChecked: defaults[name] === value,
    }),
  };
}
