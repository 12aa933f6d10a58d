"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { startTransition, useActionState, type BaseSyntheticEvent } from "react";
import { useForm } from "react-hook-form";
import { signInAction } from "@/lib/auth/actions";
import { signInSchema, type SignInFormState, type SignInInput } from "@/lib/auth/sign-in";

const inputClass =
  "mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-base focus:border-teal-600 focus:outline-none focus:ring-2 focus:ring-teal-600/40 aria-[invalid=true]:border-red-600";

const INITIAL: SignInFormState = { error: null, email: "" };

/**
 * The form's action is a server action, so React renders it as a POST to this page: submitted
 * before hydration (slow phone, blocked scripts) it still signs in, and the password never
 * lands in a URL. Once hydrated, the fields are checked here first and the same action runs
 * without a page load; refusals come back as state and show inline.
 */
export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations("auth");
  const [state, formAction, isPending] = useActionState(signInAction, INITIAL);
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<SignInInput>({
    resolver: zodResolver(signInSchema),
    defaultValues: { email: state.email, password: "" },
  });

  // handleSubmit cancels the native submission; the action then runs inside a transition.
  // The submit event's target is the form itself.
  const onValid = (_values: SignInInput, event?: BaseSyntheticEvent) => {
    const form = event?.target;
    if (form instanceof HTMLFormElement) startTransition(() => formAction(new FormData(form)));
  };

  // Field messages are translation keys set in signInSchema (from the browser or the server).
  const fieldError = (field: keyof SignInInput) => {
    const key = errors[field]?.message ?? state.fieldErrors?.[field];
    return key ? t(`errors.${key}` as "errors.emailInvalid") : null;
  };
  const emailError = fieldError("email");
  const passwordError = fieldError("password");

  return (
    <form action={formAction} onSubmit={handleSubmit(onValid)} className="mt-6 space-y-4" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      {state.error && !isPending && (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {t(`errors.${state.error}`)}
        </p>
      )}
      <div>
        <label htmlFor="email" className="block text-sm font-medium">
          {t("email")}
        </label>
        <input
          id="email"
          type="email"
          autoComplete="username"
          inputMode="email"
          defaultValue={state.email}
          aria-invalid={emailError ? true : undefined}
          aria-describedby={emailError ? "email-error" : undefined}
          className={inputClass}
          {...register("email")}
        />
        {emailError && (
          <p id="email-error" className="mt-1 text-sm text-red-700">
            {emailError}
          </p>
        )}
      </div>
      <div>
        <label htmlFor="password" className="block text-sm font-medium">
          {t("password")}
        </label>
        <input
          id="password"
          type="password"
          autoComplete="current-password"
          aria-invalid={passwordError ? true : undefined}
          aria-describedby={passwordError ? "password-error" : undefined}
          className={inputClass}
          {...register("password")}
        />
        {passwordError && (
          <p id="password-error" className="mt-1 text-sm text-red-700">
            {passwordError}
          </p>
        )}
      </div>
      <button
        type="submit"
        disabled={isPending}
        className="w-full rounded-md bg-teal-700 px-4 py-2.5 text-base font-semibold text-white hover:bg-teal-800 focus:outline-none focus-visible:ring-2 focus-visible:ring-teal-600 focus-visible:ring-offset-2 disabled:opacity-60"
      >
        {isPending ? t("submitting") : t("submit")}
      </button>
    </form>
  );
}
