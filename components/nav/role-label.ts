import type { SessionUser } from "@/lib/auth/types";

type Translate = (key: string, values?: Record<string, string>) => string;

/** "Director(a)", or "Personal de DEMUNA" for agency staff; `t` is the `common` namespace. */
export function roleLabel(t: Translate, user: Pick<SessionUser, "role" | "agencyType">): string {
  if (user.role === "AGENCY_STAFF" && user.agencyType) {
    return t("agencyRole", { agency: t(`agencyTypes.${user.agencyType}`) });
  }
  return t(`roles.${user.role}`);
}
