import type { ContactChannel, ContactOutcome, VisitOutcome, VisitTimeWindow } from "../generated/prisma/enums";

// The visit vocabulary, and its Spanish words for the timeline texts stored in the database
// (the interface itself uses messages/<locale>/visits.json; refusals, the errors catalogue).

export const VISIT_OUTCOMES = [
  "CONTACTED",
  "NOBODY_HOME",
  "ADDRESS_NOT_FOUND",
  "MOVED",
  "REFUSED",
] as const satisfies readonly VisitOutcome[];

export const TIME_WINDOWS = ["MORNING", "AFTERNOON"] as const satisfies readonly VisitTimeWindow[];

export const CONTACT_CHANNELS = [
  "PHONE",
  "WHATSAPP",
  "IN_SCHOOL",
  "NEIGHBOUR",
  "OTHER_FAMILY",
] as const satisfies readonly ContactChannel[];

export const CONTACT_OUTCOMES = [
  "REACHED",
  "NO_ANSWER",
  "WRONG_NUMBER",
  "REFUSED",
] as const satisfies readonly ContactOutcome[];

export const VISIT_OUTCOME_ES: Record<VisitOutcome, string> = {
  CONTACTED: "se contactó a la familia",
  NOBODY_HOME: "nadie en casa",
  ADDRESS_NOT_FOUND: "dirección no encontrada",
  MOVED: "la familia se mudó",
  REFUSED: "la familia rechazó la visita",
};

export const TIME_WINDOW_ES: Record<VisitTimeWindow, string> = { MORNING: "mañana", AFTERNOON: "tarde" };

export const CONTACT_CHANNEL_ES: Record<ContactChannel, string> = {
  PHONE: "llamada",
  WHATSAPP: "WhatsApp",
  IN_SCHOOL: "en el colegio",
  NEIGHBOUR: "a través de un vecino",
  OTHER_FAMILY: "a través de otra familia",
};

export const CONTACT_OUTCOME_ES: Record<ContactOutcome, string> = {
  REACHED: "se logró el contacto",
  NO_ANSWER: "no hubo respuesta",
  WRONG_NUMBER: "el dato de contacto no corresponde a la familia",
  REFUSED: "la familia no quiso conversar",
};
