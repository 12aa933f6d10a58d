import type { Prisma } from "../generated/prisma/client";
import type { ContactChannel, ContactOutcome, VisitOutcome, VisitTimeWindow } from "../generated/prisma/enums";
import { CONTACT_CHANNEL_ES, CONTACT_OUTCOME_ES, TIME_WINDOW_ES, VISIT_OUTCOME_ES } from "./labels";

// The timeline entries of visits and contact attempts, shared by the app and the demo seed so
// both write the same shapes. The body is what every viewer of the HOME_VISITS section reads
// (directors included), so it never carries the visit's notes: those stay on the visit row,
// selected only for the case team (lib/visits/visibility.ts).

export type AddressAction = "CONFIRMED" | "CORRECTED";

type TimelineEntry = { body: string; data: Prisma.InputJsonObject };

const ddmmyyyy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

export function visitScheduledEntry(v: {
  visitId: string;
  scheduledFor: string; // YYYY-MM-DD
  timeWindow: VisitTimeWindow;
  assigneeId: string;
  assigneeName: string;
}): TimelineEntry {
  return {
    body: `Visita domiciliaria programada para el ${ddmmyyyy(v.scheduledFor)} (${TIME_WINDOW_ES[v.timeWindow]}), a cargo de ${v.assigneeName}.`,
    data: { action: "SCHEDULED", ...v },
  };
}

export function visitRecordedEntry(v: {
  visitId: string;
  outcome: VisitOutcome;
  metWith: string | null;
  address: AddressAction | null;
}): TimelineEntry {
  const parts = [`Visita domiciliaria: ${VISIT_OUTCOME_ES[v.outcome]}`];
  if (v.metWith) parts.push(`se habló con: ${v.metWith}`);
  if (v.address === "CONFIRMED") parts.push("dirección confirmada");
  if (v.address === "CORRECTED") parts.push("dirección corregida");
  return {
    body: `${parts.join("; ")}.`,
    data: { action: "RECORDED", visitId: v.visitId, outcome: v.outcome, metWith: v.metWith, address: v.address },
  };
}

export function contactAttemptEntry(c: {
  attemptId: string;
  channel: ContactChannel;
  outcome: ContactOutcome;
}): TimelineEntry {
  return {
    body: `Intento de contacto (${CONTACT_CHANNEL_ES[c.channel]}): ${CONTACT_OUTCOME_ES[c.outcome]}.`,
    data: { attemptId: c.attemptId, channel: c.channel, outcome: c.outcome },
  };
}
