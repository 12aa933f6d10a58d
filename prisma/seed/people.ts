import type { AgencyType, Role } from "../../lib/generated/prisma/enums";
import { hashPassword } from "../../lib/auth/password";
import type { SeedTx } from "./types";
import { seedUuid } from "./random";

// Fixed demo identifiers (PRODUCT.md §4): schools, agencies and the 14 demo accounts.

export const DEMO_PASSWORD = "Permanencia2026!";

export const SCHOOLS = [
  {
    codigo: "1000001",
    name: "IE Trujillo A",
    region: "La Libertad",
    province: "Trujillo",
    district: "Trujillo",
    students: 652,
  },
  {
    codigo: "1000002",
    name: "IE Trujillo B",
    region: "La Libertad",
    province: "Trujillo",
    district: "Trujillo",
    students: 571,
  },
  {
    codigo: "2000001",
    name: "IE Independencia",
    region: "Lima",
    province: "Lima",
    district: "Independencia",
    students: 598,
  },
  {
    codigo: "2000002",
    name: "IE San Juan de Lurigancho",
    region: "Lima",
    province: "Lima",
    district: "San Juan de Lurigancho",
    students: 535,
  },
] as const;

export type SchoolCode = (typeof SCHOOLS)[number]["codigo"];

type AgencyDef = { code: string; type: AgencyType; name: string; region: string; district: string };

export const AGENCIES: readonly AgencyDef[] = [
  { code: "DEMUNA-TRU", type: "DEMUNA", name: "DEMUNA Trujillo", region: "La Libertad", district: "Trujillo" },
  { code: "CEM-TRU", type: "CEM", name: "CEM Trujillo", region: "La Libertad", district: "Trujillo" },
  { code: "CSMC-TRU", type: "CSMC", name: "CSMC Trujillo", region: "La Libertad", district: "Trujillo" },
  { code: "BAPES-TRU", type: "BAPES", name: "PNP Bapes Trujillo", region: "La Libertad", district: "Trujillo" },
  { code: "UGEL-TRU", type: "UGEL", name: "UGEL Trujillo", region: "La Libertad", district: "Trujillo" },
  { code: "DEMUNA-IND", type: "DEMUNA", name: "DEMUNA Independencia", region: "Lima", district: "Independencia" },
  { code: "CEM-IND", type: "CEM", name: "CEM Independencia", region: "Lima", district: "Independencia" },
  { code: "CSMC-IND", type: "CSMC", name: "CSMC Independencia", region: "Lima", district: "Independencia" },
  { code: "BAPES-IND", type: "BAPES", name: "PNP Bapes Independencia", region: "Lima", district: "Independencia" },
  { code: "UGEL-02", type: "UGEL", name: "UGEL 02 (Lima)", region: "Lima", district: "Independencia" },
  {
    code: "DEMUNA-SJL",
    type: "DEMUNA",
    name: "DEMUNA San Juan de Lurigancho",
    region: "Lima",
    district: "San Juan de Lurigancho",
  },
  {
    code: "CEM-SJL",
    type: "CEM",
    name: "CEM San Juan de Lurigancho",
    region: "Lima",
    district: "San Juan de Lurigancho",
  },
  {
    code: "CSMC-SJL",
    type: "CSMC",
    name: "CSMC San Juan de Lurigancho",
    region: "Lima",
    district: "San Juan de Lurigancho",
  },
  {
    code: "BAPES-SJL",
    type: "BAPES",
    name: "PNP Bapes San Juan de Lurigancho",
    region: "Lima",
    district: "San Juan de Lurigancho",
  },
  { code: "UGEL-05", type: "UGEL", name: "UGEL 05 (Lima)", region: "Lima", district: "San Juan de Lurigancho" },
];

/** Which agency of each type serves a school's territory. */
export function agencyCodeFor(school: SchoolCode, type: AgencyType): string {
  if (school.startsWith("1")) return `${type}-TRU`;
  if (type === "UGEL") return school === "2000001" ? "UGEL-02" : "UGEL-05";
  return `${type}-${school === "2000001" ? "IND" : "SJL"}`;
}

const ALL: SchoolCode[] = ["1000001", "1000002", "2000001", "2000002"];

