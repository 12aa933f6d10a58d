"use client";

import { useState, useTransition, type FormEvent } from "react";
import type { ActionResult } from "@/lib/actions/result";
import { callAction } from "./action-call";
import { useErrorText } from "./error-text";
import type { BoundValues } from "./use-action-form";

/**
 * A form with no field of its own: a button that sends the record's ids (open a case from an
 * alert, take a member off a case). Nothing to check in the browser, so no form state and no
 * schema: lists render one per row, and each useLightActionForm cost ~0.2 ms of server time
 * (decision 017). Render it with <ActionForm form={…}>: before hydration the browser posts
 * the bound values to the same server action. The return value has the part of
 * useLightActionForm's shape that such a form uses.
 */
export function useBoundAction<TInput extends BoundValues, TData = unknown>(
  action: (input: TInput) => Promise<ActionResult<TData>>,
  bound: TInput,
) {
  const errorText = useErrorText();
  const [result, setResult] = useState<ActionResult<TData> | null>(null);
  const [submitted, setSubmitted] = useState<BoundValues | null>(null);
  const [pending, startTransition] = useTransition();
  const onSubmit = async (e?: FormEvent) => {
    e?.preventDefault();
    setSubmitted(bound);
    startTransition(async () => setResult(await callAction(action, bound, errorText)));
  };
  return { action, bound, onSubmit, result, submitted, pending };
}
