// Text keys used to recognise headers and values written by hand in Spanish spreadsheets:
// "Fecha de Nacimiento", "FECHA_NACIMIENTO" and "fecha nacimiento" must all be one column.

const COMBINING_MARKS = /[\u0300-\u036f]/g;

/** Lowercase, without accents, spaces or punctuation: "N° de Documento" → "ndedocumento". */
export function normalizeKey(text: string): string {
  return text
    .normalize("NFD")
    .replace(COMBINING_MARKS, "")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");
}

/** Collapses inner whitespace (incl. non-breaking spaces) and trims. */
export function cleanText(text: string): string {
  return text.replace(/[\s\u00a0]+/g, " ").trim();
}

/** Key under which two spellings of the same person's name compare equal ("Peña" = "PENA"). */
export function nameKey(text: string): string {
  return cleanText(text).normalize("NFD").replace(COMBINING_MARKS, "").toUpperCase();
}