export const USERS = [
  { key: "admin", email: "admin@demo.pe", name: "Carlos Mendoza Ríos", role: "ADMIN", schools: [] },
  { key: "coordinator", email: "coordinador@demo.pe", name: "Lucía Paredes Vega", role: "COORDINATOR", schools: ALL },
  {
    key: "director",
    email: "director@demo.pe",
    name: "Jorge Alvarado Castillo",
    role: "DIRECTOR",
    schools: ["1000001"],
  },
  {
    key: "directorSjl",
    email: "director.sjl@demo.pe",
    name: "Marleni Huamán Quispe",
    role: "DIRECTOR",
    schools: ["2000002"],
  },
  { key: "tutor", email: "tutor@demo.pe", name: "Rosa Valverde Cruz", role: "TUTOR", schools: ["1000001"] },
  {
    key: "psychologist",
    email: "psicologo@demo.pe",
    name: "Ana Lucía Torres Salazar",
    role: "PSYCHOLOGIST",
    schools: ALL,
  },
  { key: "social", email: "social@demo.pe", name: "Milagros Rojas León", role: "SOCIAL_WORKER", schools: ALL },
  {
    key: "educator",
    email: "educador@demo.pe",
    name: "Pedro Sánchez Vargas",
    role: "EDUCATOR",
    schools: ["1000001", "1000002"],
  },
  {
    key: "demuna",
    email: "demuna@demo.pe",
    name: "Karina Gutiérrez Polo",
    role: "AGENCY_STAFF",
    schools: [],
    agency: "DEMUNA-TRU",
  },
  {
    key: "demunaSjl",
    email: "demuna.sjl@demo.pe",
    name: "Víctor Condori Mamani",
    role: "AGENCY_STAFF",
    schools: [],
    agency: "DEMUNA-SJL",
  },
  {
    key: "cem",
    email: "cem@demo.pe",
    name: "Patricia Ramos Díaz",
    role: "AGENCY_STAFF",
    schools: [],
    agency: "CEM-TRU",
  },
  {
    key: "csmc",
    email: "csmc@demo.pe",
    name: "Luis Cabrera Benites",
    role: "AGENCY_STAFF",
    schools: [],
    agency: "CSMC-TRU",
  },
  {
    key: "bapes",
    email: "bapes@demo.pe",
    name: "Raúl Chávez Ortiz",
    role: "AGENCY_STAFF",
    schools: [],
    agency: "BAPES-TRU",
  },
  {
    key: "ugel",
    email: "ugel@demo.pe",
    name: "Elena Castañeda Ruiz",
    role: "AGENCY_STAFF",
    schools: [],
    agency: "UGEL-TRU",
  },
] as const satisfies readonly {
  key: string;
  email: string;
  name: string;
  role: Role;
  schools: readonly SchoolCode[];
  agency?: string;
}[];

export type UserKey = (typeof USERS)[number]["key"];

export const schoolId = (codigo: string) => seedUuid("school", codigo);
export const agencyId = (code: string) => seedUuid("agency", code);
export const userId = (key: UserKey) => seedUuid("user", key);

/** The staff member who responds for an agency in the demo, when it has an account. */
export function agencyUserKey(agencyCode: string): UserKey | null {
  const u = USERS.find((x) => "agency" in x && x.agency === agencyCode);
  return u ? u.key : null;
}

export async function insertPeople(tx: SeedTx) {
  await tx.school.createMany({
    data: SCHOOLS.map((s) => ({
      id: schoolId(s.codigo),
      codigoModular: s.codigo,
      name: s.name,
      region: s.region,
      province: s.province,
      district: s.district,
      isDemo: true,
    })),
  });
  await tx.agency.createMany({ data: AGENCIES.map((a) => ({ id: agencyId(a.code), ...a })) });
  // bcrypt is deliberately slow: one hash serves every demo account.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await tx.user.createMany({
    data: USERS.map((u) => ({
      id: userId(u.key),
      email: u.email,
      name: u.name,
      role: u.role,
      passwordHash,
      agencyId: "agency" in u ? agencyId(u.agency) : null,
    })),
  });
  await tx.userSchool.createMany({
    data: USERS.flatMap((u) => u.schools.map((c) => ({ userId: userId(u.key), schoolId: schoolId(c) }))),
  });
  return { schools: SCHOOLS.length, agencies: AGENCIES.length, users: USERS.length };
}
