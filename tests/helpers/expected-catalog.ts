import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

// The database catalog that prisma/schema.prisma describes, derived from Prisma's own DMMF
// (the same WebAssembly schema parser the CLI uses). The drift test compares it with the
// catalog that the committed migrations actually produce.

type DmmfField = {
  name: string;
  dbName: string | null;
  kind: "scalar" | "enum" | "object";
  type: string;
  nativeType: [string, string[]] | null;
  isRequired: boolean;
  isList: boolean;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
};
type DmmfModel = { name: string; dbName: string | null; fields: DmmfField[] };
type DmmfIndex = { model: string; type: "id" | "unique" | "normal" | "fulltext"; fields: { name: string }[] };
type Dmmf = {
  datamodel: {
    models: DmmfModel[];
    enums: { name: string; dbName: string | null; values: { name: string; dbName: string | null }[] }[];
    indexes: DmmfIndex[];
  };
};

export type Catalog = {
  columns: string[]; // "table.column type null|notnull"
  enums: string[]; // "Enum: A,B,C"
  indexes: string[]; // "table (pk|unique|index) (col1,col2)"
  foreignKeys: string[]; // "table (cols) -> table (cols) on delete Action"
  checks: string[]; // "table constraint_name"
};

/**
 * CHECK constraints: Prisma's schema language cannot express them, so they are written by hand
 * in the migrations and listed here; a missing or unexpected one fails the drift test. What
 * each one refuses is shown in tests/integration/constraints.integration.test.ts (the risk
 * evaluation and case task ones in tests/integration/evaluations.integration.test.ts).
 */
export const EXPECTED_CHECKS = [
  "alert alert_open_key_matches_status_chk",
  "case_file case_file_closed_has_outcome_chk",
  "case_file case_file_open_key_matches_state_chk",
  "holiday holiday_name_not_blank_chk",
  // 20261201100000_retention: an anonymised case stays closed.
  "case_file case_file_anonymised_is_closed_chk",
  "home_visit home_visit_outcome_iff_done_chk",
  "case_task case_task_done_is_recorded_chk",
  "referral referral_closed_has_counter_referral_chk",
  "referral referral_overdue_after_due_chk",
  "referral_deadline referral_deadline_hours_range_chk",
  "referral referral_rejected_has_reason_chk",
  // 20261130110000_referral_workflow: the legal basis's details and the full counter-referral
  // (referrals-database.integration.test.ts).
  "referral referral_adolescent_consent_has_details_chk",
  "referral referral_closed_has_next_steps_chk",
  "referral referral_guardian_consent_has_details_chk",
  "referral referral_protection_duty_cites_norm_chk",
  "risk_evaluation risk_evaluation_draft_key_matches_status_chk",
  "risk_evaluation risk_evaluation_not_own_correction_chk",
  "risk_evaluation risk_evaluation_signed_is_complete_chk",
  "student student_document_number_iff_type_chk",
];

/**
 * Indexes that Prisma's schema language cannot express, created by hand-written migration SQL.
 * Prisma Migrate leaves expression indexes alone, so only this list keeps them honest.
 */
export const SQL_ONLY_INDEXES = [
  // 20261128090000_search_unaccent_trgm: trigram search on the folded name and document.
  "student index (expression student_search_trgm_idx)",
  // 20261130100000_notifications: a user's unread notifications (the header's count).
  "notification index (partial notification_user_unread_idx)",
];

const SCALAR_TYPES: Record<string, string> = {
  String: "text",
  Int: "int4",
  BigInt: "int8",
  Float: "float8",
  Boolean: "bool",
  DateTime: "timestamp(3)",
  Json: "jsonb",
  Decimal: "numeric(65,30)",
};

function nativeTypeName([name, args]: [string, string[]]): string {
  const map: Record<string, string> = {
    Uuid: "uuid",
    SmallInt: "int2",
    Integer: "int4",
    BigInt: "int8",
    Date: "date",
    Timestamptz: "timestamptz",
    Timestamp: "timestamp",
    VarChar: "varchar",
    Text: "text",
  };
  const base = map[name] ?? name.toLowerCase();
  if (base === "date" || base === "uuid" || base === "text" || base.startsWith("int")) return base;
  return args.length ? `${base}(${args.join(",")})` : base;
}

export function readSchema(schemaPath = path.join(process.cwd(), "prisma", "schema.prisma")): string {
  return readFileSync(schemaPath, "utf8");
}

export function loadDmmf(schema = readSchema()): Dmmf {
  const require = createRequire(import.meta.url);
  const wasm = require("@prisma/prisma-schema-wasm") as { get_dmmf: (params: string) => string };
  return JSON.parse(wasm.get_dmmf(JSON.stringify({ prismaSchema: [["schema.prisma", schema]] })));
}

export function expectedCatalog(dmmf: Dmmf = loadDmmf()): Catalog {
  const tableOf = new Map(dmmf.datamodel.models.map((m) => [m.name, m.dbName ?? m.name]));
  const columnOf = (model: string, field: string) => {
    const f = dmmf.datamodel.models.find((m) => m.name === model)!.fields.find((x) => x.name === field)!;
    return f.dbName ?? f.name;
  };
  const catalog: Catalog = { columns: [], enums: [], indexes: [], foreignKeys: [], checks: [...EXPECTED_CHECKS] };
  for (const model of dmmf.datamodel.models) {
    const table = tableOf.get(model.name)!;
    for (const f of model.fields) {
      if (f.kind === "object") {
        if (f.relationFromFields?.length) {
          const target = tableOf.get(f.type)!;
          // Prisma's default: Restrict for a required relation, SetNull for an optional one.
          const onDelete = f.relationOnDelete ?? (f.isRequired ? "Restrict" : "SetNull");
          catalog.foreignKeys.push(
            `${table} (${f.relationFromFields.map((c) => columnOf(model.name, c)).join(",")}) -> ${target} (${f.relationToFields!.map((c) => columnOf(f.type, c)).join(",")}) on delete ${onDelete}`,
          );
        }
        continue;
      }
      let type = f.kind === "enum" ? f.type : f.nativeType ? nativeTypeName(f.nativeType) : SCALAR_TYPES[f.type];
      if (f.isList) type = `${type}[]`;
      // Prisma creates scalar-list columns without NOT NULL.
      const notNull = f.isRequired && !f.isList;
      catalog.columns.push(`${table}.${f.dbName ?? f.name} ${type} ${notNull ? "notnull" : "null"}`);
    }
  }
  for (const e of dmmf.datamodel.enums) {
    catalog.enums.push(`${e.dbName ?? e.name}: ${e.values.map((v) => v.dbName ?? v.name).join(",")}`);
  }
  for (const idx of dmmf.datamodel.indexes) {
    const table = tableOf.get(idx.model)!;
    const kind = idx.type === "id" ? "pk" : idx.type === "unique" ? "unique" : "index";
    catalog.indexes.push(`${table} ${kind} (${idx.fields.map((f) => columnOf(idx.model, f.name)).join(",")})`);
  }
  catalog.indexes.push(...SQL_ONLY_INDEXES);
  for (const list of Object.values(catalog)) list.sort();
  return catalog;
}
