import { importAttendanceForSchool, type AttendanceImportResult } from "../../lib/system/import-attendance-core";
import { runImportCommand } from "../../lib/imports/run-import-command";
import { resolveDatabase } from "../lib/database";

// `npm run cli -- import-attendance --school <códigoModular> [--month AAAA-MM] <archivo>`
// Long files (documento, fecha, estado) or a monthly grid (documento, 1…31) with --month.
// Runs as the system operator: audit actor null, origin "cli".
export function run(args: string[]): Promise<number> {
  return runImportCommand<AttendanceImportResult>("import-attendance", args, {
    allowMonth: true,
    usage: "npm run cli -- import-attendance --school <código modular> [--month AAAA-MM] <archivo.csv|xlsx>",
    empty: { inserted: 0, updated: 0, unchanged: 0, days: 0 },
    openDatabase: resolveDatabase,
    core: (school, file, origin, onProgress) => importAttendanceForSchool(school, null, file, origin, onProgress),
  });
}
