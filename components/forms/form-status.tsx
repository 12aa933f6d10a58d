import type { ReactNode } from "react";
import { Notice } from "@/components/ui/notice";
import type { ActionResult } from "@/lib/actions/result";

/** The outcome of a form: the saved note, or the refusal's message (plus any action for it). */
export function FormStatus({
  result,
  saved,
  children,
}: {
  result: ActionResult<unknown> | null;
  saved?: string;
  children?: ReactNode;
}) {
  if (!result) return null;
  if (result.ok) return saved ? <Notice tone="success">{saved}</Notice> : null;
  return (
    <Notice tone="error">
      <p>{result.message}</p>
      {children}
    </Notice>
  );
}
