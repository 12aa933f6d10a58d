import { getTranslations } from "next-intl/server";
import { SignOutGuard } from "@/components/offline/sign-out-guard";
import { signOutAction } from "@/lib/auth/actions";

/** A form posting to the sign-out action: works before the page hydrates, ships no script. */
export async function SignOutButton({ className }: { className?: string }) {
  const t = await getTranslations("auth");
  return (
    <form action={signOutAction}>
      <SignOutGuard />
      <button
        type="submit"
        className={
          className ??
          "rounded-md px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-teal-600 disabled:opacity-60"
        }
      >
        {t("signOut")}
      </button>
    </form>
  );
}
