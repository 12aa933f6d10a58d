import { createWriteStream } from "node:fs";
import { once } from "node:events";
import { mulberry32 } from "../../prisma/seed/random";

// Files for `npm run bench:import`, written the way a UGEL export looks: a `;` roster of
// 50,000 students (10 sections of 35 per grade would be a big school; here 5 grades × 286
// sections of 35) and a long attendance file, one row per student per school day.

/** BENCH_STUDENTS shrinks the run for a quick check of the script itself. */
export const STUDENTS = Number(process.env.BENCH_STUDENTS ?? 50_000);
export const SCHOOL_DAYS = 60;
export const FIRST_DAY = "2026-03-02"; // a Monday

const SURNAMES = [
  "Quispe",
  "Flores",
  "Sánchez",
  "Rodríguez",
  "García",
  "Rojas",
  "Huamán",
  "Mamani",
  "Chávez",
  "Castillo",
  "Peña",
  "Núñez",
  "Vásquez",
  "Ramírez",
  "Torres",
  "Mendoza",
];
const NAMES_F = ["María", "Ana Lucía", "Rosa", "Sofía", "Valeria", "Camila", "Lucía", "Ximena"];
const NAMES_M = ["José", "Luis Ángel", "Carlos", "Diego", "Miguel", "Jesús", "Renato", "Iñaki"];

/** Deterministic pseudo-random numbers, so every run imports the same data. */
export const random = mulberry32;

export const dniOf = (i: number) => String(40_000_000 + i * 7);

/** The `SCHOOL_DAYS` weekdays from FIRST_DAY, as YYYY-MM-DD. */
export function schoolDays(): string[] {
  const days: string[] = [];
  for (let d = new Date(`${FIRST_DAY}T00:00:00Z`); days.length < SCHOOL_DAYS; d.setUTCDate(d.getUTCDate() + 1)) {
    if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) days.push(d.toISOString().slice(0, 10));
  }
  return days;
}

const dmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

export function rosterCsv(): string {
  const rnd = random(7);
  const lines = ["DNI;Apellido paterno;Apellido materno;Nombres;Sexo;Fecha de nacimiento;Grado;Sección"];
  for (let i = 0; i < STUDENTS; i++) {
    const sex = i % 2 === 0 ? "F" : "M";
    const grade = 1 + (i % 5);
    const section = `S${String(1 + Math.floor(i / 5 / 35)).padStart(3, "0")}`;
    const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)];
    const birth = `${String(1 + Math.floor(rnd() * 28)).padStart(2, "0")}/${String(1 + Math.floor(rnd() * 12)).padStart(2, "0")}/${2014 - grade}`;
    lines.push(
      [
        dniOf(i),
        pick(SURNAMES),
        pick(SURNAMES),
        pick(sex === "F" ? NAMES_F : NAMES_M),
        sex,
        birth,
        grade,
        section,
      ].join(";"),
    );
  }
  return lines.join("\r\n") + "\r\n";
}

/** Status index per (day, student): most present, a few late or absent, some students often absent. */
export function attendanceStatuses(): Uint8Array {
  const rnd = random(42);
  const often = new Float32Array(STUDENTS).map(() => (rnd() < 0.1 ? 0.25 : 0.03));
  const out = new Uint8Array(STUDENTS * SCHOOL_DAYS);
  for (let d = 0; d < SCHOOL_DAYS; d++) {
    for (let s = 0; s < STUDENTS; s++) {
      const x = rnd();
      out[d * STUDENTS + s] = x < often[s] * 0.6 ? 2 : x < often[s] ? 3 : x < often[s] + 0.04 ? 1 : 0;
    }
  }
  return out;
}

const CODES = ["P", "T", "F", "J"];

/** The long attendance CSV (documento;fecha;estado), day by day, like concatenated daily registers. */
export async function writeAttendanceCsv(file: string, statuses: Uint8Array): Promise<number> {
  const days = schoolDays().map(dmy);
  return writeLines(
    file,
    "DNI;Fecha;Estado\r\n",
    (d, s) => `${dniOf(s)};${days[d]};${CODES[statuses[d * STUDENTS + s]]}\r\n`,
  );
}

const STATUS_NAMES = ["PRESENT", "LATE", "UNJUSTIFIED", "JUSTIFIED"];

/** The same rows as COPY text for the attendance table itself: studentId, date, schoolId, status. */
export async function writeCopyText(
  file: string,
  statuses: Uint8Array,
  studentIds: string[],
  schoolId: string,
): Promise<number> {
  const days = schoolDays();
  return writeLines(
    file,
    "",
    (d, s) => `${studentIds[s]}\t${days[d]}\t${schoolId}\t${STATUS_NAMES[statuses[d * STUDENTS + s]]}\n`,
  );
}

async function writeLines(
  file: string,
  header: string,
  line: (day: number, student: number) => string,
): Promise<number> {
  const out = createWriteStream(file);
  let bytes = 0;
  const write = async (chunk: string) => {
    bytes += Buffer.byteLength(chunk);
    if (!out.write(chunk)) await once(out, "drain");
  };
  await write(header);
  for (let d = 0; d < SCHOOL_DAYS; d++) {
    let chunk = "";
    for (let s = 0; s < STUDENTS; s++) {
      chunk += line(d, s);
      if (chunk.length > 1 << 20) {
        await write(chunk);
        chunk = "";
      }
    }
    await write(chunk);
  }
  out.end();
  await once(out, "finish");
  return bytes;
}

/**
 * One section (grade 1, S001: students 0, 5, …, 170) for the five weekdays of a week of
 * August–October 2026 (`week` 0–9), the size of a file a director uploads by hand.
 */
export function smallWeekCsv(week: number): string {
  const monday = new Date(Date.UTC(2026, 7, 3 + 7 * week));
  const days = Array.from({ length: 5 }, (_, d) => dmy(new Date(monday.getTime() + d * 86_400_000).toISOString()));
  const lines = ["DNI;Fecha;Estado"];
  for (const day of days) for (let s = 0; s < 175; s += 5) lines.push(`${dniOf(s)};${day};${CODES[(s + week) % 4]}`);
  return lines.join("\r\n") + "\r\n";
}
