import { AGENCIES_WITHOUT_SENSITIVE_DATA, can, DEFAULT_SHARED_SECTIONS, MAX_SHARED_SECTIONS } from "../auth/policy";
import type { Role } from "../generated/prisma/enums";
import { SharedSection, type AgencyType } from "../generated/prisma/enums";

// The data packet of a referral: which sections of the case the receiving agency reads.
// The form offers the agency type's maximum and starts from its default; the server keeps
// only what the maximum allows and what the sender may read, whatever the form sends.

/** Every section in the case file's order. */
export const SHARED_SECTIONS = Object.values(SharedSection);

/** Sections a referral from `senderRole` to an agency of `type` may share, in order. */
export function offeredSections(type: AgencyType, senderRole: Role): SharedSection[] {
  const max: readonly string[] = MAX_SHARED_SECTIONS[type];
  return SHARED_SECTIONS.filter((s) => {
    if (!max.includes(s)) return false;
    if (s === "RISK_SENSITIVE") {
      // Sensitive answers travel only from the one who may read them, never to PNP/Bapes.
      return !AGENCIES_WITHOUT_SENSITIVE_DATA.includes(type) && can(senderRole, "risk.readSensitive");
    }
    if (s === "RISK_ANSWERS") return can(senderRole, "risk.read");
    return true;
  });
}

/** The packet a new referral starts with. */
export function defaultSections(type: AgencyType, senderRole: Role): SharedSection[] {
  const offered = offeredSections(type, senderRole);
  const defaults: readonly string[] = DEFAULT_SHARED_SECTIONS[type];
  return offered.filter((s) => defaults.includes(s));
}

/**
 * What is actually shared: the requested sections the agency type and the sender allow, in the
 * case file's order, without repeats. Sensitive answers need the answers themselves.
 */
export function capSharedSections(type: AgencyType, senderRole: Role, requested: readonly string[]): SharedSection[] {
  const offered = offeredSections(type, senderRole);
  const kept = offered.filter((s) => requested.includes(s));
  return kept.includes("RISK_SENSITIVE") && !kept.includes("RISK_ANSWERS")
    ? kept.filter((s) => s !== "RISK_SENSITIVE")
    : kept;
}
