import type { AttendanceStatus } from "../generated/prisma/enums";
import { normalizeKey } from "../imports/normalize";

// Status codes used in attendance files: the letters of school registers (P/T/F/J), SIAGIE's
// I for "inasistencia", and the Spanish words, matched ignoring case and accents.

const BY_KEY: Record<string, AttendanceStatus> = {
  p: "PRESENT",
  presente: "PRESENT",
  asistio: "PRESENT",
  t: "LATE",
  tardanza: "LATE",
  tarde: "LATE",
  tj: "LATE",
  tardanzajustificada: "LATE",
  f: "UNJUSTIFIED",
  falta: "UNJUSTIFIED",
  faltainjustificada: "UNJUSTIFIED",
  i: "UNJUSTIFIED",
  inasistencia: "UNJUSTIFIED",
  inasistenciainjustificada: "UNJUSTIFIED",
  injustificada: "UNJUSTIFIED",
  ausente: "UNJUSTIFIED",
  j: "JUSTIFIED",
  fj: "JUSTIFIED",
  justificada: "JUSTIFIED",
  faltajustificada: "JUSTIFIED",
  inasistenciajustificada: "JUSTIFIED",
  justificado: "JUSTIFIED",
};

/** The status a cell means, or null when the code is unknown. */
export function parseAttendanceStatus(text: string): AttendanceStatus | null {
  return BY_KEY[normalizeKey(text)] ?? null;
}

export const UNKNOWN_STATUS_MESSAGE = (text: string) =>
  `Estado «${text.trim()}» no reconocido: use P (presente), T (tardanza), F (falta injustificada) o J (falta justificada).`;
