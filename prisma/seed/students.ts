import {
  DISTRICTS_BY_SCHOOL,
  GIVEN_NAMES_F,
  GIVEN_NAMES_M,
  GUARDIAN_GIVEN_F,
  GUARDIAN_GIVEN_M,
  GUARDIAN_RELATIONSHIPS,
  REFERENCES,
  SETTLEMENTS,
  STREET_TYPES,
  STREETS,
  SURNAMES,
  VAGUE_REFERENCES,
} from "./names";
import { fromReference } from "./calendar";
import { SCHOOLS, schoolId } from "./people";
import { type Random, seedUuid, stream } from "./random";
import type { StudentPlan } from "./types";

// The roster: 2,356 students in 4 schools, grades 1°–5°, sections of at most 35, each grade
// split evenly by sex. Contacts carry the date they were last verified; about half are more
// than a year old, as in the pilot where outdated addresses blocked two visits in three.

const SECTION_SIZE = 35;

function dayBetween(r: Random, from: string, to: string): string {
  const a = Date.parse(`${from}T00:00:00Z`);
  const b = Date.parse(`${to}T00:00:00Z`);
  return new Date(a + r.int(0, Math.round((b - a) / 86_400_000)) * 86_400_000).toISOString().slice(0, 10);
}

/** When a contact was last verified: this year's enrolment, an earlier one, long ago, or never. */
export function verifiedDate(r: Random, staleness: "usual" | "stale"): string | null {
  const kind =
    staleness === "stale"
      ? r.weighted([
          ["old", 60],
          ["ancient", 30],
          ["never", 10],
        ] as const)
      : r.weighted([
          ["fresh", 50],
          ["old", 37],
          ["ancient", 9],
          ["never", 4],
        ] as const);
  if (kind === "fresh") return dayBetween(r, fromReference("2026-02-16"), fromReference("2026-04-17"));
  if (kind === "old") return dayBetween(r, fromReference("2024-02-19"), fromReference("2025-10-31"));
  if (kind === "ancient") return dayBetween(r, fromReference("2021-03-01"), fromReference("2023-12-15"));
  return null;
}

function mobile(r: Random): string {
  return `9${String(r.int(0, 99_999_999)).padStart(8, "0")}`;
}

function address(r: Random, school: string) {
  const district = r.pick(DISTRICTS_BY_SCHOOL[school]);
  const street = r.chance(0.3)
    ? `Mz. ${String.fromCharCode(65 + r.int(0, 17))} Lt. ${r.int(1, 30)}, ${r.pick(SETTLEMENTS)}`
    : `${r.pick(STREET_TYPES)} ${r.pick(STREETS)} ${r.int(100, 2999)}`;
  const reference = r.chance(0.7) ? r.pick(REFERENCES) : r.pick(VAGUE_REFERENCES);
  return { addressStreet: street, addressReference: reference, addressDistrict: district };
}

function documentFor(r: Random, used: Set<string>): Pick<StudentPlan, "documentType" | "documentNumber"> {
  const kind = r.weighted([
    ["DNI", 960],
    ["CE", 25],
    ["CODIGO", 10],
    ["NONE", 5],
  ] as const);
  if (kind === "NONE") return { documentType: "NONE", documentNumber: null };
  for (;;) {
    const number =
      kind === "DNI"
        ? String(r.int(60_000_000, 79_999_999))
        : kind === "CE"
          ? `00${String(r.int(1_000_000, 9_999_999))}`
          : `${r.int(10_000_000, 99_999_999)}${String(r.int(0, 999_999)).padStart(6, "0")}`;
    if (!used.has(number)) {
      used.add(number);
      return { documentType: kind, documentNumber: number };
    }
  }
}

function guardian(r: Random, paternal: string, maternal: string) {
  const relationship = r.weighted(GUARDIAN_RELATIONSHIPS);
  const female = ["Madre", "Abuela", "Tía", "Hermana mayor"].includes(relationship);
  const given = r.pick(female ? GUARDIAN_GIVEN_F : GUARDIAN_GIVEN_M);
  const first = relationship === "Madre" || relationship === "Tía" ? maternal : paternal;
  return { guardianName: `${given} ${first} ${r.pick(SURNAMES)}`, guardianRelationship: relationship };
}

export function generateStudents(): StudentPlan[] {
  const r = stream("students");
  const used = new Set<string>();
  const out: StudentPlan[] = [];
  for (const school of SCHOOLS) {
    for (let grade = 1; grade <= 5; grade++) {
      const inGrade = Math.floor(school.students / 5) + (grade <= school.students % 5 ? 1 : 0);
      const sexes = r.shuffle(Array.from({ length: inGrade }, (_, i) => (i % 2 === 0 ? "F" : "M") as "F" | "M"));
      const sections = Math.ceil(inGrade / SECTION_SIZE);
      const students = sexes.map((sex, i) => {
        const paternalSurname = r.pick(SURNAMES);
        const maternalSurname = r.pick(SURNAMES);
        const birthYear = 2026 - (11 + grade) - (r.chance(0.08) ? 1 : 0);
        return {
          section: String.fromCharCode(65 + (i % sections)),
          sex,
          paternalSurname,
          maternalSurname,
          givenNames: r.pick(sex === "F" ? GIVEN_NAMES_F : GIVEN_NAMES_M),
          birthDate: dayBetween(r, fromReference(`${birthYear - 1}-04-01`), fromReference(`${birthYear}-03-31`)),
          ...documentFor(r, used),
          ...address(r, school.codigo),
          addressVerifiedAt: verifiedDate(r, "usual"),
          phone: r.chance(0.6) ? mobile(r) : null,
          phoneVerifiedAt: verifiedDate(r, "usual"),
          ...guardian(r, paternalSurname, maternalSurname),
          guardianPhone: r.chance(0.93) ? mobile(r) : null,
          guardianVerifiedAt: verifiedDate(r, "usual"),
        };
      });
      // Roster order: section, then surnames as SIAGIE lists them.
      // (Accents folded and code points compared, so the order never depends on ICU data.)
      const keyed = students.map((x) => ({
        x,
        key: `${x.section} ${x.paternalSurname} ${x.maternalSurname} ${x.givenNames}`
          .normalize("NFD")
          .replace(/\p{M}/gu, ""),
      }));
      keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
      students.splice(0, students.length, ...keyed.map((k) => k.x));
      for (const s of students) {
        const index = out.length;
        out.push({
          ...s,
          phoneVerifiedAt: s.phone ? s.phoneVerifiedAt : null,
          guardianVerifiedAt: s.guardianVerifiedAt,
          index,
          id: seedUuid("student", index),
          school: school.codigo,
          schoolId: schoolId(school.codigo),
          grade,
          attendance: "",
          track: null,
          group: null,
          alerts: [],
        });
      }
    }
  }
  return out;
}
