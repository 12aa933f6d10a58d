import type { AgencyType, Locale, Role } from "../generated/prisma/enums";

/** The signed-in user as every authorization check sees it (re-read from the database per request). */
export type SessionUser = {
  id: string;
  email: string;
  name: string;
  role: Role;
  locale: Locale;
  /** Schools in scope (coordinator territory, director/tutor school, case-team schools). */
  schoolIds: string[];
  /** Set only for AGENCY_STAFF. */
  agencyId: string | null;
  agencyType: AgencyType | null;
};

/** Where a request came from, written into every audit entry. */
export type RequestOrigin = { ip?: string | null; userAgent?: string | null; via?: "web" | "cli" | "seed" };
