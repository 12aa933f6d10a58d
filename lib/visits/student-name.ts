/** "Paternal Maternal, Given names", as the student and case pages write it. */
export function studentName(s: { paternalSurname: string; maternalSurname: string | null; givenNames: string }) {
  return `${[s.paternalSurname, s.maternalSurname].filter(Boolean).join(" ")}, ${s.givenNames}`;
}
